package net.switchboard.dht.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.routing.TouchResult.Outcome;
import net.switchboard.seam.Endpoint;
import org.junit.jupiter.api.Test;

/** The pure routing table: buckets by common prefix, least-recently-seen eviction, closest contacts. */
class RoutingTableTest {
  private static final Id256 ZERO = Id256.of(new byte[32]);
  private static final long T0 = 1_700_000_000_000L;

  /** An id in bucket {@code bucket} of a table whose self is all zeros: bit {@code bucket} set, {@code n} in the low bytes. */
  private static Id256 inBucket(int bucket, int n) {
    if (bucket > 223) {
      throw new IllegalArgumentException("helper supports buckets 0..223");
    }
    byte[] b = new byte[32];
    b[bucket / 8] |= (byte) (0x80 >>> (bucket % 8));
    b[28] |= (byte) (n >>> 24);
    b[29] |= (byte) (n >>> 16);
    b[30] |= (byte) (n >>> 8);
    b[31] |= (byte) n;
    return Id256.of(b);
  }

  private static Contact contact(Id256 id) {
    return new Contact(id, Endpoint.ipv4(0x0A000000 | (id.hashCode() & 0xFFFF), 7400));
  }

  private static Contact contact(Id256 id, int port) {
    return new Contact(id, Endpoint.ipv4(0x0A000001, port));
  }

  private static Id256 random(SplittableRandom r) {
    byte[] b = new byte[32];
    r.nextBytes(b);
    return Id256.of(b);
  }

  /** Bucket index computed the slow way, bit by bit on the bytes. */
  private static int naiveCommonPrefix(Id256 a, Id256 b) {
    byte[] x = a.toBytes();
    byte[] y = b.toBytes();
    for (int bit = 0; bit < 256; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((x[bit / 8] & mask) != (y[bit / 8] & mask)) {
        return bit;
      }
    }
    return 256;
  }

  private static BigInteger distance(Id256 a, Id256 b) {
    return new BigInteger(1, a.toBytes()).xor(new BigInteger(1, b.toBytes()));
  }

  /** A table with k=4 whose bucket 0 holds contacts 1..4, touched in that order (1 is least recently seen). */
  private static RoutingTable fullBucketZero(int maxFailures) {
    RoutingTable t = new RoutingTable(ZERO, 4, maxFailures);
    for (int n = 1; n <= 4; n++) {
      assertEquals(Outcome.ADDED, t.touch(contact(inBucket(0, n)), T0 + n).outcome());
    }
    return t;
  }

  @Test
  void theBucketIndexIsTheCommonPrefixLengthWithSelf() {
    SplittableRandom r = new SplittableRandom(1);
    Id256 self = random(r);
    RoutingTable t = new RoutingTable(self, 20, 2);
    for (int i = 0; i < 2_000; i++) {
      Id256 other = random(r);
      assertEquals(naiveCommonPrefix(self, other), t.bucketIndex(other));
    }
    for (int bit = 0; bit < 256; bit++) {
      assertEquals(bit, t.bucketIndex(self.flipBit(bit)), "differs first at bit " + bit);
    }
    assertEquals(256, t.bucketIndex(self));
  }

  @Test
  void touchingANewContactAddsIt() {
    RoutingTable t = new RoutingTable(ZERO, 4, 2);
    Contact c = contact(inBucket(7, 1));
    TouchResult result = t.touch(c, T0);
    assertEquals(Outcome.ADDED, result.outcome());
    assertNull(result.toPing());
    assertTrue(t.contains(c.id()));
    assertEquals(c, t.find(c.id()));
    assertEquals(1, t.size());
  }

  @Test
  void touchingAKnownContactUpdatesItAndFollowsItsNewEndpoint() {
    RoutingTable t = new RoutingTable(ZERO, 4, 2);
    Id256 id = inBucket(7, 1);
    t.touch(contact(id, 1000), T0);
    assertEquals(Outcome.UPDATED, t.touch(contact(id, 2000), T0 + 1).outcome());
    assertEquals(2000, t.find(id).endpoint().port());
    assertEquals(1, t.size());
  }

  @Test
  void touchingItselfIsIgnored() {
    RoutingTable t = new RoutingTable(ZERO, 4, 2);
    assertEquals(Outcome.SELF, t.touch(contact(ZERO), T0).outcome());
    assertEquals(0, t.size());
    assertFalse(t.contains(ZERO));
    assertNull(t.find(ZERO));
    assertFalse(t.markFailed(ZERO, true));
    assertFalse(t.remove(ZERO));
  }

  @Test
  void aFullBucketNamesItsLeastRecentlySeenContactToPing() {
    RoutingTable t = fullBucketZero(2);
    t.touch(contact(inBucket(0, 1)), T0 + 10); // 1 seen again: now 2 is least recently seen
    Contact newcomer = contact(inBucket(0, 5));
    TouchResult result = t.touch(newcomer, T0 + 11);
    assertEquals(Outcome.BUCKET_FULL, result.outcome());
    assertEquals(inBucket(0, 2), result.toPing().id());
    assertFalse(t.contains(newcomer.id()));
    assertEquals(4, t.size());
  }

