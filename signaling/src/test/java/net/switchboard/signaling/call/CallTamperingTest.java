package net.switchboard.signaling.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import net.switchboard.signaling.call.CallTestbed.Party;
import net.switchboard.signaling.e2e.SignalingEnvelope;
import org.junit.jupiter.api.Test;

/** A relay that alters, swaps or replays signaling is detected and the call refused. */
class CallTamperingTest {
  private final CallTestbed bed = new CallTestbed(13);
  private final Party alice = bed.party("alice");
  private final Party bob = bed.party("bob");

  private static String swapFingerprint(String sdp) {
    return sdp.replaceAll("a=fingerprint:sha-256 [0-9A-F:]+", "a=fingerprint:sha-256 " + FakeMedia.fingerprintOf("mitm"));
  }

  @Test
  void aRelayThatAltersTheRingGetsItRefusedAndNothingRings() {
    bed.tamper = (kind, from, to, env) -> {
      byte[] copy = env.clone();
      copy[copy.length - 40] ^= 0x01; // somewhere inside the encrypted SDP
      return copy;
    };
    CallSession out = alice.call(bob);
    bed.run(bed.config.ringTimeoutMillis() + 5_000);
    assertTrue(bob.incoming.isEmpty());
    assertTrue(bob.manager.counters().get("envelope_forged") >= 1);
    assertEquals(EndReason.FAILED, out.endReason());
  }

  @Test
  void aRelayThatResealsTheAnswerWithASwappedFingerprintIsRefused() {
    // the strongest relay: it knows bob's answer (as if it could read it) and re-seals it to alice with its own key
    Identity mitm = Identity.generate(new SplittableRandom(99));
    SplittableRandom r = new SplittableRandom(5);
    List<CallMessage> fromBob = new ArrayList<>();
    bed.tamper = (kind, from, to, env) -> {
      if (!from.equals(bob.identity.nodeId())) {
        return env;
      }
      fromBob.addAll(bed.messages(bob, alice).subList(fromBob.size(), bed.messages(bob, alice).size()));
      CallMessage m = fromBob.get(fromBob.size() - 1);
      if (m instanceof CallMessage.Accept a) {
        m = new CallMessage.Accept(a.callId(), swapFingerprint(a.answerSdp()));
      }
      return SignalingEnvelope.seal(mitm, alice.identity.publicKey(), bed.clock.nowMillis(),
          SignalingEnvelope.newMessageId(r), CallMessageCodec.encode(m), r);
    };
    CallSession out = alice.call(bob);
    bed.run(100);
    bob.incoming.get(0).accept();
    bed.run(bed.config.connectTimeoutMillis() + bed.config.ringTimeoutMillis());
    assertNotEquals(CallState.ACTIVE, out.state());
    assertTrue(out.ended());
    assertEquals(-1, out.activeAtMillis(), "never connected");
    assertTrue(alice.manager.counters().get("message_unexpected") >= 1, "answer from a stranger key ignored");
  }

  @Test
  void ifASwappedFingerprintEverReachedTheMediaLayerDtlsWouldFailTheCall() {
    // bypass signaling entirely: hand alice an answer whose fingerprint was swapped, signed by bob himself
    CallSession out = alice.call(bob);
    bed.run(100);
    bob.incoming.get(0).accept();
    bed.tamper = (kind, from, to, env) -> from.equals(bob.identity.nodeId()) ? null : env;
    bed.run(100);
    List<CallMessage> fromBob = bed.messages(bob, alice);
    SplittableRandom r = new SplittableRandom(8);
    for (CallMessage m : fromBob) {
      CallMessage sent = m instanceof CallMessage.Accept a ? new CallMessage.Accept(a.callId(), swapFingerprint(a.answerSdp())) : m;
      alice.inject(SignalingEnvelope.seal(bob.identity, alice.identity.publicKey(), bed.clock.nowMillis(),
          SignalingEnvelope.newMessageId(r), CallMessageCodec.encode(sent), r));
    }
    bed.run(500);
    assertEquals(EndReason.FAILED, out.endReason());
    assertTrue(out.endDetail().contains("DTLS fingerprint mismatch"), out.endDetail());
  }

  @Test
  void anOfferWithoutAFingerprintIsRefusedWithoutRinging() {
    SplittableRandom r = new SplittableRandom(3);
    CallMessage.Ring ring = new CallMessage.Ring(CallId.random(r), "v=0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n",
        alice.reachability(java.util.EnumSet.of(net.switchboard.signaling.contact.ContactTransport.OVERLAY)));
    bob.inject(SignalingEnvelope.seal(alice.identity, bob.identity.publicKey(), bed.clock.nowMillis(),
        SignalingEnvelope.newMessageId(r), CallMessageCodec.encode(ring), r));
    bed.run(100);
    assertTrue(bob.incoming.isEmpty());
    assertEquals(1L, bob.manager.counters().get("offer_refused"));
    assertEquals(0, bed.envelopes(bob, alice));
  }

  @Test
  void aReplayedRingIsRefused() {
    CallSession first = alice.call(bob);
    bed.run(100);
    byte[] ring = bed.relayed.get(0).bytes();
    first.cancel();
    bed.run(100);
    assertEquals(EndReason.CANCELLED, bob.incoming.get(0).endReason());
    bob.inject(ring);
    bed.run(100);
    assertEquals(1, bob.incoming.size(), "the replay did not ring again");
    assertEquals(1L, bob.manager.counters().get("envelope_replayed"));
  }

  @Test
  void anOldRingReplayedAfterTheWindowIsRefusedAsStale() {
    alice.call(bob);
    bed.run(100);
    byte[] ring = bed.relayed.get(0).bytes();
    bed.run(10 * 60_000);
    bob.inject(ring);
    bed.run(100);
    assertEquals(1, bob.incoming.size());
    assertEquals(1L, bob.manager.counters().get("envelope_stale"));
  }

  @Test
  void messagesForACallFromAnotherIdentityAreIgnored() {
    Party carol = bed.party("carol");
    CallSession out = alice.call(bob);
    bed.run(100);
    SplittableRandom r = new SplittableRandom(4);
    alice.inject(SignalingEnvelope.seal(carol.identity, alice.identity.publicKey(), bed.clock.nowMillis(),
        SignalingEnvelope.newMessageId(r), CallMessageCodec.encode(new CallMessage.Reject(out.id())), r));
    bed.run(100);
    assertEquals(CallState.OUTGOING_RINGING, out.state(), "carol cannot reject alice's call to bob");
  }
}
