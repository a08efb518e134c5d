package net.switchboard.signaling.contact;

import static net.switchboard.signaling.contact.ContactFixtures.HOUR;
import static net.switchboard.signaling.contact.ContactFixtures.MINUTE;
import static net.switchboard.signaling.contact.ContactFixtures.PERIODS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.signaling.contact.ContactResolveException.Kind;
import org.junit.jupiter.api.Test;

/** Near a period boundary the publisher covers both periods and the resolver finds it on either side. */
class PeriodRolloverTest {
  private final Identity alice = ContactFixtures.identity(1);
  private final ContactResolver resolver = new ContactResolver(PERIODS);
  private final long p = 480_000;
  private final long boundary = PERIODS.endOf(p);

  /** Looks up every key the resolver asks for in the node's store, and opens the best. */
  private ContactRecord resolveAt(ContactFixtures.StorageNode node, long now) throws ContactResolveException {
    node.now = now;
    Map<Id256, DhtRecord> held = node.byKey();
    List<DhtRecord> found = new ArrayList<>();
    for (ContactResolver.LookupKey k : resolver.lookupKeys(alice.publicKey(), now)) {
      DhtRecord r = held.get(k.storageKey());
      if (r != null) {
        found.add(r);
      }
    }
    return resolver.openBest(alice.publicKey(), found, now, Optional.empty());
  }

  @Test
  void periodNumbersAndWindows() {
    assertEquals(p, PERIODS.periodAt(boundary - 1));
    assertEquals(p + 1, PERIODS.periodAt(boundary));
    assertEquals(-1, PERIODS.periodAt(-1), "floor, not truncation");
    assertEquals(1, PERIODS.publishPeriods(boundary - 6 * MINUTE).length);
    assertEquals(List.of(p, p + 1), List.of(PERIODS.publishPeriods(boundary - 5 * MINUTE)[0],
        PERIODS.publishPeriods(boundary - 5 * MINUTE)[1]));
    assertEquals(List.of(p + 1, p), List.of(PERIODS.lookupPeriods(boundary + MINUTE)[0],
        PERIODS.lookupPeriods(boundary + MINUTE)[1]));
    assertEquals(1, PERIODS.lookupPeriods(boundary + 5 * MINUTE).length);
    assertThrows(IllegalArgumentException.class, () -> new ContactPeriods(HOUR, HOUR));
    assertThrows(IllegalArgumentException.class, () -> new ContactPeriods(0, 0));
  }

  @Test
  void nearTheBoundaryBothPeriodsArePublishedAndFoundFromEitherSide() throws Exception {
    ContactPublisher pub = ContactFixtures.publisher(alice, 2);
    long publishAt = boundary - 3 * MINUTE;
    List<DhtRecord> records = pub.recordsToPublish(publishAt);
    assertEquals(2, records.size());
    assertNotEquals(records.get(0).key(), records.get(1).key());
    ContactFixtures.StorageNode node = new ContactFixtures.StorageNode(publishAt);
    for (DhtRecord r : records) {
      node.offer(r);
    }
    // before the boundary the resolver looks only at period p; after it at p + 1 (and p)
    assertEquals(List.of(alice.nodeId()), resolveAt(node, boundary - MINUTE).reachability().routes());
    assertEquals(List.of(alice.nodeId()), resolveAt(node, boundary + MINUTE).reachability().routes());
    // once the window has passed, only the p + 1 record is looked up, and it still resolves
    assertEquals(1, resolver.lookupKeys(alice.publicKey(), boundary + 6 * MINUTE).size());
    assertEquals(List.of(alice.nodeId()), resolveAt(node, boundary + 6 * MINUTE).reachability().routes());
  }

  @Test
  void aResolverJustPastTheBoundaryStillFindsAPublisherWhoseClockIsBehind() throws Exception {
    ContactPublisher pub = ContactFixtures.publisher(alice, 3);
    List<DhtRecord> records = pub.recordsToPublish(boundary - 10 * MINUTE); // outside the window: period p only
    assertEquals(1, records.size());
    ContactFixtures.StorageNode node = new ContactFixtures.StorageNode(boundary - 10 * MINUTE);
    node.offer(records.get(0));
    assertEquals(List.of(alice.nodeId()), resolveAt(node, boundary + 2 * MINUTE).reachability().routes());
  }

  @Test
  void recordsOfAPeriodDoNotOutliveItsEndPlusTheWindow() throws Exception {
    ContactPublisher pub = ContactFixtures.publisher(alice, 4);
    List<DhtRecord> records = pub.recordsToPublish(boundary - 3 * MINUTE);
    assertTrue(records.get(0).expiresAtMillis() <= boundary + PERIODS.windowMillis());
    ContactFixtures.StorageNode node = new ContactFixtures.StorageNode(boundary - 3 * MINUTE);
    node.offer(records.get(0)); // period p only
    node.now = boundary + 4 * MINUTE;
    DhtRecord held = node.byKey().get(records.get(0).key());
    ContactResolveException e = assertThrows(ContactResolveException.class,
        () -> resolver.open(alice.publicKey(), held, boundary + PERIODS.windowMillis() + 1, Optional.empty()));
    assertEquals(Kind.EXPIRED, e.kind());
  }

  @Test
  void theRefreshScheduleReachesTheWindowBeforeTheBoundary() {
    ContactPublisher pub = ContactFixtures.publisher(alice, 5);
    long t = PERIODS.startOf(p) + 50 * MINUTE;
    assertEquals(boundary - PERIODS.windowMillis(), pub.nextRefreshAtMillis(t));
    assertEquals(PERIODS.startOf(p) + 10 * MINUTE, pub.nextRefreshAtMillis(PERIODS.startOf(p)),
        "half the ttl when the window is further away");
    assertEquals(boundary + 8 * MINUTE, pub.nextRefreshAtMillis(boundary - 2 * MINUTE), "inside the window");
  }
}