  @Test
  void whileAnEvictionPingIsPendingNoSecondPingIsAskedFor() {
    RoutingTable t = fullBucketZero(2);
    assertEquals(inBucket(0, 1), t.touch(contact(inBucket(0, 5)), T0 + 10).toPing().id());
    TouchResult second = t.touch(contact(inBucket(0, 6)), T0 + 11);
    assertEquals(Outcome.BUCKET_FULL, second.outcome());
    assertNull(second.toPing());
  }

  @Test
  void aLeastRecentlySeenContactThatAnswersStaysAndTheNewcomerWaitsAsReplacement() {
    RoutingTable t = fullBucketZero(2);
    Contact newcomer = contact(inBucket(0, 5));
    Contact lrs = t.touch(newcomer, T0 + 10).toPing();
    assertEquals(Outcome.UPDATED, t.touch(lrs, T0 + 11).outcome()); // it answered the ping
    assertTrue(t.contains(lrs.id()));
    assertFalse(t.contains(newcomer.id()));
    // the newcomer was kept as a replacement: when another contact dies it takes the place
    assertTrue(t.markFailed(inBucket(0, 3), true));
    assertTrue(t.contains(newcomer.id()));
    assertEquals(4, t.size());
  }

  @Test
  void aLeastRecentlySeenContactThatFailsIsEvictedAndTheNewestReplacementPromoted() {
    RoutingTable t = fullBucketZero(5);
    Contact lrs = t.touch(contact(inBucket(0, 5)), T0 + 10).toPing();
    t.touch(contact(inBucket(0, 6)), T0 + 11);
    assertTrue(t.markFailed(lrs.id(), true), "an eviction ping failure evicts at once, whatever maxFailures");
    assertFalse(t.contains(lrs.id()));
    assertTrue(t.contains(inBucket(0, 6)), "newest replacement promoted");
    assertFalse(t.contains(inBucket(0, 5)));
    assertEquals(4, t.size());
  }

  @Test
  void afterAnEvictionAFreshNewcomerTriggersAFreshPing() {
    RoutingTable t = fullBucketZero(2);
    Contact lrs = t.touch(contact(inBucket(0, 5)), T0 + 10).toPing();
    t.markFailed(lrs.id(), true);
    TouchResult next = t.touch(contact(inBucket(0, 6)), T0 + 12);
    assertEquals(Outcome.BUCKET_FULL, next.outcome());
    assertEquals(inBucket(0, 2), next.toPing().id());
  }

  @Test
  void aContactIsRemovedOnlyAfterMaxFailuresConsecutiveFailures() {
    RoutingTable t = new RoutingTable(ZERO, 4, 3);
    Id256 id = inBucket(9, 1);
    t.touch(contact(id), T0);
    assertFalse(t.markFailed(id, false));
    assertFalse(t.markFailed(id, false));
    t.touch(contact(id), T0 + 1); // an answer resets the count
    assertFalse(t.markFailed(id, false));
    assertFalse(t.markFailed(id, false));
    assertTrue(t.contains(id));
    assertTrue(t.markFailed(id, false));
    assertFalse(t.contains(id));
    assertEquals(0, t.size());
  }

  @Test
  void failuresOfUnknownContactsChangeNothing() {
    RoutingTable t = fullBucketZero(1);
    assertFalse(t.markFailed(inBucket(0, 99), true));
    assertFalse(t.markFailed(inBucket(50, 99), true));
    assertFalse(t.remove(inBucket(50, 99)));
    assertEquals(4, t.size());
  }

  @Test
  void theReplacementCacheKeepsOnlyTheNewestArrivals() {
    RoutingTable t = fullBucketZero(1); // k = 4: room for max(2, k/4) = 2 replacements
    for (int n = 5; n <= 7; n++) {
      t.touch(contact(inBucket(0, n)), T0 + n);
    }
    for (int n = 1; n <= 3; n++) {
      t.markFailed(inBucket(0, n), true);
    }
    assertTrue(t.contains(inBucket(0, 7)));
    assertTrue(t.contains(inBucket(0, 6)));
    assertFalse(t.contains(inBucket(0, 5)), "oldest replacement was dropped");
    assertEquals(3, t.size());
  }

