package net.switchboard.dht.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.DhtMetrics;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.testing.Testnet;
import net.switchboard.netsim.network.SimTransport;
import net.switchboard.seam.Endpoint;
import org.junit.jupiter.api.Test;

/** The session layer on the deterministic testnet: handshakes, sealed data, and what attackers try. */
class SessionLayerTest {
  private Testnet net = Testnet.empty(7);
  private final SplittableRandom random = new SplittableRandom(11);

  /** One party: identity, transport, layer, what it received. */
  private final class Party {
    final Identity identity = Identity.generate(random.split());
    final SimTransport port;
    final DhtMetrics metrics = new DhtMetrics();
    SessionLayer layer;
    final List<String> received = new ArrayList<>();
    final List<Session> from = new ArrayList<>();
    final List<Endpoint> unreachable = new ArrayList<>();

    Party() {
      this(net.port());
    }

    Party(SimTransport port) {
      this.port = port;
      restart();
    }

    void restart() {
      layer = new SessionLayer(identity, port, net.scheduler(), random.split(), SessionCrypto.standard(),
          SessionConfig.defaults(), metrics);
      layer.setClaim(port.localEndpoint());
      layer.start(new SessionLayer.Listener() {
        @Override
        public void onMessage(Session session, byte[] payload) {
          received.add(new String(payload, StandardCharsets.UTF_8));
          from.add(session);
        }

        @Override
        public void onUnreachable(Endpoint endpoint) {
          unreachable.add(endpoint);
        }
      });
    }

    void send(Party to, String text) {
      layer.send(to.port.localEndpoint(), to.identity.nodeId(), text.getBytes(StandardCharsets.UTF_8));
    }

    Endpoint endpoint() {
      return port.localEndpoint();
    }
  }

  private void settle() {
    net.advance(5_000);
  }

  @Test
  void aHandshakeBindsBothKeysAndDataCrossesBothWays() {
    Party a = new Party(), b = new Party();
    a.send(b, "ping");
    a.send(b, "ping 2"); // queued behind the handshake
    settle();
    assertEquals(Set.of("ping", "ping 2"), Set.copyOf(b.received), "the network may reorder");
    Session atB = b.from.get(0);
    assertEquals(a.identity.nodeId(), atB.peerId());
    assertTrue(atB.addressConfirmed(), "a signed its own endpoint");
    b.layer.send(atB.endpoint(), atB.peerId(), "pong".getBytes(StandardCharsets.UTF_8));
    settle();
    assertEquals(List.of("pong"), a.received);
    Session atA = a.layer.sessionAt(b.endpoint());
    assertEquals(b.identity.nodeId(), atA.peerId());
    assertTrue(atA.addressConfirmed());
    assertEquals(a.endpoint(), atA.observedSelf(), "b signed where it saw a");
    assertEquals(1, a.metrics.get("session_established"));
    assertEquals(1, b.metrics.get("session_accepted"));
  }

  @Test
  void noReplyToAnUnvalidatedSourceIsLargerThanWhatProvokedIt() {
    Party b = new Party();
    SimTransport raw = net.port();
    List<byte[]> replies = new ArrayList<>();
    raw.setReceiver((from, d) -> replies.add(d));
    byte[] hello = SessionPacket.hello(SessionCrypto.standard().publicOf(new byte[32]));
    raw.send(b.endpoint(), hello);
    settle();
    assertEquals(1, replies.size());
    assertTrue(replies.get(0).length <= hello.length, "COOKIE " + replies.get(0).length + " > HELLO " + hello.length);
    // an INIT whose cookie is wrong gets nothing at all, so no signature is made for it
    Identity mallory = Identity.generate(random.split());
    byte[] body = SessionPacket.initBody(new byte[32], new byte[16], mallory.publicKey(), false, null, new byte[32]);
    raw.send(b.endpoint(), SessionPacket.concat(body, mallory.sign(body)));
    // a DATA for no session gets the 9-byte UNKNOWN
    byte[] data = new byte[SessionPacket.DATA_HEADER + 40];
    data[0] = SessionPacket.DATA;
    raw.send(b.endpoint(), data);
    settle();
    assertEquals(2, replies.size());
    assertTrue(replies.get(1).length < data.length);
    assertEquals(1, b.metrics.get("session_dropped_bad_cookie"));
    assertEquals(0, b.layer.sessionCount());
  }

