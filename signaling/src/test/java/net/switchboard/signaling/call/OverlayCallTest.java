package net.switchboard.signaling.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.route.RouteReply;
import net.switchboard.dht.testing.Testnet;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.transport.ContactAddress;
import net.switchboard.signaling.transport.OverlayRouter;
import net.switchboard.signaling.transport.OverlayTransport;
import net.switchboard.signaling.transport.TransportSelector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls between real DHT nodes, signaling routed over several hops: relays handle only ciphertext. */
class OverlayCallTest {
  private Testnet net;
  private final List<byte[]> relayedPayloads = new ArrayList<>();
  private FakeMedia media;

  @BeforeEach
  void sparseNetwork() {
    net = new Testnet(21, DhtConfig.defaults().withK(2).withAlpha(2)).grow(60);
    media = new FakeMedia(net.scheduler());
    for (DhtNode n : net.nodes) {
      n.router().setRelayTap(rt -> relayedPayloads.add(rt.payload().clone()));
    }
  }

  private final class Node implements CallListener {
    final DhtNode dht;
    final FakeMedia.Engine engine;
    final CallManager manager;
    final List<CallSession> incoming = new ArrayList<>();

    Node(DhtNode dht, CallPolicy policy) {
      this.dht = dht;
      this.engine = media.engine("10.77.0." + net.nodes.indexOf(dht));
      this.manager = CallManager.builder(dht.identity(), net.scheduler())
          .random(new SplittableRandom(net.nodes.indexOf(dht)))
          .transports(new TransportSelector(net.scheduler(), List.of(OverlayTransport.over(OverlayRouter.of(dht)))))
          .media(engine)
          .policy(policy)
          .replyTo(Reachability.viaOwnNode(dht.id()))
          .listener(this)
          .build();
    }

    ContactAddress address() {
      return ContactAddress.ofNode(dht.identity().publicKey());
    }

    @Override
    public void onIncoming(CallSession call) {
      incoming.add(call);
    }
  }

  private DhtNode[] pairAtLeastHops(int minHops) {
    SplittableRandom r = new SplittableRandom(3);
    for (int attempt = 0; attempt < 200; attempt++) {
      DhtNode a = net.nodes.get(r.nextInt(net.nodes.size()));
      DhtNode b = net.nodes.get(r.nextInt(net.nodes.size()));
      if (a == b || a.routingTable().contains(b.id())) {
        continue;
      }
      RouteReply reply = net.await(a.route(b.id(), new byte[] {9}), 20_000);
      if (reply.hops() >= minHops) {
        return new DhtNode[] {a, b};
      }
    }
    throw new AssertionError("no pair needs " + minHops + " hops");
  }

  @Test
  void aCallRoutedOverSeveralHopsConnectsAndRelaysSeeOnlyCiphertext() {
    DhtNode[] pair = pairAtLeastHops(3);
    Node alice = new Node(pair[0], CallPolicy.ringAll());
    Node bob = new Node(pair[1], new ListCallPolicy().autoAccept(ListCallPolicy.AutoAccept.EVERYONE));
    relayedPayloads.clear();
    CallSession call = alice.manager.call(bob.address());
    assertTrue(net.runUntil(() -> call.state() == CallState.ACTIVE, 30_000), "call state " + call);

    assertFalse(relayedPayloads.isEmpty(), "signaling crossed relays");
    List<String> secrets = new ArrayList<>();
    for (FakeMedia.Session s : List.of(alice.engine.opened.get(0), bob.engine.opened.get(0))) {
      secrets.add(s.fingerprint);
      secrets.add(s.ufrag.length() > 2 ? "a=ice-ufrag:" + s.ufrag : "a=ice-ufrag:");
      secrets.add(s.engine.hostIp);
    }
    secrets.add("a=fingerprint");
    secrets.add("candidate:");
    for (byte[] p : relayedPayloads) {
      String seen = new String(p, StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        assertFalse(seen.contains(secret), "a relay handled " + secret);
      }
      assertFalse(CallPrivacyTest.containsBytes(p, alice.dht.identity().publicKey()), "a relay saw the caller's key");
    }
  }

  @Test
  void aBlockedCallerOverTheOverlayGetsNoReplyAtAll() {
    DhtNode[] pair = pairAtLeastHops(2);
    Node mallory = new Node(pair[0], CallPolicy.ringAll());
    Node bob = new Node(pair[1], new ListCallPolicy().block(pair[0].identity().publicKey()));
    CallSession call = mallory.manager.call(bob.address());
    assertTrue(net.runUntil(call::ended, 60_000));
    assertEquals(EndReason.FAILED, call.endReason());
    assertEquals("callee unreachable", call.endDetail());
    assertTrue(bob.incoming.isEmpty());
    assertTrue(bob.engine.opened.isEmpty());
    assertEquals(1L, bob.manager.counters().get("refused_policy"));
  }
}
