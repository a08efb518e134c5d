package net.switchboard.signaling.contact;

import static net.switchboard.signaling.contact.ContactFixtures.HOUR;
import static net.switchboard.signaling.contact.ContactFixtures.MID_PERIOD;
import static net.switchboard.signaling.contact.ContactFixtures.MINUTE;
import static net.switchboard.signaling.contact.ContactFixtures.PERIODS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.RecordMeta;
import net.switchboard.dht.record.RecordRejectedException;
import net.switchboard.dht.record.RecordRejectedException.Reason;
import net.switchboard.dht.record.RecordStore;
import org.junit.jupiter.api.Test;

/** Storage nodes refuse every bad contact record with the matching reason, without the identity. */
class ContactRecordValidatorTest {
  private final ContactRecordValidator validator = ContactRecordValidator.forPeriods(PERIODS);
  private final Identity alice = ContactFixtures.identity(1);
  private final DhtRecord good = ContactFixtures.publisher(alice, 11).recordsToPublish(MID_PERIOD).get(0);

  private Reason refusal(Id256 key, byte[] value, long now) {
    try {
      validator.validate(key, value, now);
    } catch (RecordRejectedException e) {
      return e.reason();
    }
    return fail("accepted a record that should have been refused");
  }

  /** A correctly signed envelope with any ciphertext and expiry (what a misbehaving publisher could make). */
  private DhtRecord signed(long seq, long expiresAt, byte[] ciphertext) {
    ContactKeys keys = ContactKeys.derive(alice.publicKey(), PERIODS.periodAt(MID_PERIOD), PERIODS);
    return ContactEnvelope.seal(keys, alice, seq, expiresAt, ciphertext);
  }

  @Test
  void acceptsAWellFormedRecordAndReportsItsSeqAndExpiry() throws Exception {
    RecordMeta meta = validator.validate(good.key(), good.value(), MID_PERIOD);
    assertEquals(good.seq(), meta.seq());
    assertEquals(good.expiresAtMillis(), meta.expiresAtMillis());
    assertEquals(2, validator.namespace());
  }

  @Test
  void tamperedCiphertextIsRefusedAsBadSignature() {
    int ciphertextStart = 32 + 8 + 8 + 2;
    for (int i = ciphertextStart; i < good.value().length - 64; i += 7) {
      assertEquals(Reason.BAD_SIGNATURE, refusal(good.key(), ContactFixtures.flip(good.value(), i), MID_PERIOD));
    }
  }

  @Test
  void forgedSignaturesAreRefused() {
    byte[] value = good.value();
    // a flipped signature byte
    assertEquals(Reason.BAD_SIGNATURE, refusal(good.key(), ContactFixtures.flip(value, value.length - 1), MID_PERIOD));
    assertEquals(Reason.BAD_SIGNATURE, refusal(good.key(), ContactFixtures.flip(value, value.length - 40), MID_PERIOD));
    // a changed seq (a replay with a bumped seq) or expiry under the old signature
    assertEquals(Reason.BAD_SIGNATURE, refusal(good.key(), ContactFixtures.flip(value, 32 + 7), MID_PERIOD));
    assertEquals(Reason.BAD_SIGNATURE, refusal(good.key(), ContactFixtures.flip(value, 40 + 7), MID_PERIOD));
    // mallory's own valid record, offered under alice's key
    DhtRecord mallorys = ContactFixtures.publisher(ContactFixtures.identity(66), 6).recordsToPublish(MID_PERIOD).get(0);
    assertEquals(Reason.WRONG_KEY, refusal(good.key(), mallorys.value(), MID_PERIOD));
    // alice's record with mallory's blinded key swapped in (signature by alice's key)
    byte[] swapped = value.clone();
    System.arraycopy(mallorys.value(), 0, swapped, 0, 32);
    assertEquals(Reason.BAD_SIGNATURE, refusal(mallorys.key(), swapped, MID_PERIOD));
  }

  @Test
  void oversizeRecordsAreRefusedEvenWhenCorrectlySigned() {
    byte[] big = new byte[ContactEnvelope.MAX_CIPHERTEXT_BYTES + 1];
    ContactKeys keys = ContactKeys.derive(alice.publicKey(), PERIODS.periodAt(MID_PERIOD), PERIODS);
    assertThrows(IllegalArgumentException.class, () -> ContactEnvelope.seal(keys, alice, 1, MID_PERIOD + HOUR, big));
    // hand-built: a valid signature over an over-long ciphertext
    DhtRecord max = signed(1, MID_PERIOD + HOUR, new byte[ContactEnvelope.MAX_CIPHERTEXT_BYTES]);
    assertEquals(ContactEnvelope.MAX_VALUE_BYTES, max.value().length);
    assertEquals(Reason.BAD_SIGNATURE, refusal(max.key(), ContactFixtures.flip(max.value(), 60), MID_PERIOD),
        "2048 bytes is still in range");
    byte[] over = Arrays.copyOf(max.value(), ContactEnvelope.MAX_VALUE_BYTES + 1);
    assertEquals(Reason.OVERSIZE, refusal(max.key(), over, MID_PERIOD));
    assertEquals(Reason.OVERSIZE, refusal(max.key(), new byte[70_000], MID_PERIOD));
  }

