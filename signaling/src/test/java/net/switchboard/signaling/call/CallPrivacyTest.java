package net.switchboard.signaling.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import net.switchboard.signaling.call.CallTestbed.Party;
import net.switchboard.signaling.call.CallTestbed.Relayed;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.e2e.SdpFingerprints;
import org.junit.jupiter.api.Test;

/** Policy before disclosure, staged disclosure, and what relays get to see. */
class CallPrivacyTest {
  private final CallTestbed bed = new CallTestbed(11);

  private static final EnumSet<ContactTransport> OVERLAY = EnumSet.of(ContactTransport.OVERLAY);

  @Test
  void aBlockedCallerLearnsNothingItsCallFailsExactlyAsToAnOfflineIdentity() {
    Party mallory = bed.party("mallory");
    Party bob = bed.party("bob", new ListCallPolicy().block(mallory.identity.publicKey()), OVERLAY);
    Party offline = bed.party("offline");
    bed.net.setDown(ContactTransport.OVERLAY, offline.identity.nodeId(), true);

    CallSession toBob = mallory.call(bob);
    bed.run(bed.config.ringTimeoutMillis() + 5_000);

    assertEquals(0, bed.envelopes(bob, mallory), "bob sent mallory nothing: no answer, no candidate, no busy");
    assertTrue(bob.engine.opened.isEmpty(), "bob never opened media, so gathered no candidate");
    assertTrue(bob.incoming.isEmpty(), "bob's phone never rang");
    assertEquals(List.of(toBob.id()), bob.refused);
    assertEquals(1L, bob.manager.counters().get("refused_policy"));

    CallSession toOffline = mallory.manager.call(offline.address());
    bed.run(bed.config.ringTimeoutMillis() + 5_000);
    assertEquals(toOffline.endReason(), toBob.endReason());
    assertEquals(toOffline.endDetail(), toBob.endDetail());
    assertEquals(EndReason.FAILED, toBob.endReason());
    assertEquals(mallory.transitions.subList(0, 2), mallory.transitions.subList(2, 4),
        "the same transitions as calling someone offline");
  }

  @Test
  void aBlockedCallerEndsAtTheSameMomentAsACallToAnOfflineIdentity() {
    Party mallory = bed.party("mallory");
    Party bob = bed.party("bob", new ListCallPolicy().block(mallory.identity.publicKey()), OVERLAY);
    Party offline = bed.party("offline");
    bed.net.setDown(ContactTransport.OVERLAY, offline.identity.nodeId(), true);
    List<Long> ends = new ArrayList<>();
    for (Party callee : List.of(bob, offline)) {
      long t0 = bed.clock.nowMillis();
      CallSession s = mallory.call(callee);
      assertTrue(bed.clock.runUntil(s::ended, 120_000));
      ends.add(bed.clock.nowMillis() - t0);
    }
    assertEquals(ends.get(0), ends.get(1));
  }

  @Test
  void anUnknownCallerIsRefusedInRestrictedModeAndAnAllowedOneRings() {
    Party friend = bed.party("friend");
    Party stranger = bed.party("stranger");
    Party bob = bed.party("bob", new ListCallPolicy().restricted(true).allow(friend.identity.publicKey()), OVERLAY);

    CallSession s = stranger.call(bob);
    bed.run(bed.config.ringTimeoutMillis() + 5_000);
    assertEquals(EndReason.FAILED, s.endReason());
    assertEquals(0, bed.envelopes(bob, stranger));
    assertTrue(bob.incoming.isEmpty());
    assertEquals(1, bob.refused.size());

    CallSession f = friend.call(bob);
    bed.run(100);
    assertEquals(CallState.INCOMING_RINGING, bob.incoming.get(0).state());
    assertEquals(CallState.OUTGOING_RINGING, f.state());
  }

  @Test
  void doNotDisturbRefusesEvenAllowedCallersSilently() {
    Party friend = bed.party("friend");
    Party bob = bed.party("bob", new ListCallPolicy().allow(friend.identity.publicKey()).doNotDisturb(true), OVERLAY);
    friend.call(bob);
    bed.run(bed.config.ringTimeoutMillis() + 5_000);
    assertEquals(0, bed.envelopes(bob, friend));
    assertTrue(bob.incoming.isEmpty());
  }

