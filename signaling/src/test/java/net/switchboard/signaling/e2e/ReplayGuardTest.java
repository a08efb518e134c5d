package net.switchboard.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {
  private static final long NOW = 1_700_000_000_000L;
  private final SplittableRandom random = new SplittableRandom(9);
  private final Identity alice = Identity.generate(new SplittableRandom(2));
  private final Identity bob = Identity.generate(new SplittableRandom(3));

  private OpenedEnvelope message(long timestamp) {
    return message(alice, timestamp);
  }

  private OpenedEnvelope message(Identity from, long timestamp) {
    return new OpenedEnvelope(from.publicKey(), timestamp, SignalingEnvelope.newMessageId(random), new byte[0]);
  }

  private static EnvelopeRejectedException.Reason refused(ReplayGuard g, OpenedEnvelope e, long now) {
    return assertThrows(EnvelopeRejectedException.class, () -> g.check(e, now)).reason();
  }

  @Test
  void aMessageIsAcceptedOnceThenRefusedAsReplayed() throws Exception {
    ReplayGuard g = new ReplayGuard(60_000, 10_000, 100);
    OpenedEnvelope e = message(NOW);
    g.check(e, NOW);
    assertEquals(EnvelopeRejectedException.Reason.REPLAYED, refused(g, e, NOW + 1));
  }

  @Test
  void timestampsOutsideTheWindowAreStale() {
    ReplayGuard g = new ReplayGuard(60_000, 10_000, 100);
    assertEquals(EnvelopeRejectedException.Reason.STALE, refused(g, message(NOW - 60_001), NOW));
    assertEquals(EnvelopeRejectedException.Reason.STALE, refused(g, message(NOW + 10_001), NOW));
  }

  @Test
  void rememberedIdsExpireWithTheWindowSoMemoryStaysBounded() throws Exception {
    ReplayGuard g = new ReplayGuard(60_000, 10_000, 100);
    OpenedEnvelope e = message(NOW);
    g.check(e, NOW);
    g.check(message(NOW + 70_000), NOW + 70_000);
    assertEquals(1, g.size());
    assertEquals(EnvelopeRejectedException.Reason.STALE, refused(g, e, NOW + 70_000), "too old to replay anyway");
  }

  @Test
  void whenFullItForgetsTheOldestAndRefusesAnythingNotNewerThanIt() throws Exception {
    ReplayGuard g = new ReplayGuard(60_000, 10_000, 2);
    OpenedEnvelope first = message(NOW);
    g.check(first, NOW);
    g.check(message(NOW + 1), NOW + 1);
    g.check(message(NOW + 2), NOW + 2); // evicts `first`
    assertEquals(2, g.size());
    assertEquals(EnvelopeRejectedException.Reason.STALE, refused(g, first, NOW + 3), "eviction reopened no replay");
    g.check(message(NOW + 3), NOW + 3);
  }

  @Test
  void theOpenerChecksDecryptionAndReplayTogether() throws Exception {
    EnvelopeOpener opener = new EnvelopeOpener(bob, ReplayGuard.defaults());
    byte[] env = SignalingEnvelope.seal(alice, bob.publicKey(), NOW, SignalingEnvelope.newMessageId(random), new byte[] {1}, random);
    opener.open(env, NOW + 5);
    assertEquals(EnvelopeRejectedException.Reason.REPLAYED,
        assertThrows(EnvelopeRejectedException.class, () -> opener.open(env, NOW + 6)).reason());
  }

  @Test
  void aFloodFromOneSenderDatedAheadLeavesOtherSendersServed() throws Exception {
    // the attack the global floor allowed: envelopes dated 59 s ahead, far more than the guard holds
    ReplayGuard g = ReplayGuard.defaults();
    for (int i = 0; i < 70_000; i++) {
      g.check(message(alice, NOW + 59_000 + i / 1000), NOW);
    }
    assertEquals(1024, g.size(), "the flooder holds only its own share");
    g.check(message(bob, NOW), NOW); // an honest sender dated now is accepted
    g.check(message(bob, NOW + 1), NOW + 1);
    assertEquals(EnvelopeRejectedException.Reason.STALE, refused(g, message(alice, NOW), NOW),
        "only the flooder's own floor rose");
  }

  @Test
  void aFloodFromManyFreshKeysRefusesNewSendersButServesKnownOnesAndDrains() throws Exception {
    ReplayGuard g = new ReplayGuard(60_000, 10_000, 16, 100, 1000);
    g.check(message(bob, NOW), NOW); // bob is known before the flood
    SplittableRandom keys = new SplittableRandom(77);
    int busy = 0;
    for (int i = 0; i < 500; i++) {
      try {
        g.check(message(Identity.generate(keys), NOW + 9_000), NOW);
      } catch (EnvelopeRejectedException e) {
        assertEquals(EnvelopeRejectedException.Reason.BUSY, e.reason());
        busy++;
      }
    }
    assertEquals(401, busy, "99 flood keys found a slot, bob holds the hundredth");
    assertEquals(100, g.senders());
    g.check(message(bob, NOW + 1), NOW + 1); // a known sender is served during the flood
    Identity newcomer = Identity.generate(new SplittableRandom(78));
    assertEquals(EnvelopeRejectedException.Reason.BUSY, refused(g, message(newcomer, NOW + 2), NOW + 2));
    // once the flood's timestamps leave the window, slots drain and the newcomer gets in
    long later = NOW + 9_000 + 60_001;
    g.check(message(newcomer, later), later);
    assertEquals(1, g.senders());
  }

  @Test
  void whenTheTotalIsReachedTheLargestSenderGivesUpItsOldest() throws Exception {
    ReplayGuard g = new ReplayGuard(60_000, 10_000, 100, 10, 10);
    OpenedEnvelope aliceFirst = message(alice, NOW);
    g.check(aliceFirst, NOW);
    for (int i = 1; i < 9; i++) {
      g.check(message(alice, NOW + i), NOW + i);
    }
    OpenedEnvelope bobFirst = message(bob, NOW);
    g.check(bobFirst, NOW + 9);
    g.check(message(bob, NOW + 10), NOW + 10); // total reached: alice (9 ids) loses her oldest
    assertEquals(10, g.size());
    assertEquals(EnvelopeRejectedException.Reason.STALE, refused(g, aliceFirst, NOW + 11));
    assertEquals(EnvelopeRejectedException.Reason.REPLAYED, refused(g, bobFirst, NOW + 11), "bob kept his ids");
  }

  @Test
  void badSettingsFailFast() {
    assertThrows(IllegalArgumentException.class, () -> new ReplayGuard(-1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new ReplayGuard(1, 1, 0));
  }
}
