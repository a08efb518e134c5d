package net.switchboard.signaling.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.PutResult;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.seam.Endpoint;
import net.switchboard.dht.testing.Testnet;
import net.switchboard.seam.NodeLog;
import net.switchboard.signaling.contact.ContactEnvelope;
import net.switchboard.signaling.contact.ContactKeys;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.ContactResolveException;
import net.switchboard.signaling.contact.Reachability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ContactPublishing} on an in-memory network with a virtual clock: publish at start, refresh
 * before expiry across days, both periods near a boundary, superseded keys unpublished, and the
 * holder audit republishing when the holders are gone.
 */
class ContactPublishingTest {
  static final long HOUR = DhtConfig.HOUR;
  static final DhtConfig CONFIG = DhtConfig.defaults().withK(4);
  static final ContactPeriods PERIODS = ContactPeriods.defaults();
  /** 22:13 into a 24 h period: the next period's window opens 47 min later. */
  static final long START = 1_700_000_000_000L;

  Testnet net;
  List<DhtNode> nodes;
  DhtNode publisherNode;
  ContactPublishing publishing;
  final ContactLookup lookup = new ContactLookup(PERIODS);

  @BeforeEach
  void network() {
    net = Testnet.empty(11); // starts at START
    nodes = new ArrayList<>();
    SplittableRandom seeds = new SplittableRandom(42);
    for (int i = 0; i < 16; i++) {
      SplittableRandom r = seeds.split();
      DhtNode n = new DhtNode(Identity.generate(r.split()), net.port(), net.scheduler(), r, CONFIG,
          StandardValidators.of(CONFIG));
      n.start();
      nodes.add(n);
      if (i > 0) {
        await(n.join(List.of(nodes.get(0).endpoint())));
      }
    }
    publisherNode = nodes.get(1);
    publishing = new ContactPublishing(publisherNode, net.scheduler(), publisherNode.identity(),
        new SplittableRandom(5), Reachability.viaOwnNode(publisherNode.id()),
        ContactPublishing.Settings.defaults(), NodeLog.silent());
  }

  <T> T await(CompletableFuture<T> f) {
    assertTrue(net.runUntil(f::isDone, 120_000), "not done after 120 virtual s");
    return f.join();
  }

  ResolvedContact resolveFrom(DhtNode asker) {
    return await(lookup.resolve(asker, publisherNode.identity().publicKey(), net.nowMillis(), 0, Optional.empty()));
  }

  Id256 keyOf(long period) {
    return ContactKeys.derive(publisherNode.identity().publicKey(), period, PERIODS).storageKey();
  }

  Set<Id256> ownContactKeys() {
    return publisherNode.ownRecords().stream()
        .filter(r -> r.namespace() == ContactEnvelope.NAMESPACE)
        .map(DhtRecord::key)
        .collect(Collectors.toSet());
  }

  @Test
  void publishesAtStartAndAnotherNodeResolvesItsOwnNodeAsTheRoute() {
    PutResult put = await(publishing.start());

    assertTrue(put.stored() >= 3, "stored at " + put.stored());
    ResolvedContact r = resolveFrom(nodes.get(9));
    assertEquals(List.of(publisherNode.id()), r.record().reachability().routes());
    assertEquals(publishing.seq(), r.record().seq());
    assertEquals(PERIODS.periodAt(START), r.period());
    assertEquals(Set.of(keyOf(PERIODS.periodAt(START))), publishing.publishedKeys());
  }

  @Test
  void nearABoundaryPublishesForBothPeriodsThenDropsTheOldKey() {
    long p = PERIODS.periodAt(START);
    await(publishing.start());
    assertEquals(Set.of(keyOf(p)), ownContactKeys());

    // the refresh timer fires when the next period's window opens
    long windowOpens = PERIODS.endOf(p) - PERIODS.windowMillis();
    net.advance(windowOpens - net.nowMillis() + 1_000);
    assertEquals(Set.of(keyOf(p), keyOf(p + 1)), publishing.publishedKeys());
    assertEquals(2, publishing.current().size());
    for (Id256 key : List.of(keyOf(p), keyOf(p + 1))) {
      DhtRecord held = await(nodes.get(7).get(key, ContactEnvelope.NAMESPACE)).record().orElseThrow();
      assertEquals(publishing.seq(), held.seq(), "both periods carry the latest seq");
    }

    // past the boundary and its window, the next refresh publishes only the new period's record
    net.advance(PERIODS.endOf(p) + PERIODS.windowMillis() - net.nowMillis());
    net.advance(2 * HOUR + 1_000);
    assertEquals(Set.of(keyOf(p + 1)), publishing.publishedKeys());
    assertEquals(Set.of(keyOf(p + 1)), ownContactKeys(), "the superseded key is no longer republished");
    assertEquals(p + 1, resolveFrom(nodes.get(12)).period());
  }