  @Test
  void closestReturnsExactlyTheNNearestByXor() {
    SplittableRandom r = new SplittableRandom(42);
    Id256 self = random(r);
    RoutingTable t = new RoutingTable(self, 20, 2);
    Id256 anchor = random(r);
    for (int i = 0; i < 3_000; i++) {
      Id256 id = random(r);
      if (i % 3 == 0) { // also fill the deep buckets near self
        id = self.flipBit(1 + r.nextInt(40));
      } else if (i % 50 == 1) { // ids equal in their top 64 bits: distances tie there
        id = anchor.flipBit(64 + r.nextInt(192));
      }
      t.touch(contact(id), T0 + i);
    }
    List<Contact> all = t.contacts();
    assertEquals(t.size(), all.size());
    List<Id256> targets = new ArrayList<>(List.of(self, all.get(0).id(), self.flipBit(0), self.flipBit(255),
        anchor, anchor.flipBit(200), anchor.flipBit(70)));
    for (int i = 0; i < 30; i++) {
      targets.add(random(r));
    }
    for (int i = 0; i < 30; i++) { // targets deep in this node's own region: the deeper buckets' order matters
      Id256 near = self.flipBit(1 + r.nextInt(40));
      for (int bit = 42; bit < 256; bit += 1 + r.nextInt(8)) {
        near = near.flipBit(bit);
      }
      targets.add(near);
    }
    for (Id256 target : targets) {
      List<Contact> sorted = new ArrayList<>(all);
      sorted.sort(Comparator.comparing(c -> distance(c.id(), target)));
      for (int n : new int[] {1, 3, 20, 21, 100, all.size(), all.size() + 5}) {
        assertEquals(sorted.subList(0, Math.min(n, sorted.size())), t.closest(target, n), "n=" + n + " target " + target.shortHex());
      }
    }
  }

  @Test
  void closestOnAnEmptyTableOrForZeroIsEmpty() {
    RoutingTable t = new RoutingTable(ZERO, 4, 2);
    assertTrue(t.closest(inBucket(3, 1), 5).isEmpty());
    t.touch(contact(inBucket(3, 1)), T0);
    assertTrue(t.closest(inBucket(3, 1), 0).isEmpty());
  }

  @Test
  void aRandomIdInABucketLandsInThatBucket() {
    SplittableRandom r = new SplittableRandom(7);
    Id256 self = random(r);
    RoutingTable t = new RoutingTable(self, 20, 2);
    for (int bucket = 0; bucket < 256; bucket++) {
      for (int i = 0; i < 10; i++) {
        assertEquals(bucket, naiveCommonPrefix(self, t.randomIdInBucket(bucket, r)), "bucket " + bucket);
      }
    }
    assertTrue(t.randomIdInBucket(0, r) != t.randomIdInBucket(0, r));
  }

  @Test
  void bucketsNotLookedUpForAnIntervalAreStale() {
    RoutingTable t = new RoutingTable(ZERO, 4, 2);
    long interval = 15 * 60_000;
    assertEquals(List.of(0, 1, 2, 3), t.staleBuckets(T0, interval, 3), "never looked up: stale");
    t.markBucketLookedUp(2, T0);
    assertEquals(List.of(0, 1, 3), t.staleBuckets(T0 + interval - 1, interval, 3));
    assertEquals(List.of(0, 1, 2, 3), t.staleBuckets(T0 + interval, interval, 3));
    assertEquals(256, t.staleBuckets(T0 + interval, interval, 1_000).size(), "maxIndex is clamped to the last bucket");
    assertTrue(t.staleBuckets(T0, interval, -1).isEmpty());
  }

  @Test
  void aBucketWhoseEveryContactWasHeardFromWithinTheIntervalIsNotStale() {
    RoutingTable t = new RoutingTable(ZERO, 4, 2);
    long interval = 15 * 60_000;
    t.touch(contact(inBucket(1, 1)), T0);
    t.touch(contact(inBucket(1, 2)), T0 + 10);
    assertEquals(List.of(0, 2), t.staleBuckets(T0 + interval - 1, interval, 2), "bucket 1 heard from in full");
    assertEquals(List.of(0, 1, 2), t.staleBuckets(T0 + interval, interval, 2), "its least recently seen went quiet");
    t.touch(contact(inBucket(1, 1)), T0 + interval);
    assertEquals(List.of(0, 2), t.staleBuckets(T0 + interval + 5, interval, 2), "seen again: fresh");
  }

  @Test
  void theDeepestBucketIsTheLongestSharedPrefix() {
    RoutingTable t = new RoutingTable(ZERO, 4, 2);
    assertEquals(-1, t.deepestBucket());
    t.touch(contact(inBucket(3, 1)), T0);
    t.touch(contact(inBucket(17, 1)), T0);
    assertEquals(17, t.deepestBucket());
    t.remove(inBucket(17, 1));
    assertEquals(3, t.deepestBucket());
  }

  @Test
  void countCloserCountsContactsNearerToTheTarget() {
    RoutingTable t = fullBucketZero(2);
    Id256 target = inBucket(0, 0);
    assertEquals(0, t.countCloser(target, inBucket(0, 1), 10));
    assertEquals(2, t.countCloser(target, inBucket(0, 3), 10), "1 and 2 are closer than 3");
    assertEquals(4, t.countCloser(target, inBucket(0, 8), 10));
    assertEquals(2, t.countCloser(target, inBucket(0, 8), 2), "stops counting at stopAt");
  }

  @Test
  void badParametersAreRefusedNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RoutingTable(ZERO, 0, 2));
    assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new RoutingTable(ZERO, 4, 0));
    assertTrue(e.getMessage().contains("got 0"), e.getMessage());
  }
}
