package net.switchboard.simulations.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.switchboard.netsim.network.Partition;
import org.junit.jupiter.api.Test;

/**
 * Half the network is cut off for an hour, then healed. While cut, lookups wait out timeouts to
 * the other side and each side re-replicates to its own closest nodes (with k = 20 both halves
 * keep copies, so resolves still succeed); after healing, republish brings the k globally closest
 * nodes back to holding every record, and resolves from anywhere succeed.
 */
class PartitionHealTest {

  @Test
  void recordsReconvergeAfterThePartitionHeals() {
    long h = Scenarios.HOUR;
    ScenarioConfig c = Scenarios.small(150, "none", 3, 60)
        .withPartition(new Partition(h / 2, 3 * h / 2, 0.5))
        .withResolvesPerSecond(0.2)
        .withSeed(4);
    SimulationResult r = new ChurnSimulation(c).run(Progress.NONE);
    List<Sample> s = r.samples();
    int k = c.dht().k();
    Sample before = at(s, h / 2);
    Sample during = at(s, 3 * h / 2);
    Sample after = s.get(s.size() - 1);

    assertEquals(1.0, before.resolveSuccess(), "before the partition");
    // while cut, each side keeps its own copies: more holders than k in total
    assertTrue(during.holdersMean() > k, "holders during partition " + during.holdersMean());
    // lookups meet unreachable contacts and wait out their timeouts
    double slowestDuring = s.stream().filter(x -> x.elapsedMillis() > h / 2 && x.elapsedMillis() <= 3 * h / 2)
        .mapToDouble(Sample::latencyP99Millis).max().orElseThrow();
    assertTrue(slowestDuring > 2 * before.latencyP99Millis(),
        "p99 latency during " + slowestDuring + " vs before " + before.latencyP99Millis());
    assertTrue(r.network().get("datagrams_partitioned") > 0);
    // healed: the k globally closest hold every record again and every resolve succeeds
    assertEquals(1.0, after.availability());
    assertTrue(after.closestHoldersMean() >= 0.9 * k, "closest holders after heal " + after.closestHoldersMean());
    assertEquals(1.0, after.resolveSuccess(), "resolves after healing");
    assertEquals(0, r.recordsLost());
  }

  private static Sample at(List<Sample> samples, long elapsed) {
    return samples.stream().filter(x -> x.elapsedMillis() == elapsed).findFirst().orElseThrow();
  }
}
