package net.switchboard.signaling.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.testing.Testnet;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.contact.Reachability;
import org.junit.jupiter.api.Test;

class TransportSelectorTest {
  private final Testnet testnet = Testnet.empty(1);
  private final LoopbackNetwork net = new LoopbackNetwork(testnet.scheduler(), 5, 1_000);
  private final Identity alice = Identity.generate(new SplittableRandom(1));
  private final Identity bob = Identity.generate(new SplittableRandom(2));
  private final List<String> bobGot = new ArrayList<>();

  private TransportSelector aliceWith(ContactTransport... kinds) {
    List<SignalingTransport> ts = new ArrayList<>();
    for (ContactTransport k : kinds) {
      ts.add(net.attach(k, alice.publicKey()));
    }
    return new TransportSelector(testnet.scheduler(), ts);
  }

  private void bobListensOn(ContactTransport... kinds) {
    for (ContactTransport k : kinds) {
      net.attach(k, bob.publicKey()).onReceive(in -> {
        bobGot.add(in.transport());
        in.acknowledge();
      });
    }
  }

  private ContactAddress bobListing(ContactTransport... kinds) {
    EnumSet<ContactTransport> set = EnumSet.noneOf(ContactTransport.class);
    set.addAll(List.of(kinds));
    return ContactAddress.of(bob.publicKey(), new Reachability(List.of(bob.nodeId()), List.of(), set, EnumSet.allOf(MediaCapability.class)));
  }

  private <T> T await(CompletableFuture<T> f) throws Exception {
    testnet.runUntil(f::isDone, 60_000);
    return f.get();
  }

  @Test
  void picksInTheOrderOverlayDirectPeerjsGatewayAmongWhatTheContactLists() {
    TransportSelector s = aliceWith(ContactTransport.GATEWAY, ContactTransport.PEERJS, ContactTransport.DIRECT, ContactTransport.OVERLAY);
    assertEquals(List.of(ContactTransport.OVERLAY, ContactTransport.DIRECT, ContactTransport.PEERJS, ContactTransport.GATEWAY),
        s.candidates(bobListing(ContactTransport.values())).stream().map(SignalingTransport::kind).toList());
    assertEquals(List.of(ContactTransport.PEERJS),
        s.candidates(bobListing(ContactTransport.PEERJS)).stream().map(SignalingTransport::kind).toList());
  }

  @Test
  void fallsBackToTheNextTransportWhenOneFails() throws Exception {
    bobListensOn(ContactTransport.OVERLAY, ContactTransport.DIRECT);
    net.setDown(ContactTransport.OVERLAY, bob.nodeId(), true);
    TransportSelector s = aliceWith(ContactTransport.OVERLAY, ContactTransport.DIRECT);
    SignalingTransport used = await(s.send(bobListing(ContactTransport.OVERLAY, ContactTransport.DIRECT), new byte[] {1}));
    assertEquals(ContactTransport.DIRECT, used.kind());
    assertEquals(List.of("direct"), bobGot);
  }

  @Test
  void theTransportThatLastWorkedIsTriedFirstUntilItFails() throws Exception {
    bobListensOn(ContactTransport.OVERLAY, ContactTransport.DIRECT);
    net.setDown(ContactTransport.OVERLAY, bob.nodeId(), true);
    TransportSelector s = aliceWith(ContactTransport.OVERLAY, ContactTransport.DIRECT);
    ContactAddress to = bobListing(ContactTransport.OVERLAY, ContactTransport.DIRECT);
    await(s.send(to, new byte[] {1}));
    net.setDown(ContactTransport.OVERLAY, bob.nodeId(), false);
    long t0 = testnet.nowMillis();
    assertEquals(ContactTransport.DIRECT, await(s.send(to, new byte[] {2})).kind());
    assertTrue(testnet.nowMillis() - t0 < 1_000, "no timeout spent on the overlay again");
    net.setDown(ContactTransport.DIRECT, bob.nodeId(), true);
    assertEquals(ContactTransport.OVERLAY, await(s.send(to, new byte[] {3})).kind());
  }

  @Test
  void failsWhenEveryTransportFailsOrNoneFits() {
    bobListensOn(ContactTransport.OVERLAY);
    net.setDown(ContactTransport.OVERLAY, bob.nodeId(), true);
    TransportSelector s = aliceWith(ContactTransport.OVERLAY);
    ExecutionException all = assertThrows(ExecutionException.class, () -> await(s.send(bobListing(ContactTransport.OVERLAY), new byte[] {1})));
    assertEquals(TransportException.Reason.ALL_FAILED, assertInstanceOf(TransportException.class, all.getCause()).reason());
    ExecutionException none = assertThrows(ExecutionException.class, () -> await(s.send(bobListing(ContactTransport.PEERJS), new byte[] {1})));
    assertEquals(TransportException.Reason.NOT_APPLICABLE, assertInstanceOf(TransportException.class, none.getCause()).reason());
  }

  @Test
  void twoTransportsOfOneKindAreAConfigurationError() {
    assertThrows(IllegalArgumentException.class, () -> new TransportSelector(testnet.scheduler(), List.of(
        net.attach(ContactTransport.OVERLAY, alice.publicKey()), net.attach(ContactTransport.OVERLAY, bob.publicKey()))));
  }
}
