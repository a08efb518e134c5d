package net.switchboard.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.SignedRecord;
import net.switchboard.dht.testing.Testnet;
import net.switchboard.dht.wire.MessageType;
import org.junit.jupiter.api.Test;

/** The background work that keeps a network healthy: hand-off to newcomers and bucket refresh. */
class MaintenanceTest {

  @Test
  void aNewlyJoinedNodeClosestToAKeyReceivesItsRecordWithoutWaitingForRepublish() {
    DhtConfig config = DhtConfig.defaults();
    Testnet net = new Testnet(31, config).grow(60);
    DhtNode newcomer = net.addNode(); // started, but nobody knows it yet
    List<DhtNode> everyone = net.nodes;
    // a publisher whose record key is closer to the newcomer than to any node already in
    SplittableRandom r = new SplittableRandom(8);
    Identity publisher = null;
    for (int i = 0; i < 5000 && publisher == null; i++) {
      Identity candidate = Identity.generate(r);
      Id256 key = SignedRecord.keyOf(candidate.publicKey());
      DhtNode nearest = everyone.stream().min((a, b) -> key.compareDistance(a.id(), b.id())).orElseThrow();
      if (nearest == newcomer) {
        publisher = candidate;
      }
    }
    assertTrue(publisher != null, "found a key nearest to the newcomer");
    DhtRecord rec = SignedRecord.create(publisher, 1, net.nowMillis() + 6 * DhtConfig.HOUR, SignedRecord.text("for the newcomer"));
    net.await(net.nodes.get(0).put(rec), 30_000);
    assertFalse(newcomer.store().holds(rec.key()));

    net.await(newcomer.join(List.of(net.nodes.get(0).endpoint())), 60_000);
    net.advance(DhtConfig.MINUTE); // far less than the republish interval
    assertTrue(config.republishIntervalMillis() > DhtConfig.MINUTE * 5);

    assertTrue(newcomer.store().holds(rec.key()), "the closest holder handed the record to the newcomer");
    long handoffs = everyone.stream().mapToLong(n -> n.metrics().get("handoff")).sum();
    assertTrue(handoffs >= 1, "hand-offs counted: " + handoffs);
  }

  @Test
  void anIdleNodeRefreshesItsStaleBucketsWithLookups() {
    DhtConfig config = DhtConfig.defaults();
    Testnet net = new Testnet(32, config).grow(80);
    DhtNode node = net.nodes.get(40);
    int deepest = node.routingTable().deepestBucket();
    net.advance(config.refreshIntervalMillis() / 4); // settle after the joins
    long findNodesBefore = node.metrics().sent(MessageType.FIND_NODE);

    // no traffic from outside: only the node's own timers can send FIND_NODE now
    net.advance(config.refreshIntervalMillis() * 2);

    long refreshQueries = node.metrics().sent(MessageType.FIND_NODE) - findNodesBefore;
    assertTrue(refreshQueries > 0, "refresh lookups sent: " + refreshQueries);
    List<Integer> stale = node.routingTable().staleBuckets(net.nowMillis(), config.refreshIntervalMillis(), deepest);
    assertEquals(List.of(), stale, "every bucket up to the deepest was looked up within the interval");
  }

  @Test
  void aFullBucketIsRefreshedByPingingItsQuietContactsAndASilentOneIsEvicted() {
    DhtConfig config = DhtConfig.defaults().withK(4);
    Testnet net = new Testnet(33, config).grow(80);
    DhtNode node = net.nodes.get(40);
    List<net.switchboard.dht.routing.Contact> farHalf = node.routingSnapshot().stream()
        .filter(c -> node.routingTable().bucketIndex(c.id()) == 0).toList();
    assertEquals(config.k(), farHalf.size(), "bucket 0 (half the network) is full");
    Id256 gone = farHalf.get(0).id();
    net.nodes.stream().filter(n -> n.id().equals(gone)).findFirst().orElseThrow().stop();
    long pingsBefore = node.metrics().sent(MessageType.PING);

    net.advance(config.refreshIntervalMillis() * 2); // idle: only the node's own timers act

    assertFalse(node.routingTable().contains(gone), "the silent contact of the full bucket was evicted");
    assertTrue(node.metrics().get("refresh_pings") > 0, "the full bucket was refreshed by pings");
    assertTrue(node.metrics().sent(MessageType.PING) > pingsBefore);
    assertEquals(config.k(), node.routingSnapshot().stream()
        .filter(c -> node.routingTable().bucketIndex(c.id()) == 0).count(), "a replacement took its place");
  }
}
