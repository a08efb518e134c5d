package net.switchboard.signaling.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import net.switchboard.signaling.call.CallCommand.AddCandidate;
import net.switchboard.signaling.call.CallCommand.Answer;
import net.switchboard.signaling.call.CallCommand.ApplyAnswer;
import net.switchboard.signaling.call.CallCommand.ArmTimer;
import net.switchboard.signaling.call.CallCommand.CancelTimer;
import net.switchboard.signaling.call.CallCommand.CloseMedia;
import net.switchboard.signaling.call.CallCommand.CreateOffer;
import net.switchboard.signaling.call.CallCommand.Moved;
import net.switchboard.signaling.call.CallCommand.OpenMedia;
import net.switchboard.signaling.call.CallCommand.Report;
import net.switchboard.signaling.call.CallCommand.Send;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.transport.ContactAddress;
import org.junit.jupiter.api.Test;

/** The call state machine on its own: events in, commands out, nothing else running. */
class CallFlowTest {
  private static final CallConfig CONFIG = CallConfig.builder().ringTimeoutMillis(30_000).connectTimeoutMillis(10_000).build();
  private static final String OFFER = sdp("AA");
  private static final String ANSWER = sdp("BB");
  private static final IceCandidate C1 = new IceCandidate("0", 0, "candidate:1 1 udp 1 10.0.0.1 5000 typ host");
  private static final IceCandidate C2 = new IceCandidate("0", 0, "candidate:2 1 udp 1 10.0.0.2 5000 typ host");

  private final SplittableRandom random = new SplittableRandom(3);
  private final Identity bob = Identity.generate(random.split());
  private final Identity alice = Identity.generate(random.split());
  private final CallId id = CallId.random(random);
  private final Reachability aliceReach = Reachability.viaOwnNode(alice.nodeId());
  private final ContactAddress bobAddress = ContactAddress.of(bob.publicKey(), Reachability.viaOwnNode(bob.nodeId()));

  private static String sdp(String byteHex) {
    String fp = String.join(":", java.util.Collections.nCopies(32, byteHex));
    return "v=0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=fingerprint:sha-256 " + fp + "\r\n";
  }

  private CallFlow caller() {
    return new CallFlow(id, CallSession.Role.CALLER, bobAddress, CONFIG, aliceReach);
  }

  private CallFlow callee() {
    ContactAddress aliceAddress = ContactAddress.of(alice.publicKey(), aliceReach);
    return new CallFlow(id, CallSession.Role.CALLEE, aliceAddress, CONFIG, Reachability.viaOwnNode(bob.nodeId()));
  }

  private static List<Send> sends(List<CallCommand> commands) {
    return commands.stream().filter(Send.class::isInstance).map(Send.class::cast).toList();
  }

  @Test
  void placingOpensMediaAndArmsTheRingTimerButSendsNothingUntilTheOfferExists() {
    CallFlow f = caller();
    List<CallCommand> placed = f.on(new CallEvent.Place());
    assertEquals(List.of(new Moved(CallState.IDLE, CallState.OUTGOING_RINGING), new ArmTimer(30_000),
        new OpenMedia(1, EnumSet.allOf(MediaCapability.class)), new CreateOffer(1)), placed);
    List<CallCommand> offered = f.on(new CallEvent.OfferCreated(1, OFFER));
    assertEquals(List.of(new Send(new CallMessage.Ring(id, OFFER, aliceReach), Report.RING)), offered);
  }

  @Test
  void callerCandidatesWaitUntilTheRingIsDelivered() {
    CallFlow f = caller();
    f.on(new CallEvent.Place());
    f.on(new CallEvent.OfferCreated(1, OFFER));
    assertEquals(List.of(), f.on(new CallEvent.LocalCandidate(1, C1)), "held back while the RING travels");
    assertEquals(List.of(new Send(new CallMessage.Ice(id, C1))), f.on(new CallEvent.RingSent(true)));
    assertEquals(List.of(new Send(new CallMessage.Ice(id, C2))), f.on(new CallEvent.LocalCandidate(1, C2)));
  }