  @Test
  void expiredRecordsAreRefused() {
    assertEquals(Reason.EXPIRED, refusal(good.key(), good.value(), good.expiresAtMillis()));
    assertEquals(Reason.EXPIRED, refusal(good.key(), good.value(), good.expiresAtMillis() + 1));
    DhtRecord past = signed(1, MID_PERIOD - 1, new byte[40]);
    assertEquals(Reason.EXPIRED, refusal(past.key(), past.value(), MID_PERIOD));
  }

  @Test
  void recordsExpiringTooFarInTheFutureAreRefused() throws Exception {
    long limit = MID_PERIOD + PERIODS.maxLifetimeMillis();
    DhtRecord atLimit = signed(1, limit, new byte[40]);
    validator.validate(atLimit.key(), atLimit.value(), MID_PERIOD);
    DhtRecord beyond = signed(1, limit + 1, new byte[40]);
    assertEquals(Reason.TOO_FAR_FUTURE, refusal(beyond.key(), beyond.value(), MID_PERIOD));
    DhtRecord forever = signed(1, Long.MAX_VALUE, new byte[40]);
    assertEquals(Reason.TOO_FAR_FUTURE, refusal(forever.key(), forever.value(), MID_PERIOD));
  }

  @Test
  void malformedAndMisplacedValuesAreRefused() {
    byte[] value = good.value();
    assertEquals(Reason.MALFORMED, refusal(good.key(), Arrays.copyOf(value, 100), MID_PERIOD));
    assertEquals(Reason.MALFORMED, refusal(good.key(), Arrays.copyOf(value, value.length - 1), MID_PERIOD));
    assertEquals(Reason.MALFORMED, refusal(good.key(), Arrays.copyOf(value, value.length + 1), MID_PERIOD));
    assertEquals(Reason.MALFORMED, refusal(good.key(), new byte[0], MID_PERIOD));
    byte[] negativeSeq = value.clone();
    negativeSeq[32] = (byte) 0x80;
    assertEquals(Reason.MALFORMED, refusal(good.key(), negativeSeq, MID_PERIOD));
    assertEquals(Reason.WRONG_KEY, refusal(alice.nodeId(), value, MID_PERIOD));
  }

  @Test
  void aStoreKeepsTheHighestSeqAndRefusesAReplayedOlderOne() throws Exception {
    ContactPublisher pub = ContactFixtures.publisher(alice, 12);
    DhtRecord older = pub.recordsToPublish(MID_PERIOD).get(0);
    DhtRecord newer = pub.recordsToPublish(MID_PERIOD + MINUTE).get(0);
    assertTrue(newer.seq() > older.seq());
    assertSame(newer, ContactRecordValidator.fresher(older, newer));
    assertSame(newer, ContactRecordValidator.fresher(newer, older));
    assertTrue(ContactRecordValidator.supersedes(newer, older));
    assertTrue(!ContactRecordValidator.supersedes(older, newer));

    ContactFixtures.StorageNode node = new ContactFixtures.StorageNode(MID_PERIOD + MINUTE);
    assertEquals(RecordStore.Outcome.STORED, node.offer(newer));
    assertEquals(RecordStore.Outcome.KEPT_NEWER, node.offer(older), "replayed old seq refused");
    assertEquals(newer, node.store.get(ContactEnvelope.NAMESPACE, newer.key()));
  }

  @Test
  void fuzzedValuesNeverThrowAnythingButRecordRejected() {
    SplittableRandom random = new SplittableRandom(99);
    byte[] seed = good.value();
    for (int round = 0; round < 3_000; round++) {
      byte[] input = ContactRecordCodecTest.mutate(seed, random);
      try {
        validator.validate(good.key(), input, MID_PERIOD);
        assertTrue(Arrays.equals(input, seed), "only the untouched value may pass");
      } catch (RecordRejectedException expected) {
        // refused cleanly
      } catch (Throwable t) {
        fail("round " + round + " threw " + t, t);
      }
    }
  }
}
