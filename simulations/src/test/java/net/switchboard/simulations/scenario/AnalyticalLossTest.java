package net.switchboard.simulations.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.switchboard.dht.DhtConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cross-check against theory. With exponential sessions (mean m), no replacement of departed
 * nodes, and every repair path idle (republish and bucket refresh longer than the record's life,
 * no resolves, hence no new contacts and no hand-off), a record stored on h nodes is lost iff all
 * h leave before it expires; by memorylessness each leaves within the remaining life T with
 * probability p = 1 - exp(-T/m), independently, so P(lost) = p^h. The expected number of lost
 * records is the sum of p_i^h_i over records (h_i = the record's actual holders after its first
 * put, T_i its actual remaining life then); the measured count must lie within 3.5 standard
 * deviations of it. Records whose keys are close share holders and are lost together, so the
 * variance is the full sum of covariances over record pairs (from the actual holder sets), not
 * the independent binomial sum, which understates it about threefold here.
 */
class AnalyticalLossTest {

  @Test
  void lossWithoutRepairMatchesTheAllReplicasGoneProbability() {
    long ttl = 2 * Scenarios.HOUR;
    double meanSession = 3600;
    DhtConfig dht = DhtConfig.defaults()
        .withK(4)
        .withRecordTtlMillis(ttl)
        .withRepublishIntervalMillis(200 * Scenarios.HOUR)
        .withRefreshIntervalMillis(200 * Scenarios.HOUR);
    ScenarioConfig c = Scenarios.small(2000, "exponential:mean=1h", 2.25, 400)
        .withDht(dht.withMaxRecordLifetimeMillis(2 * ttl))
        .withReplaceLeavers(false)
        .withResolvesPerSecond(0)
        .withRecordRefreshMillis(0)
        .withPublishWindowMillis(2 * Scenarios.MINUTE)
        .withSeed(Long.getLong("analytical.seed", 5));
    ChurnSimulation sim = new ChurnSimulation(c);
    SimulationResult r = sim.run(Progress.NONE);

    assertEquals(400, r.recordsPublished());
    List<RecordOutcome> outcomes = sim.recordOutcomes();
    double expected = 0;
    double variance = 0;
    for (RecordOutcome a : outcomes) {
      expected += lossProbability(a, meanSession);
      for (RecordOutcome b : outcomes) {
        variance += covariance(a, b, meanSession);
      }
    }
    double tolerance = 3.5 * Math.sqrt(variance);
    System.out.printf("analytical cross-check: lost %d of %d, expected %.1f +- %.1f (3.5 sigma)%n",
        r.recordsLost(), r.recordsPublished(), expected, tolerance);
    assertTrue(tolerance < 0.3 * expected, "the test must be sharp: tolerance " + tolerance);
    assertTrue(Math.abs(r.recordsLost() - expected) <= tolerance,
        "lost " + r.recordsLost() + ", expected " + expected + " +- " + tolerance);
    assertEquals(0, sim.handoffs(), "the premise: no repair ran");
  }

  /** P(all holders gone before expiry) = prod over holders of (1 - exp(-T/m)). */
  private static double lossProbability(RecordOutcome o, double mean) {
    return Math.pow(leaveProbability(o, mean), o.holdersAfterFirstPut().length);
  }

  private static double leaveProbability(RecordOutcome o, double mean) {
    return 1 - Math.exp(-o.remainingLifeSeconds() / mean);
  }

  /**
   * Cov(lost_a, lost_b): records whose holder sets overlap are lost together more often. A shared
   * holder must leave within the shorter of the two lives (records were published within two
   * minutes of each other, so lives differ by at most that; each node's departure is one draw).
   */
  private static double covariance(RecordOutcome a, RecordOutcome b, double mean) {
    int[] ha = a.holdersAfterFirstPut();
    int[] hb = b.holdersAfterFirstPut();
    int shared = 0;
    for (int i = 0, j = 0; i < ha.length && j < hb.length; ) {
      if (ha[i] == hb[j]) {
        shared++;
        i++;
        j++;
      } else if (ha[i] < hb[j]) {
        i++;
      } else {
        j++;
      }
    }
    double pa = leaveProbability(a, mean);
    double pb = leaveProbability(b, mean);
    double both = Math.pow(Math.min(pa, pb), shared) * Math.pow(pa, ha.length - shared) * Math.pow(pb, hb.length - shared);
    return both - Math.pow(pa, ha.length) * Math.pow(pb, hb.length);
  }
}
