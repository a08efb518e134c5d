package net.switchboard.dht.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import net.switchboard.dht.identity.Id256;

/**
 * Kademlia routing table over the 256-bit XOR space. Pure: time is an argument, nothing is sent
 * from here; methods say what changed and the caller decides what to ping (as in offbynull's
 * kademlia). Bucket {@code i} holds contacts whose id shares exactly {@code i} leading bits with
 * this node's id. Only contacts whose id has been proven may be touched.
 */
public final class RoutingTable {
  private final Id256 self;
  private final int k;
  private final int maxFailures;
  private final int replacementCacheSize;
  private final KBucket[] buckets = new KBucket[Id256.BITS];
  private int size;

  /**
   * @param k bucket capacity (Kademlia's k)
   * @param maxFailures consecutive failed RPCs after which a contact is evicted
   */
  public RoutingTable(Id256 self, int k, int maxFailures) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be >= 1, got " + maxFailures);
    }
    this.self = self;
    this.k = k;
    this.maxFailures = maxFailures;
    this.replacementCacheSize = Math.max(2, k / 4);
  }

  public Id256 self() {
    return self;
  }

  public int k() {
    return k;
  }

  public int size() {
    return size;
  }

  /** Index of the bucket {@code id} belongs in (its common prefix length with this node). */
  public int bucketIndex(Id256 id) {
    return self.commonPrefixLength(id);
  }

  private KBucket bucket(int i, boolean create) {
    if (i >= Id256.BITS) {
      return null; // this node's own id (common prefix 256) has no bucket
    }
    KBucket b = buckets[i];
    if (b == null && create) {
      b = buckets[i] = new KBucket();
    }
    return b;
  }

  /** Records that {@code contact} (id proven) was seen at {@code nowMillis}. */
  public TouchResult touch(Contact contact, long nowMillis) {
    contact = net.switchboard.dht.Interning.contact(contact);
    Id256 id = contact.id();
    if (id.equals(self)) {
      return TouchResult.SELF;
    }
    KBucket b = bucket(bucketIndex(id), true);
    int i = b.indexOf(id);
    if (i >= 0) {
      RoutingEntry e = b.entries.remove(i);
      e.contact = contact; // proven id at a new address: follow it
      e.lastSeenMillis = nowMillis;
      e.failures = 0;
      e.pingPending = false;
      b.entries.add(e);
      return TouchResult.UPDATED;
    }
    if (b.entries.size() < k) {
      b.entries.add(new RoutingEntry(contact, nowMillis));
      b.replacements.removeIf(r -> r.id().equals(id));
      size++;
      return TouchResult.ADDED;
    }
    b.addReplacement(contact, replacementCacheSize);
    RoutingEntry lrs = b.entries.get(0);
    if (lrs.pingPending) {
      return new TouchResult(TouchResult.Outcome.BUCKET_FULL, null);
    }
    lrs.pingPending = true;
    return new TouchResult(TouchResult.Outcome.BUCKET_FULL, lrs.contact);
  }

  /**
   * Records a failed RPC to {@code id}. After {@code maxFailures} consecutive failures, or at once
   * when {@code evictNow} (a full bucket's eviction ping failed), the contact is removed and the
   * newest replacement, if any, takes its place.
   *
   * @return true when the contact was removed
   */
  public boolean markFailed(Id256 id, boolean evictNow) {
    KBucket b = bucket(bucketIndex(id), false);
    if (b == null) {
      return false;
    }
    int i = b.indexOf(id);
    if (i < 0) {
      return false;
    }
    RoutingEntry e = b.entries.get(i);
    e.failures++;
    e.pingPending = false;
    if (!evictNow && e.failures < maxFailures) {
      return false;
    }
    b.entries.remove(i);
    size--;
    if (!b.replacements.isEmpty()) {
      Contact r = b.replacements.remove(b.replacements.size() - 1);
      b.entries.add(new RoutingEntry(r, e.lastSeenMillis));
      size++;
    }
    return true;
  }

  /** Removes {@code id} outright (e.g. it answered with another identity). */
  public boolean remove(Id256 id) {
    KBucket b = bucket(bucketIndex(id), false);
    if (b == null) {
      return false;
    }
    int i = b.indexOf(id);
    if (i < 0) {
      return false;
    }
    b.entries.remove(i);
    size--;
    return true;
  }

  /**
   * Whether a newly proven {@code id} could enter its bucket now (the bucket has room). When it
   * could not, proving the id is wasted work: it would only wait in the replacement cache.
   */
  public boolean hasRoomFor(Id256 id) {
    if (id.equals(self)) {
      return false;
    }
    KBucket b = bucket(bucketIndex(id), false);
    return b == null || b.entries.size() < k;
  }

  public boolean contains(Id256 id) {
    KBucket b = bucket(bucketIndex(id), false);
    return b != null && b.indexOf(id) >= 0;
  }

  /** The contact known under {@code id}, or null. */
  public Contact find(Id256 id) {
    KBucket b = bucket(bucketIndex(id), false);
    if (b == null) {
      return null;
    }
    int i = b.indexOf(id);
    return i < 0 ? null : b.entries.get(i).contact;
  }

  /**
   * Up to {@code n} known contacts closest to {@code target}, nearest first.
   *
   * <p>Visits buckets in XOR order rather than scanning the table. With {@code b} the bucket of
   * the target, the groups below are each strictly farther than the one before: bucket {@code b}
   * (agrees with the target on bits 0..b); all buckets deeper than {@code b} (differ from it first
   * at bit {@code b}); then buckets {@code b-1}, {@code b-2}, ... It stops at the first group that
   * brings the count to {@code n}, and sorts only what it took.
   */
  public List<Contact> closest(Id256 target, int n) {
    List<Contact> picked = new ArrayList<>(Math.min(n + 8, Math.max(size, 1)));
    if (n <= 0 || size == 0) {
      return picked;
    }
    int b = target.equals(self) ? Id256.BITS - 1 : bucketIndex(target);
    addBucket(picked, b);
    if (picked.size() < n) {
      for (int i = b + 1; i < Id256.BITS; i++) {
        addBucket(picked, i);
      }
    }
    for (int i = b - 1; picked.size() < n && i >= 0; i--) {
      addBucket(picked, i);
    }
    // groups were added nearest first and each group is farther than all before it, so one sort
    // of what was taken orders it; a group larger than needed is cut after sorting
    sortByDistance(picked, 0, target);
    return picked.size() > n ? new ArrayList<>(picked.subList(0, n)) : picked;
  }

  private void addBucket(List<Contact> out, int index) {
    KBucket bk = index >= 0 && index < Id256.BITS ? buckets[index] : null;
    if (bk != null) {
      for (int j = 0; j < bk.entries.size(); j++) {
        out.add(bk.entries.get(j).contact);
      }
    }
  }

  private static void sortByDistance(List<Contact> list, int from, Id256 target) {
    list.subList(from, list.size()).sort((x, y) -> target.compareDistance(x.id(), y.id()));
  }

  /** How many known contacts are strictly closer to {@code target} than {@code id}. */
  public int countCloser(Id256 target, Id256 id, int stopAt) {
    int n = 0;
    for (KBucket b : buckets) {
      if (b == null) {
        continue;
      }
      for (int j = 0; j < b.entries.size(); j++) {
        if (target.compareDistance(b.entries.get(j).contact.id(), id) < 0 && ++n >= stopAt) {
          return n;
        }
      }
    }
    return n;
  }

  /** Every contact, bucket by bucket (for snapshots). */
  public List<Contact> contacts() {
    List<Contact> out = new ArrayList<>(size);
    for (KBucket b : buckets) {
      if (b != null) {
        for (RoutingEntry e : b.entries) {
          out.add(e.contact);
        }
      }
    }
    return out;
  }

  /** Records that a lookup touched the region of bucket {@code index}. */
  public void markBucketLookedUp(int index, long nowMillis) {
    bucket(index, true).lastLookupMillis = nowMillis;
  }

  /**
   * Buckets up to {@code maxIndex} (inclusive) not looked up for {@code intervalMillis}: the ones a
   * periodic refresh should look up a random id in.
   */
  public List<Integer> staleBuckets(long nowMillis, long intervalMillis, int maxIndex) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i <= Math.min(maxIndex, Id256.BITS - 1); i++) {
      KBucket b = buckets[i];
      if (b == null || nowMillis - b.lastLookupMillis >= intervalMillis) {
        out.add(i);
      }
    }
    return out;
  }

  /** Deepest non-empty bucket index, or -1 when empty. */
  public int deepestBucket() {
    for (int i = Id256.BITS - 1; i >= 0; i--) {
      if (buckets[i] != null && !buckets[i].entries.isEmpty()) {
        return i;
      }
    }
    return -1;
  }

  /** A random id that falls in bucket {@code index} (shares exactly {@code index} leading bits). */
  public Id256 randomIdInBucket(int index, RandomGenerator random) {
    byte[] bytes = self.toBytes();
    // randomise every bit after position index, then force bit index to differ from self
    for (int bit = index + 1; bit < Id256.BITS; bit++) {
      int mask = 0x80 >>> (bit & 7);
      if (random.nextBoolean()) {
        bytes[bit >>> 3] ^= (byte) mask;
      }
    }
    return Id256.of(bytes).flipBit(index);
  }
}
