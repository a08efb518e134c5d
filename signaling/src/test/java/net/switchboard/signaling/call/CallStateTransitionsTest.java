package net.switchboard.signaling.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.switchboard.signaling.call.CallTestbed.Party;
import net.switchboard.signaling.contact.ContactTransport;
import org.junit.jupiter.api.Test;

/** Every transition of a call, driven end to end through two call managers on a manual clock. */
class CallStateTransitionsTest {
  private final CallTestbed bed = new CallTestbed(7);
  private final Party alice = bed.party("alice");
  private final Party bob = bed.party("bob");

  private CallSession[] activeCall() {
    CallSession out = alice.call(bob);
    bed.run(100);
    CallSession in = bob.incoming.get(0);
    in.accept();
    bed.run(200);
    assertEquals(CallState.ACTIVE, out.state());
    assertEquals(CallState.ACTIVE, in.state());
    return new CallSession[] {out, in};
  }

  @Test
  void acceptedCallGoesRingingConnectingActiveOnBothSides() {
    CallSession out = alice.call(bob);
    assertEquals(CallState.OUTGOING_RINGING, out.state());
    bed.run(100);
    assertEquals(1, bob.incoming.size());
    CallSession in = bob.incoming.get(0);
    assertEquals(CallState.INCOMING_RINGING, in.state());
    assertEquals(out.id(), in.id());
    in.accept();
    assertEquals(CallState.CONNECTING, in.state());
    bed.run(200);
    assertEquals(List.of("IDLE->OUTGOING_RINGING", "OUTGOING_RINGING->CONNECTING", "CONNECTING->ACTIVE"), alice.transitions);
    assertEquals(List.of("IDLE->INCOMING_RINGING", "INCOMING_RINGING->CONNECTING", "CONNECTING->ACTIVE"), bob.transitions);
  }

  @Test
  void callerHangsUpAnActiveCall() {
    CallSession[] c = activeCall();
    c[0].hangup();
    bed.run(100);
    assertEquals(EndReason.HANGUP, c[0].endReason());
    assertEquals(EndReason.HANGUP, c[1].endReason());
    assertEquals("remote hung up", c[1].endDetail());
    assertTrue(alice.engine.opened.get(0).closed && bob.engine.opened.get(0).closed, "media closed on both sides");
  }

  @Test
  void calleeHangsUpAnActiveCall() {
    CallSession[] c = activeCall();
    c[1].hangup();
    bed.run(100);
    assertEquals(EndReason.HANGUP, c[0].endReason());
    assertEquals(EndReason.HANGUP, c[1].endReason());
    assertEquals(List.of("IDLE->OUTGOING_RINGING", "OUTGOING_RINGING->CONNECTING", "CONNECTING->ACTIVE", "ACTIVE->ENDED"),
        alice.transitions);
  }

  @Test
  void calleeRejects() {
    CallSession out = alice.call(bob);
    bed.run(100);
    bob.incoming.get(0).reject();
    bed.run(100);
    assertEquals(EndReason.REJECTED, out.endReason());
    assertEquals(EndReason.REJECTED, bob.incoming.get(0).endReason());
    assertEquals(List.of("IDLE->OUTGOING_RINGING", "OUTGOING_RINGING->ENDED"), alice.transitions);
  }

  @Test
  void callerCancelsWhileItRings() {
    CallSession out = alice.call(bob);
    bed.run(100);
    out.cancel();
    bed.run(100);
    assertEquals(EndReason.CANCELLED, out.endReason());
    assertEquals(EndReason.CANCELLED, bob.incoming.get(0).endReason());
    assertEquals(List.of("IDLE->INCOMING_RINGING", "INCOMING_RINGING->ENDED"), bob.transitions);
  }

  @Test
  void aSecondCallerHearsBusy() {
    Party carol = bed.party("carol");
    activeCall();
    CallSession third = carol.call(bob);
    bed.run(200);
    assertEquals(EndReason.BUSY, third.endReason());
    assertEquals(CallState.ACTIVE, bob.manager.current().orElseThrow().state(), "the first call goes on");
    assertEquals(1, bob.incoming.size(), "bob was not rung for carol");
  }

  @Test
  void placingASecondCallWhileInOneIsRefusedLocally() {
    Party carol = bed.party("carol");
    activeCall();
    assertThrows(IllegalStateException.class, () -> alice.call(carol));
  }

  @Test
  void anUnansweredCallTimesOutOnBothSides() {
    CallSession out = alice.call(bob);
    bed.run(bed.config.ringTimeoutMillis() + 1_000);
    assertEquals(EndReason.TIMEOUT, out.endReason());
    assertEquals(EndReason.TIMEOUT, bob.incoming.get(0).endReason());
  }