  @Test
  void justAfterABoundaryTheCurrentRecordIsTakenWithoutWaitingForThePreviousPeriodsLookup() {
    long p = PERIODS.periodAt(START);
    net.advance(PERIODS.endOf(p) + 5 * 60_000 - net.nowMillis()); // 5 min into period p + 1
    await(publishing.start());
    assertEquals(Set.of(keyOf(p + 1)), publishing.publishedKeys(), "nothing under the previous period");
    DhtNode asker = nodes.get(9);

    long t0 = net.nowMillis();
    ResolvedContact r = resolveFrom(asker);
    long resolveMillis = net.nowMillis() - t0;
    assertEquals(p + 1, r.period());
    assertEquals(publishing.seq(), r.record().seq());

    // the previous period's lookup finds nothing: it ends only once it asked the closest nodes
    long t1 = net.nowMillis();
    assertTrue(await(asker.get(keyOf(p), ContactEnvelope.NAMESPACE)).record().isEmpty());
    long emptyLookupMillis = net.nowMillis() - t1;
    // (seeded network: 6 virtual ms against 20; waiting for the empty lookup took 20 against 22)
    assertTrue(2 * resolveMillis <= emptyLookupMillis,
        "resolve took " + resolveMillis + " ms, the empty lookup " + emptyLookupMillis + " ms");
  }

  @Test
  void refreshedBeforeExpirySoItResolvesEveryHourForTwoDays() {
    await(publishing.start());
    long firstSeq = publishing.seq();
    for (int h = 1; h <= 48; h++) {
      net.advance(HOUR);
      ResolvedContact r = resolveFrom(nodes.get(2 + h % 13));
      assertTrue(r.record().liveAt(net.nowMillis()));
      assertTrue(r.record().expiresAtMillis() - net.nowMillis() > HOUR, "refreshed at half the ttl");
    }
    assertTrue(publishing.seq() > firstSeq);
  }

  @Test
  void changesRepublishAtOnceAndRestrictedHidesTheRoutesFromStrangers() {
    await(publishing.start());
    long seq = publishing.seq();
    DhtNode friend = nodes.get(6);

    await(publishing.restrictTo(List.of(friend.identity().publicKey())));
    assertTrue(publishing.seq() > seq);
    ResolvedContact forFriend = await(lookup.resolve(friend, publisherNode.identity().publicKey(),
        net.nowMillis(), 0, Optional.of(friend.identity())));
    assertEquals(List.of(publisherNode.id()), forFriend.record().reachability().routes());
    CompletionException stranger = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
        () -> await(lookup.resolve(nodes.get(8), publisherNode.identity().publicKey(), net.nowMillis(), 0,
            Optional.of(nodes.get(8).identity()))));
    assertEquals(ContactResolveException.Kind.NOT_ALLOWED,
        assertInstanceOf(ContactResolveException.class, stranger.getCause()).kind());

    Reachability viaFriend = new Reachability(List.of(friend.id(), publisherNode.id()), List.of(),
        Reachability.viaOwnNode(publisherNode.id()).transports(), Reachability.viaOwnNode(publisherNode.id()).media());
    await(publishing.openToAll());
    await(publishing.update(viaFriend));
    assertEquals(List.of(friend.id(), publisherNode.id()), resolveFrom(nodes.get(8)).record().reachability().routes());
  }

  @Test
  void auditSeesHoldersDropAndRepublishesToTheNewClosest() {
    await(publishing.start());
    ContactPublishing.Audit before = await(publishing.audit());
    assertTrue(before.holders() >= before.asked(), "every closest node holds the fresh record: " + before);
    assertEquals(0, publishing.republishesAfterAudit());

    Id256 key = publishing.current().get(0).key();
    List<DhtNode> closest = nodes.stream()
        .filter(n -> n != publisherNode)
        .sorted(Comparator.comparing(DhtNode::id, key::compareDistance))
        .limit(CONFIG.k())
        .toList();
    for (DhtNode n : closest) {
      net.disconnect(n.endpoint());
    }
    long seq = publishing.seq();

    ContactPublishing.Audit after = await(publishing.audit());
    int threshold = (Integer) publishing.status().get("threshold");
    assertEquals(2, threshold, "half of the k holders the network offered");
    assertTrue(after.holders() < threshold, "holders dropped: " + after);
    assertEquals(1, publishing.republishesAfterAudit());
    assertTrue(publishing.seq() > seq, "republished with a fresh seq");

    net.advance(5_000); // the republish's stores land
    ContactPublishing.Audit recovered = await(publishing.audit());
    assertEquals(publishing.seq(), recovered.seq());
    assertTrue(recovered.holders() >= threshold, "recovered: " + recovered);
    Set<Endpoint> dead = closest.stream().map(DhtNode::endpoint).collect(Collectors.toSet());
    DhtNode asker = nodes.stream().filter(n -> !dead.contains(n.endpoint()) && n != publisherNode).findFirst().get();
    assertEquals(publishing.seq(), resolveFrom(asker).record().seq());
    assertFalse((Boolean) publishing.status().get("restricted"));
  }
}
