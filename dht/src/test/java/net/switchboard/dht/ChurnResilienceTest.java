package net.switchboard.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.SignedRecord;
import net.switchboard.dht.testing.Testnet;
import org.junit.jupiter.api.Test;

/** Records survive losing a third of the network at once, and a joining node receives its share. */
class ChurnResilienceTest {

  @Test
  void everyRecordStillResolvesAfterAThirdOfTheNodesDie() {
    Testnet net = new Testnet(11, DhtConfig.defaults()).grow(150);
    SplittableRandom r = new SplittableRandom(5);
    List<DhtRecord> records = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      DhtRecord rec = SignedRecord.create(Identity.generate(r), 1, net.nowMillis() + 6 * DhtConfig.HOUR, SignedRecord.text("r" + i));
      records.add(rec);
      net.await(net.nodes.get(r.nextInt(net.nodes.size())).put(rec), 30_000);
    }
    List<DhtNode> alive = new ArrayList<>(net.nodes);
    for (int i = 0; i < 50; i++) {
      DhtNode victim = alive.remove(r.nextInt(alive.size()));
      victim.stop();
      net.disconnect(victim.endpoint());
    }
    for (DhtRecord rec : records) {
      DhtNode asker = alive.get(r.nextInt(alive.size()));
      GetResult got = net.await(asker.get(rec.key(), SignedRecord.NAMESPACE), 60_000);
      assertTrue(got.record().isPresent(), "record " + rec + " lost after killing a third");
      assertEquals(rec, got.record().get());
    }
  }

  @Test
  void republishRestoresReplicationAfterHoldersDie() {
    DhtConfig config = DhtConfig.defaults();
    Testnet net = new Testnet(12, config).grow(120);
    SplittableRandom r = new SplittableRandom(6);
    DhtRecord rec = SignedRecord.create(Identity.generate(r), 1, net.nowMillis() + 6 * DhtConfig.HOUR, SignedRecord.text("x"));
    DhtNode publisher = net.nodes.get(0);
    net.await(publisher.put(rec), 30_000);
    // kill half of the current holders, but never the publisher
    List<DhtNode> holders = net.nodes.stream().filter(n -> n != publisher && n.store().holds(rec.key())).toList();
    for (int i = 0; i < holders.size() / 2; i++) {
      holders.get(i).stop();
      net.disconnect(holders.get(i).endpoint());
    }
    net.advance(config.republishIntervalMillis() * 2 + DhtConfig.MINUTE);
    long live = net.nodes.stream().filter(n -> n.isRunning() && n.store().holds(rec.key())).count();
    assertTrue(live >= config.k() - 1, "holders after republish: " + live);
  }
}