  @Test
  void aRelayedHandshakeGivesTheRelayNoConfirmedAddressAndNoWayToInject() {
    Party victim = new Party(), target = new Party();
    // the relay forwards the victim's datagrams to the target from its own address, and back
    SimTransport relay = net.port();
    List<byte[]> seenByRelay = new ArrayList<>();
    relay.setReceiver((from, d) -> {
      seenByRelay.add(d);
      relay.send(from.equals(victim.endpoint()) ? target.endpoint() : victim.endpoint(), d);
    });
    // the victim was told (by a poisoned table) that the target lives at the relay's address
    victim.layer.send(relay.localEndpoint(), target.identity.nodeId(), "hello".getBytes(StandardCharsets.UTF_8));
    settle();
    assertEquals(List.of("hello"), target.received, "a relay can forward, as any router can");
    Session atTarget = target.from.get(0);
    assertEquals(relay.localEndpoint(), atTarget.endpoint());
    assertFalse(atTarget.addressConfirmed(), "the victim signed its own address, not the relay's");
    assertFalse(victim.layer.sessionAt(relay.localEndpoint()).addressConfirmed(), "nor did the target");
    // what the relay makes up itself does not open: it has no session key
    byte[] last = seenByRelay.get(seenByRelay.size() - 1).clone();
    last[last.length - 1] ^= 1;
    relay.send(target.endpoint(), last);
    settle();
    assertEquals(1, target.received.size());
    assertEquals(1, target.metrics.get("session_dropped_forged"));
  }

  @Test
  void replayedTamperedAndMisaddressedDataAreDropped() {
    Party a = new Party(), b = new Party();
    List<byte[]> wire = new ArrayList<>();
    net.network.setTap((at, from, to, d) -> {
      if (d.length > 0 && d[0] == SessionPacket.DATA) {
        wire.add(d.clone());
      }
    });
    a.send(b, "once");
    settle();
    byte[] data = wire.get(0);
    SimTransport other = net.port();
    a.port.send(b.endpoint(), data); // replayed from the right endpoint
    other.send(b.endpoint(), data); // replayed from another endpoint
    settle();
    assertEquals(List.of("once"), b.received);
    assertEquals(1, b.metrics.get("session_dropped_replayed"));
    assertEquals(1, b.metrics.get("session_dropped_unknown_session"));
  }

  @Test
  void aHandshakeWithNoAnswerReportsTheEndpointUnreachableAfterItsAttempts() {
    Party a = new Party();
    Endpoint nobody = net.port().localEndpoint();
    net.disconnect(nobody);
    a.layer.send(nobody, null, new byte[] {1});
    settle();
    assertEquals(List.of(nobody), a.unreachable);
    assertEquals(SessionConfig.defaults().attempts(), a.metrics.get("session_hello_sent"));
  }

  @Test
  void aResponderThatIsNotTheExpectedIdRefusesAndTheCallerHearsNothing() {
    Party a = new Party(), b = new Party(), c = new Party();
    a.layer.send(b.endpoint(), c.identity.nodeId(), new byte[] {1});
    settle();
    assertTrue(b.received.isEmpty());
    assertTrue(b.metrics.get("session_dropped_not_for_us") > 0);
    assertEquals(List.of(b.endpoint()), a.unreachable);
  }

  @Test
  void aPeerThatRestartedSaysSoAndTheNextSendHandshakesAgain() {
    Party a = new Party(), b = new Party();
    a.send(b, "before");
    settle();
    b.restart(); // its sessions are gone
    a.send(b, "lost");
    settle();
    assertNull(a.layer.sessionAt(b.endpoint()), "the UNKNOWN reply dropped the stale session");
    assertEquals(1, a.metrics.get("session_reset_by_peer"));
    a.send(b, "after");
    settle();
    assertEquals(List.of("before", "after"), b.received);
  }

  @Test
  void simultaneousHandshakesBothWaysStillDeliverEverything() {
    Party a = new Party(), b = new Party();
    a.send(b, "a1");
    b.send(a, "b1");
    settle();
    a.send(b, "a2");
    b.send(a, "b2");
    settle();
    assertEquals(List.of("a1", "a2"), b.received);
    assertEquals(List.of("b1", "b2"), a.received);
  }

  @Test
  void handshakesGetThroughTwentyPercentLossByRetransmitting() {
    net = Testnet.withLatencyModel(3, DhtConfig.defaults(), 0.2);
    long retransmits = 0;
    for (int i = 0; i < 20; i++) {
      Party a = new Party(), b = new Party();
      // the layer retransmits handshake packets; DATA is retried by the caller, as the RPC engine does
      for (int attempt = 0; attempt < 3 && b.received.isEmpty(); attempt++) {
        a.send(b, "x");
        settle();
      }
      assertEquals(List.of("x"), b.received, "pair " + i + " a " + a.metrics.snapshot() + " b " + b.metrics.snapshot() + " unreachable " + a.unreachable);
      retransmits += a.metrics.get("session_hello_sent") + a.metrics.get("session_init_sent") - 2;
    }
    assertTrue(retransmits > 0, "with 20 % loss some handshake packet had to be sent again");
  }
}
