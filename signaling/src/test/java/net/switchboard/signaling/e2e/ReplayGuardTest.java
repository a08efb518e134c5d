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
    return new OpenedEnvelope(alice.publicKey(), timestamp, SignalingEnvelope.newMessageId(random), new byte[0]);
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
  void badSettingsFailFast() {
    assertThrows(IllegalArgumentException.class, () -> new ReplayGuard(-1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new ReplayGuard(1, 1, 0));
  }
}
