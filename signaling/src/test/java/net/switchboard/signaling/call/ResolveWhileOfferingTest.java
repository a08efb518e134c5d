package net.switchboard.signaling.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.switchboard.signaling.call.CallTestbed.Party;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.contact.Reachability;
import org.junit.jupiter.api.Test;

/**
 * {@link CallManager#call(byte[], CompletableFuture)}: media and offer start while the callee's
 * record is still being resolved; nothing leaves before the address is known.
 */
class ResolveWhileOfferingTest {
  private final CallTestbed bed = new CallTestbed(11);
  private final Party alice = bed.party("alice");
  private final Party bob = bed.party("bob");

  @Test
  void offerIsCreatedAtOnceAndRingWaitsForTheAddress() {
    CompletableFuture<Reachability> resolving = new CompletableFuture<>();
    CallSession out = alice.manager.call(bob.identity.publicKey(), resolving);
    assertEquals(CallState.OUTGOING_RINGING, out.state());
    assertEquals(1, alice.engine.opened.size(), "media opened before the record is known");
    bed.run(500);
    assertEquals(0, bed.envelopes(alice, bob), "nothing is sent before the address is known");
    assertTrue(bob.incoming.isEmpty());

    resolving.complete(bob.address().reachability());
    bed.run(100);
    assertEquals(1, bob.incoming.size());
    bob.incoming.get(0).accept();
    bed.run(200);
    assertEquals(CallState.ACTIVE, out.state());
    assertEquals(CallState.ACTIVE, bob.incoming.get(0).state());
    assertEquals(1, alice.engine.opened.size(), "same media: the early offer was used");
    assertEquals(bob.address(), out.remote());
  }

  @Test
  void aFailedResolveEndsTheCallWithoutSendingAnything() {
    CompletableFuture<Reachability> resolving = new CompletableFuture<>();
    CallSession out = alice.manager.call(bob.identity.publicKey(), resolving);
    bed.run(50);
    resolving.completeExceptionally(new IllegalStateException("no contact record found"));
    bed.run(50);
    assertEquals(EndReason.FAILED, out.endReason());
    assertTrue(out.endDetail().contains("could not resolve"), out.endDetail());
    assertTrue(alice.engine.opened.get(0).closed, "media closed");
    bed.run(1_000);
    assertEquals(0, bed.envelopes(alice, bob));
  }

  @Test
  void cancellingBeforeTheAddressIsKnownSendsNothing() {
    CompletableFuture<Reachability> resolving = new CompletableFuture<>();
    CallSession out = alice.manager.call(bob.identity.publicKey(), resolving);
    bed.run(50);
    out.cancel();
    assertEquals(EndReason.CANCELLED, out.endReason());
    resolving.complete(bob.address().reachability());
    bed.run(1_000);
    assertEquals(0, bed.envelopes(alice, bob));
    assertTrue(bob.incoming.isEmpty());
  }

  @Test
  void otherMediaInTheRecordReopenMediaBeforeTheRing() {
    CompletableFuture<Reachability> resolving = new CompletableFuture<>();
    CallSession out = alice.manager.call(bob.identity.publicKey(), resolving);
    bed.run(50);
    Reachability dataOnly = new Reachability(List.of(bob.identity.nodeId()), List.of(),
        EnumSet.of(ContactTransport.OVERLAY), EnumSet.of(MediaCapability.DATA));
    resolving.complete(dataOnly);
    bed.run(100);
    assertEquals(2, alice.engine.opened.size(), "media opened again for the record's media");
    assertTrue(alice.engine.opened.get(0).closed, "the first media session is closed");
    assertEquals(1, bob.incoming.size());
    bob.incoming.get(0).accept();
    bed.run(200);
    assertEquals(CallState.ACTIVE, out.state());
    assertEquals(dataOnly, out.remote().reachability());
    assertEquals(1, bed.messages(alice, bob).stream().filter(m -> m instanceof CallMessage.Ring).count());
  }
}