  @Test
  void theBlockListWinsOverTheAllowList() {
    Party x = bed.party("x");
    ListCallPolicy p = new ListCallPolicy().allow(x.identity.publicKey()).block(x.identity.publicKey());
    assertEquals(CallPolicy.Decision.REFUSE, p.decide(x.identity.publicKey(), 0));
    p.unblock(x.identity.publicKey()).autoAccept(ListCallPolicy.AutoAccept.ALLOW_LISTED);
    assertEquals(CallPolicy.Decision.ACCEPT, p.decide(x.identity.publicKey(), 0));
  }

  @Test
  void theCalleeRevealsNothingUntilItAcceptsThenAnswerBeforeCandidates() {
    Party alice = bed.party("alice");
    Party bob = bed.party("bob");
    alice.call(bob);
    bed.run(5_000); // rings a while; alice trickles her candidates meanwhile
    assertEquals(0, bed.envelopes(bob, alice), "nothing from bob while it rings");
    assertTrue(bob.engine.opened.isEmpty(), "bob opened no media (no gathering) before accepting");
    assertTrue(bed.messages(alice, bob).stream().anyMatch(m -> m instanceof CallMessage.Ice),
        "alice's candidates reached bob and waited there");

    bob.incoming.get(0).accept();
    bed.run(500);
    List<CallMessage> fromBob = bed.messages(bob, alice);
    assertInstanceOf(CallMessage.Accept.class, fromBob.get(0), "the answer goes first");
    assertTrue(fromBob.subList(1, fromBob.size()).stream().allMatch(m -> m instanceof CallMessage.Ice));
    assertTrue(fromBob.size() >= 3, "then its candidates trickle");
    assertEquals(CallState.ACTIVE, alice.last().state());
    assertTrue(bob.engine.opened.get(0).violations.isEmpty(), bob.engine.opened.get(0).violations.toString());
  }

  @Test
  void candidatesThatOvertakeTheAnswerAreQueuedUntilTheRemoteDescriptionIsSet() {
    Party alice = bed.party("alice");
    Party bob = bed.party("bob");
    List<byte[]> held = new ArrayList<>();
    bed.tamper = (kind, from, to, env) -> {
      if (from.equals(bob.identity.nodeId())) {
        held.add(env);
        return null;
      }
      return env;
    };
    CallSession out = alice.call(bob);
    bed.run(100);
    bob.incoming.get(0).accept();
    bed.run(100);
    assertTrue(held.size() >= 3, "accept and candidates held back");
    Collections.reverse(held); // candidates first, the answer last
    held.forEach(alice::inject);
    bed.run(200);
    assertEquals(CallState.ACTIVE, out.state());
    assertTrue(alice.engine.opened.get(0).violations.isEmpty(), alice.engine.opened.get(0).violations.toString());
  }

  @Test
  void relaysSeeNeitherTheSdpNorItsFingerprintNorCandidates() {
    Party alice = bed.party("alice");
    Party bob = bed.party("bob");
    alice.call(bob);
    bed.run(100);
    bob.incoming.get(0).accept();
    bed.run(300);
    assertEquals(CallState.ACTIVE, alice.last().state());
    List<String> secrets = new ArrayList<>();
    for (FakeMedia.Session s : List.of(alice.engine.opened.get(0), bob.engine.opened.get(0))) {
      secrets.add(s.fingerprint);
      secrets.add(s.fingerprint.replace(":", ""));
      secrets.add("a=ice-ufrag:" + s.ufrag);
      secrets.add(s.engine.hostIp);
    }
    secrets.add("v=0");
    secrets.add("candidate:");
    assertTrue(bed.relayed.size() >= 6);
    for (Relayed r : bed.relayed) {
      String seen = new String(r.bytes(), StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        assertFalse(seen.contains(secret), "relay saw " + secret);
      }
      assertFalse(containsBytes(r.bytes(), alice.identity.publicKey()), "relay saw the caller's key");
    }
    assertFalse(SdpFingerprints.extract(bed.messages(alice, bob).stream()
        .filter(m -> m instanceof CallMessage.Ring).map(m -> ((CallMessage.Ring) m).offerSdp()).findFirst().orElseThrow())
        .isEmpty(), "the recipient does see the fingerprint");
  }

  static boolean containsBytes(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