  @Test
  void undeliveredRingEndsFailedWithoutSendingAnything() {
    CallFlow f = caller();
    f.on(new CallEvent.Place());
    f.on(new CallEvent.OfferCreated(1, OFFER));
    List<CallCommand> c = f.on(new CallEvent.RingSent(false));
    assertEquals(List.of(new CancelTimer(), new CloseMedia(), new Moved(CallState.OUTGOING_RINGING, CallState.ENDED)), c);
    assertEquals(EndReason.FAILED, f.endReason());
    assertEquals("callee unreachable", f.endDetail());
  }

  @Test
  void acceptedAnswerIsAppliedAndQueuedRemoteCandidatesFollowIt() {
    CallFlow f = caller();
    f.on(new CallEvent.Place());
    f.on(new CallEvent.OfferCreated(1, OFFER));
    f.on(new CallEvent.RingSent(true));
    assertEquals(List.of(), f.on(new CallEvent.Received(new CallMessage.Ice(id, C1))), "no remote description yet");
    List<CallCommand> accepted = f.on(new CallEvent.Received(new CallMessage.Accept(id, ANSWER)));
    assertEquals(List.of(new Moved(CallState.OUTGOING_RINGING, CallState.CONNECTING), new ArmTimer(10_000),
        new ApplyAnswer(ANSWER)), accepted);
    assertEquals(List.of(new AddCandidate(C1)), f.on(new CallEvent.AnswerApplied(null)));
    assertEquals(List.of(new CancelTimer(), new Moved(CallState.CONNECTING, CallState.ACTIVE)),
        f.on(new CallEvent.ChannelOpen(1, 1234)));
    assertEquals(1234, f.activeAtMillis());
  }

  @Test
  void anAnswerWithoutFingerprintIsRefusedAndTheCallerHangsUp() {
    CallFlow f = caller();
    f.on(new CallEvent.Place());
    f.on(new CallEvent.OfferCreated(1, OFFER));
    List<CallCommand> c = f.on(new CallEvent.Received(new CallMessage.Accept(id, "v=0\r\n")));
    assertEquals(new Send(new CallMessage.Cancel(id)), c.get(0));
    assertEquals(EndReason.FAILED, f.endReason());
    assertTrue(f.endDetail().startsWith("answer refused"), f.endDetail());
  }

  @Test
  void calleeRevealsNothingUntilItAcceptsAndSendsItsAcceptBeforeItsCandidates() {
    CallFlow f = callee();
    List<CallCommand> rang = f.on(new CallEvent.Rang(OFFER));
    assertEquals(List.of(new Moved(CallState.IDLE, CallState.INCOMING_RINGING), new ArmTimer(30_000)), rang);
    assertEquals(List.of(), f.on(new CallEvent.Received(new CallMessage.Ice(id, C1))), "queued, not applied");
    List<CallCommand> accepted = f.on(new CallEvent.Accept());
    assertEquals(List.of(new Moved(CallState.INCOMING_RINGING, CallState.CONNECTING), new ArmTimer(10_000),
        new OpenMedia(1, EnumSet.allOf(MediaCapability.class)), new Answer(OFFER)), accepted);
    assertEquals(List.of(), f.on(new CallEvent.LocalCandidate(1, C2)), "no candidate before the ACCEPT");
    List<CallCommand> answered = f.on(new CallEvent.Answered(ANSWER, null));
    assertEquals(List.of(new AddCandidate(C1), new Send(new CallMessage.Accept(id, ANSWER), Report.ACCEPT),
        new Send(new CallMessage.Ice(id, C2))), answered);
  }

  @Test
  void anOfferWithoutFingerprintNeverRings() {
    CallFlow f = callee();
    List<CallCommand> c = f.on(new CallEvent.Rang("v=0\r\n"));
    assertEquals(List.of(new CancelTimer(), new Moved(CallState.IDLE, CallState.ENDED)), c, "no media, no reply");
    assertEquals(EndReason.FAILED, f.endReason());
  }