  @Test
  void mediaThatNeverConnectsTimesOut() {
    bed.media.connects = false;
    CallSession out = alice.call(bob);
    bed.run(100);
    bob.incoming.get(0).accept();
    bed.run(bed.config.connectTimeoutMillis() + 1_000);
    assertEquals(EndReason.TIMEOUT, out.endReason());
    assertEquals(EndReason.TIMEOUT, bob.incoming.get(0).endReason());
    assertEquals("media did not connect", out.endDetail());
  }

  @Test
  void mediaFailureEndsTheCallAndTellsTheOtherSide() {
    CallSession[] c = activeCall();
    alice.engine.opened.get(0).fail("ice disconnected");
    bed.run(100);
    assertEquals(EndReason.FAILED, c[0].endReason());
    assertEquals(EndReason.HANGUP, c[1].endReason());
  }

  @Test
  void anUnreachableCalleeFailsTheCall() {
    Party offline = bed.party("offline");
    bed.net.setDown(ContactTransport.OVERLAY, offline.identity.nodeId(), true);
    CallSession out = alice.call(offline);
    bed.run(CallTestbed.ACK_TIMEOUT + 100);
    assertEquals(EndReason.FAILED, out.endReason());
    assertEquals("callee unreachable", out.endDetail());
  }

  @Test
  void autoAcceptingPolicyConnectsWithoutAnyoneAnswering() {
    Party node = bed.party("node", new ListCallPolicy().autoAccept(ListCallPolicy.AutoAccept.EVERYONE),
        java.util.EnumSet.of(ContactTransport.OVERLAY));
    CallSession out = alice.call(node);
    bed.run(300);
    assertEquals(CallState.ACTIVE, out.state());
  }

  @Test
  void glareLeavesExactlyOneCallWhichConnects() {
    CallSession a = alice.call(bob);
    CallSession b = bob.call(alice);
    bed.run(500);
    CallSession winner = a.id().compareTo(b.id()) > 0 ? a : b;
    CallSession loser = winner == a ? b : a;
    Party winnerParty = winner == a ? alice : bob;
    Party loserParty = winner == a ? bob : alice;
    assertEquals(EndReason.GLARE_LOST, loser.endReason());
    assertEquals(CallState.ACTIVE, winner.state());
    CallSession survivorAtLoser = loserParty.manager.current().orElseThrow();
    assertEquals(winner.id(), survivorAtLoser.id());
    assertEquals(CallState.ACTIVE, survivorAtLoser.state());
    assertEquals(CallSession.Role.CALLEE, survivorAtLoser.role());
    assertTrue(winnerParty.incoming.isEmpty(), "the winner never rang for the losing call");
    assertNotEquals(a.id(), b.id());
  }

  @Test
  void glareIsResolvedTheSameWayWhicheverRingArrivesFirst() {
    CallSession a = alice.call(bob);
    bed.run(1); // alice's ring is already on the wire when bob dials
    CallSession b = bob.call(alice);
    bed.run(500);
    CallSession winner = a.id().compareTo(b.id()) > 0 ? a : b;
    assertEquals(CallState.ACTIVE, winner.state());
    assertEquals(EndReason.GLARE_LOST, (winner == a ? b : a).endReason());
  }

  @Test
  void anActionFromAnotherThreadIsRefusedAndChangesNothing() throws Exception {
    alice.call(bob);
    bed.run(100);
    CallSession in = bob.incoming.get(0);
    java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> java.util.concurrent.CompletableFuture.runAsync(in::accept).get());
    assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
    assertTrue(e.getCause().getMessage().contains("not its own"), e.getCause().getMessage());
    assertEquals(CallState.INCOMING_RINGING, in.state());
    assertTrue(bob.engine.opened.isEmpty(), "no media opened by the refused accept");
  }

  @Test
  void aListenerThatHangsUpFromItsNotificationEndsTheCallAfterTheStepRan() {
    bob.onState = (call, to) -> {
      if (to == CallState.CONNECTING) {
        call.hangup();
      }
    };
    CallSession out = alice.call(bob);
    bed.run(100);
    bob.incoming.get(0).accept();
    bed.run(100);
    assertEquals(List.of("IDLE->INCOMING_RINGING", "INCOMING_RINGING->CONNECTING", "CONNECTING->ENDED"), bob.transitions);
    assertEquals(1, bob.engine.opened.size(), "the accept's media opened before the hang-up ran");
    assertTrue(bob.engine.opened.get(0).closed, "and was closed by it");
    assertEquals(EndReason.HANGUP, out.endReason());
  }
}
