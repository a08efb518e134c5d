package net.switchboard.overlay.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.GetResult;
import net.switchboard.dht.PutResult;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.SignedRecord;
import net.switchboard.overlay.node.OverlayNode;
import org.junit.jupiter.api.Test;

/** Real nodes, real UDP on 127.0.0.1: records published anywhere resolve everywhere, even after losing a third of the nodes. */
class LocalTestnetTest {
  static final int NODES = 21;
  static final int RECORDS = 12;

  @Test
  void recordsResolveFromOtherNodesAndSurviveLosingAThirdOfTheNetwork() throws Exception {
    // k = 8 > the 7 nodes killed, so at least one replica of every record survives by construction
    DhtConfig dht = DhtConfig.defaults().withK(8).withRpcTimeoutMillis(300);
    try (LocalTestnet net = LocalTestnet.start(NODES, LocalTestnet.Options.defaults().withDht(dht).withSeed(42))) {
      for (OverlayNode n : net.nodes()) {
        assertTrue(n.call(d -> d.routingTableSize()).get(5, TimeUnit.SECONDS) >= dht.k(), "sparse routing table");
      }
      SplittableRandom random = new SplittableRandom(7);
      List<DhtRecord> records = new ArrayList<>();
      for (int i = 0; i < RECORDS; i++) {
        Identity publisher = Identity.generate(random);
        DhtRecord r = SignedRecord.create(publisher, 1, System.currentTimeMillis() + DhtConfig.HOUR, SignedRecord.text("contact " + i));
        PutResult put = net.node(i % NODES).callAsync(d -> d.put(r)).get(20, TimeUnit.SECONDS);
        assertTrue(put.stored() >= dht.k(), "record " + i + " stored at only " + put.stored());
        records.add(r);
      }

      for (int i = 0; i < RECORDS; i++) {
        assertEquals(Optional.of(records.get(i)), resolve(net.node((i + 5) % NODES), records.get(i)), "record " + i);
      }

      List<Integer> survivors = new ArrayList<>();
      for (int i = 0; i < NODES; i++) {
        if (i % 3 == 1) {
          net.kill(i);
        } else {
          survivors.add(i);
        }
      }
      assertEquals(NODES - NODES / 3, survivors.size());

      List<CompletableFuture<GetResult>> lookups = new ArrayList<>();
      for (int i = 0; i < RECORDS; i++) {
        DhtRecord r = records.get(i);
        OverlayNode asker = net.node(survivors.get((i * 5) % survivors.size()));
        lookups.add(asker.callAsync(d -> d.get(r.key(), r.namespace())));
      }
      for (int i = 0; i < RECORDS; i++) {
        assertEquals(Optional.of(records.get(i)), lookups.get(i).get(30, TimeUnit.SECONDS).record(), "record " + i + " after churn");
      }
    }
  }

  @Test
  void theTestnetKeepsGrowingAfterItsFirstNodeIsKilled() throws Exception {
    try (LocalTestnet net = LocalTestnet.start(4)) {
      net.kill(0);

      net.grow(2);

      assertEquals(6, net.size());
      assertEquals(5, net.live().size());
      assertEquals(net.node(1).endpoint(), net.bootstrap());
      assertTrue(net.node(5).call(d -> d.routingTableSize()).get(5, TimeUnit.SECONDS) >= 3);
    }
  }

  static Optional<DhtRecord> resolve(OverlayNode at, DhtRecord r) throws Exception {
    return at.callAsync(d -> d.get(r.key(), r.namespace())).get(20, TimeUnit.SECONDS).record();
  }
}
