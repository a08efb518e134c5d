package net.switchboard.signaling.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.RecordRejectedException;
import org.junit.jupiter.api.Test;

/** The verified-signature cache remembers only valid records, keyed by their exact bytes. */
class ValidatorCacheTest {
  @Test
  void aRecordValidatedOnceStillRefusesEveryAlteredCopy() throws Exception {
    long now = 1_700_000_000_000L;
    ContactPublisher pub = ContactPublisher.forNode(Identity.generate(new SplittableRandom(3)), new SplittableRandom(4));
    DhtRecord r = pub.recordsToPublish(now).get(0);
    ContactRecordValidator v = ContactRecordValidator.forPeriods(ContactPeriods.defaults());
    assertEquals(r.seq(), v.validate(r.key(), r.value(), now).seq());
    assertEquals(r.seq(), v.validate(r.key(), r.value(), now + 1).seq(), "the cached answer is the same");
    byte[] altered = r.value().clone();
    altered[altered.length - 1] ^= 1; // the signature's last byte
    for (int round = 0; round < 2; round++) {
      assertEquals(RecordRejectedException.Reason.BAD_SIGNATURE,
          assertThrows(RecordRejectedException.class, () -> v.validate(r.key(), altered, now)).reason());
    }
  }
}
