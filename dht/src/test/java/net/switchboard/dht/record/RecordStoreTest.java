package net.switchboard.dht.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.record.RecordStore.Outcome;
import org.junit.jupiter.api.Test;

/** The record store: highest seq wins, records vanish at their expiry, capacity is bounded. */
class RecordStoreTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final long HOUR = 3_600_000L;
  private long now = T0; // the store reads time through a supplier: a plain field is its clock

  private static Id256 key(int n) {
    byte[] b = new byte[32];
    b[0] = (byte) n;
    b[31] = (byte) (n >>> 8);
    return Id256.of(b);
  }

  private static DhtRecord record(byte namespace, Id256 key, long seq, long expiresAt) {
    return new DhtRecord(namespace, key, new byte[] {(byte) seq, 1, 2}, new RecordMeta(seq, expiresAt));
  }

  private static DhtRecord record(int key, long seq, long expiresAt) {
    return record((byte) 1, key(key), seq, expiresAt);
  }

  private RecordStore store(int max) {
    return new RecordStore(() -> now, max);
  }

  @Test
  void aValidatedRecordIsStoredAndFound() {
    RecordStore s = store(10);
    DhtRecord r = record(1, 5, T0 + HOUR);
    assertEquals(Outcome.STORED, s.put(r));
    assertEquals(r, s.get((byte) 1, key(1)));
    assertTrue(s.holds(key(1)));
    assertEquals(1, s.size());
  }

  @Test
  void aHigherSeqReplacesTheHeldRecord() {
    RecordStore s = store(10);
    s.put(record(1, 5, T0 + HOUR));
    DhtRecord newer = record(1, 6, T0 + HOUR);
    assertEquals(Outcome.STORED, s.put(newer));
    assertEquals(newer, s.get((byte) 1, key(1)));
    assertEquals(1, s.size());
  }

  @Test
  void aLowerSeqIsKeptOut() {
    RecordStore s = store(10);
    DhtRecord held = record(1, 5, T0 + HOUR);
    s.put(held);
    assertEquals(Outcome.KEPT_NEWER, s.put(record(1, 4, T0 + 2 * HOUR)), "even with a later expiry");
    assertEquals(held, s.get((byte) 1, key(1)));
  }

  @Test
  void theSameSeqAgainRefreshesAndALaterExpiryExtends() {
    RecordStore s = store(10);
    DhtRecord held = record(1, 5, T0 + HOUR);
    s.put(held);
    now += 1_000;
    assertEquals(Outcome.REFRESHED, s.put(record(1, 5, T0 + HOUR)));
    assertEquals(T0 + 1_000, s.held().get(0).lastStoredMillis(), "a re-store is remembered (republish skips it)");
    assertEquals(Outcome.REFRESHED, s.put(record(1, 5, T0 + HOUR - 1)), "an earlier expiry does not shorten it");
    assertEquals(held, s.get((byte) 1, key(1)));
    DhtRecord extended = record(1, 5, T0 + 2 * HOUR);
    assertEquals(Outcome.STORED, s.put(extended));
    assertEquals(extended, s.get((byte) 1, key(1)));
  }

  @Test
  void aRecordIsGoneOnceTheClockReachesItsExpiry() {
    RecordStore s = store(10);
    s.put(record(1, 1, T0 + HOUR));
    s.put(record(2, 1, T0 + 2 * HOUR));
    now += HOUR - 1;
    assertTrue(s.holds(key(1)));
    assertEquals(2, s.records().size());
    now += 1;
    assertNull(s.get((byte) 1, key(1)));
    assertFalse(s.holds(key(1)));
    assertEquals(1, s.size());
    assertEquals(List.of(key(2)), s.records().stream().map(DhtRecord::key).toList());
    assertEquals(1, s.held().size());
  }

  @Test
  void anExpiredRecordMakesRoomAndDoesNotBlockAFreshCopy() {
    RecordStore s = store(1);
    s.put(record(1, 9, T0 + HOUR));
    now += HOUR;
    DhtRecord lower = record(1, 1, T0 + 3 * HOUR);
    assertEquals(Outcome.STORED, s.put(lower), "the seq-9 record is gone, so seq 1 is not kept out");
    assertEquals(Outcome.FULL, s.put(record(2, 1, T0 + 3 * HOUR)));
    now += 2 * HOUR;
    assertEquals(Outcome.STORED, s.put(record(2, 1, T0 + 4 * HOUR)));
  }

  @Test
  void aFullStoreRefusesNewKeysButStillTakesNewerVersions() {
    RecordStore s = store(3);
    for (int k = 1; k <= 3; k++) {
      assertEquals(Outcome.STORED, s.put(record(k, 1, T0 + HOUR)));
    }
    assertEquals(Outcome.FULL, s.put(record(4, 1, T0 + HOUR)));
    assertNull(s.get((byte) 1, key(4)));
    assertEquals(Outcome.STORED, s.put(record(2, 2, T0 + HOUR)));
    assertEquals(3, s.size());
  }

  @Test
  void namespacesAreSeparate() {
    RecordStore s = store(10);
    DhtRecord one = record((byte) 1, key(1), 5, T0 + HOUR);
    DhtRecord two = record((byte) 2, key(1), 1, T0 + HOUR);
    assertEquals(Outcome.STORED, s.put(one));
    assertEquals(Outcome.STORED, s.put(two), "a lower seq in another namespace is another record");
    assertEquals(one, s.get((byte) 1, key(1)));
    assertEquals(two, s.get((byte) 2, key(1)));
    assertNull(s.get((byte) 3, key(1)));
  }

  @Test
  void recordsAreListedInKeyOrder() {
    RecordStore s = store(10);
    for (int k : new int[] {7, 3, 200, 1}) {
      s.put(record(k, 1, T0 + HOUR));
    }
    List<Id256> keys = s.records().stream().map(DhtRecord::key).toList();
    assertEquals(List.of(key(1), key(3), key(7), key(200)), keys);
  }

  @Test
  void storesOfManyNodesInOneProcessShareOneCopyOfARecord() {
    RecordStore a = store(10);
    RecordStore b = store(10);
    DhtRecord r = record(9, 5, T0 + HOUR);
    DhtRecord copy = record(9, 5, T0 + HOUR);
    a.put(r);
    b.put(copy);
    assertTrue(a.get((byte) 1, key(9)) == b.get((byte) 1, key(9)), "one canonical instance");
    DhtRecord otherExpiry = record(9, 5, T0 + 2 * HOUR);
    RecordStore c = store(10);
    c.put(otherExpiry);
    assertEquals(T0 + 2 * HOUR, c.get((byte) 1, key(9)).expiresAtMillis(), "a record differing only in expiry is not merged");
  }
}
