package net.switchboard.signaling.contact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.RecordRejectedException;
import net.switchboard.dht.record.RecordStore;
import net.switchboard.dht.record.Validators;

/** Shared test setup: seeded identities, short periods, and a storage node that validates. */
final class ContactFixtures {
  /** One-hour periods with a five-minute window keep the arithmetic readable. */
  static final long HOUR = 60L * 60 * 1000;
  static final long MINUTE = 60L * 1000;
  static final ContactPeriods PERIODS = new ContactPeriods(HOUR, 5 * MINUTE);
  /** A time in the middle of period 480_000. */
  static final long MID_PERIOD = 480_000 * HOUR + 30 * MINUTE;

  private ContactFixtures() {}

  static Identity identity(long seed) {
    return Identity.generate(new SplittableRandom(seed));
  }

  static ContactPublisher publisher(Identity id, long seed) {
    return new ContactPublisher(id, PERIODS, 20 * MINUTE, new SplittableRandom(seed), Reachability.viaOwnNode(id.nodeId()));
  }

  /** A storage node: validates with the contact validator, then keeps records in a real RecordStore. */
  static final class StorageNode {
    long now;
    final Validators validators = new Validators(List.of(ContactRecordValidator.forPeriods(PERIODS)));
    final RecordStore store = new RecordStore(() -> now, 10_000);

    StorageNode(long now) {
      this.now = now;
    }

    RecordStore.Outcome offer(DhtRecord r) throws RecordRejectedException {
      return store.put(validators.validate(r.namespace(), r.key(), r.value(), now));
    }

    /** Every byte this node holds: keys and values. */
    List<byte[]> heldBytes() {
      List<byte[]> out = new ArrayList<>();
      for (DhtRecord r : store.records()) {
        out.add(r.key().toBytes());
        out.add(r.value());
      }
      return out;
    }

    Map<Id256, DhtRecord> byKey() {
      Map<Id256, DhtRecord> m = new HashMap<>();
      for (DhtRecord r : store.records()) {
        m.put(r.key(), r);
      }
      return m;
    }
  }

  /** True when {@code needle} occurs anywhere in {@code haystack}. */
  static boolean contains(byte[] haystack, byte[] needle) {
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

  /** Copy of {@code b} with byte {@code i} flipped. */
  static byte[] flip(byte[] b, int i) {
    byte[] c = b.clone();
    c[i] ^= 0x01;
    return c;
  }
}
