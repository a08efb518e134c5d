package net.switchboard.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.SignedRecord;
import net.switchboard.dht.testing.Testnet;
import org.junit.jupiter.api.Test;

/**
 * The seams proof: 200 production nodes on the testnet (the simulator's engine), one thread,
 * no wall clock. The same seed must give the same message trace, bit for bit.
 */
class DeterministicNetworkTest {

  private static String runAndTrace(long seed) {
    Testnet net = new Testnet(seed, DhtConfig.defaults()).grow(200);
    SplittableRandom r = new SplittableRandom(seed ^ 0x5eed);
    List<DhtRecord> records = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Identity publisher = Identity.generate(r);
      DhtRecord rec = SignedRecord.create(publisher, 1, net.nowMillis() + DhtConfig.HOUR, SignedRecord.text("rec " + i));
      records.add(rec);
      PutResult put = net.await(net.nodes.get(r.nextInt(200)).put(rec), 30_000);
      assertTrue(put.stored() >= DhtConfig.defaults().k() - 2, "stored on " + put.stored());
    }
    for (DhtRecord rec : records) {
      GetResult got = net.await(net.nodes.get(r.nextInt(200)).get(rec.key(), SignedRecord.NAMESPACE), 30_000);
      assertTrue(got.record().isPresent(), "record resolved");
      assertEquals(rec, got.record().get());
    }
    net.advance(5 * DhtConfig.MINUTE);
    return net.traceDigest() + "/" + net.delivered();
  }

  @Test
  void sameSeedGivesTheSameMessageTraceTwice() {
    String first = runAndTrace(42);
    String second = runAndTrace(42);
    assertEquals(first, second);
    assertNotEquals(first, runAndTrace(43), "a different seed gives a different trace");
  }

  @Test
  void everyNodeJoinsWithAUsefulRoutingTable() {
    Testnet net = new Testnet(7, DhtConfig.defaults()).grow(200);
    for (DhtNode n : net.nodes) {
      assertTrue(n.routingTableSize() >= 20, "node has " + n.routingTableSize() + " contacts");
    }
  }
}