  @Test
  void whileResolvingNothingGoesOutNotEvenACancel() {
    CallFlow f = caller();
    f.on(new CallEvent.PlaceResolving());
    assertEquals(List.of(), f.on(new CallEvent.OfferCreated(1, OFFER)), "no RING before the address is known");
    List<CallCommand> c = f.on(new CallEvent.Cancel());
    assertTrue(sends(c).isEmpty(), "nothing to take back: " + c);
    assertEquals(EndReason.CANCELLED, f.endReason());
  }

  @Test
  void aRecordWithOtherMediaMakesANewOfferAndTheOldSessionsEventsAreIgnored() {
    CallFlow f = caller();
    f.on(new CallEvent.PlaceResolving());
    Reachability dataOnly = new Reachability(List.of(bob.nodeId()), List.of(), EnumSet.of(ContactTransport.OVERLAY),
        EnumSet.of(MediaCapability.DATA));
    List<CallCommand> resolved = f.on(new CallEvent.Resolved(ContactAddress.of(bob.publicKey(), dataOnly)));
    assertEquals(List.of(new CloseMedia(), new OpenMedia(2, EnumSet.of(MediaCapability.DATA)), new CreateOffer(2)), resolved);
    assertEquals(List.of(), f.on(new CallEvent.OfferCreated(1, OFFER)), "offer of the closed session");
    assertEquals(List.of(), f.on(new CallEvent.MediaFailed(1, "closed")), "failure of the closed session");
    assertEquals(List.of(new Send(new CallMessage.Ring(id, ANSWER, aliceReach), Report.RING)),
        f.on(new CallEvent.OfferCreated(2, ANSWER)));
  }

  @Test
  void aRecordOfAnotherIdentityEndsTheCallUnsent() {
    CallFlow f = caller();
    f.on(new CallEvent.PlaceResolving());
    List<CallCommand> c = f.on(new CallEvent.Resolved(ContactAddress.of(alice.publicKey(), aliceReach)));
    assertTrue(sends(c).isEmpty());
    assertEquals("resolved another identity than the one called", f.endDetail());
  }

  @Test
  void timeoutsSayWhatTheyEnd() {
    CallFlow ringing = caller();
    ringing.on(new CallEvent.Place());
    ringing.on(new CallEvent.OfferCreated(1, OFFER));
    assertEquals(List.of(new Send(new CallMessage.Cancel(id))), sends(ringing.on(new CallEvent.TimerFired())));
    assertEquals(EndReason.TIMEOUT, ringing.endReason());

    CallFlow connecting = callee();
    connecting.on(new CallEvent.Rang(OFFER));
    connecting.on(new CallEvent.Accept());
    connecting.on(new CallEvent.Answered(ANSWER, null));
    assertEquals(List.of(new Send(new CallMessage.Hangup(id))), sends(connecting.on(new CallEvent.TimerFired())));
    assertEquals("media did not connect", connecting.endDetail());
  }

  @Test
  void messagesForAnotherStateAreNotExpectedAndChangeNothing() {
    CallFlow f = callee();
    f.on(new CallEvent.Rang(OFFER));
    CallMessage accept = new CallMessage.Accept(id, ANSWER);
    assertFalse(f.expects(accept), "a callee never takes an ACCEPT");
    assertEquals(List.of(), f.on(new CallEvent.Received(accept)));
    assertEquals(CallState.INCOMING_RINGING, f.state());
    assertTrue(f.expects(new CallMessage.Cancel(id)));
  }

  @Test
  void anEndedCallIgnoresEverything() {
    CallFlow f = caller();
    f.on(new CallEvent.Place());
    f.on(new CallEvent.Hangup());
    assertTrue(f.ended());
    assertEquals(List.of(), f.on(new CallEvent.Received(new CallMessage.Hangup(id))));
    assertEquals(List.of(), f.on(new CallEvent.TimerFired()));
    assertEquals(List.of(), f.on(new CallEvent.ChannelOpen(1, 5)));
    assertEquals(List.of(), f.on(new CallEvent.Hangup()));
  }
}
