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
  /** No bucket deeper than this has ever held a contact: where the walk in closest() may stop. */
  private int deepestEverFilled = -1;

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
    Id256 id = contact.id();
    if (id.equals(self)) {
      return TouchResult.SELF;
    }
    KBucket b = bucket(bucketIndex(id), true);
    int i = b.indexOf(id);
    if (i >= 0) {
      RoutingEntry e = b.entries.remove(i);
      if (!e.contact.endpoint().equals(contact.endpoint())) {
        e.contact = Contact.interned(contact); // proven id at a new address: follow it
      }
      e.lastSeenMillis = nowMillis;
      e.failures = 0;
      e.pingPending = false;
      b.entries.add(e);
      return TouchResult.UPDATED;
    }
    // interned only when retained: most touches are of contacts already in the table
    contact = Contact.interned(contact);
    if (b.entries.size() < k) {
      b.entries.add(new RoutingEntry(contact, nowMillis));
      deepestEverFilled = Math.max(deepestEverFilled, bucketIndex(id));
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
   * <p>Visits buckets in XOR order rather than scanning the table: every contact of a bucket is
   * at the same position relative to the target in its leading bits, so whole buckets can be
   * ranked. With {@code b} the bucket of the target (the bit where target and this node first
   * differ), the order is: bucket {@code b} (agrees with the target at bit b); then the deeper
   * buckets {@code i > b}, where a bucket-i contact agrees with the target at bit i exactly when
   * target and self differ there — those buckets come first in increasing i, each closer than
   * everything deeper, then the others in decreasing i, each farther than everything deeper; last
   * the shallower buckets {@code b-1, b-2, ...}. Each bucket is strictly farther than all before
   * it, so the walk stops at the first bucket that brings the count to {@code n} and sorts only
   * what it took.
   */
  public List<Contact> closest(Id256 target, int n) {
    List<Contact> picked = new ArrayList<>(Math.min(n + k, Math.max(size, 1)));
    if (n <= 0 || size == 0) {
      return picked;
    }
    if (target.equals(self)) {
      for (int i = deepestEverFilled; picked.size() < n && i >= 0; i--) {
        addBucket(picked, i);
      }
    } else {
      int b = bucketIndex(target);
      addBucket(picked, b);
      for (int i = b + 1; picked.size() < n && i <= deepestEverFilled; i++) {
        if (self.bit(i) != target.bit(i)) {
          addBucket(picked, i);
        }
      }
      for (int i = deepestEverFilled; picked.size() < n && i > b; i--) {
        if (self.bit(i) == target.bit(i)) {
          addBucket(picked, i);
        }
      }
      for (int i = b - 1; picked.size() < n && i >= 0; i--) {
        addBucket(picked, i);
      }
    }
    sortByDistance(picked, target);
    if (picked.size() > n) {
      picked.subList(n, picked.size()).clear();
    }
    return picked;
  }

  private void addBucket(List<Contact> out, int index) {
    KBucket bk = buckets[index];
    if (bk != null) {
      for (int j = 0; j < bk.entries.size(); j++) {
        out.add(bk.entries.get(j).contact);
      }
    }
  }

  /**
   * Sorts {@code list} nearest first. An insertion sort on the top 64 bits of each distance, read
   * once per contact: the list is short (at most n plus one bucket) and a comparator that follows
   * two ids per comparison spent most of its time waiting on memory. Ties in the top 64 bits fall
   * back to the full distance.
   */
  private static void sortByDistance(List<Contact> list, Id256 target) {
    int m = list.size();
    Contact[] cs = list.toArray(new Contact[0]);
    long[] keys = new long[m];
    long t = target.topBits();
    for (int i = 0; i < m; i++) {
      keys[i] = cs[i].id().topBits() ^ t;
    }
    for (int i = 1; i < m; i++) {
      long key = keys[i];
      Contact c = cs[i];
      int j = i - 1;
      while (j >= 0 && nearer(key, c, keys[j], cs[j], target)) {
        keys[j + 1] = keys[j];
        cs[j + 1] = cs[j];
        j--;
      }
      keys[j + 1] = key;
      cs[j + 1] = c;
    }
    for (int i = 0; i < m; i++) {
      list.set(i, cs[i]);
    }
  }

  private static boolean nearer(long keyA, Contact a, long keyB, Contact b, Id256 target) {
    int c = Long.compareUnsigned(keyA, keyB);
    return c < 0 || (c == 0 && target.compareDistance(a.id(), b.id()) < 0);
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
   * Buckets up to {@code maxIndex} (inclusive) a periodic refresh should look up a random id in:
   * those not looked up for {@code intervalMillis} unless every contact in them was heard from
   * within it. A lookup into a bucket whose contacts all answered recently would only confirm them
   * (newcomers in its range would go to the replacement cache of a full bucket, and a newcomer
   * near this node finds it on its own join); BEP 5 likewise refreshes only buckets that have not
   * changed. Under the simulator's churn this halves maintenance traffic.
   */
  public List<Integer> staleBuckets(long nowMillis, long intervalMillis, int maxIndex) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i <= Math.min(maxIndex, Id256.BITS - 1); i++) {
      KBucket b = buckets[i];
      boolean lookedUp = b != null && nowMillis - b.lastLookupMillis < intervalMillis;
      boolean allHeardFrom = b != null && !b.entries.isEmpty()
          && nowMillis - b.entries.get(0).lastSeenMillis < intervalMillis; // entries: least recently seen first
      if (!lookedUp && !allHeardFrom) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * The contacts of bucket {@code index} not heard from since {@code cutoffMillis} when the bucket
   * is full, or null when it has room. A full bucket is refreshed by pinging these (a lookup would
   * find newcomers only for the replacement cache); a bucket with room by a lookup.
   */
  public List<Contact> quietContactsOfFullBucket(int index, long cutoffMillis) {
    KBucket b = index >= 0 && index < Id256.BITS ? buckets[index] : null;
    if (b == null || b.entries.size() < k) {
      return null;
    }
    List<Contact> out = new ArrayList<>();
    for (RoutingEntry e : b.entries) {
      if (e.lastSeenMillis < cutoffMillis) {
        out.add(e.contact);
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
