package net.switchboard.simulations.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.switchboard.dht.DhtConfig;
import org.junit.jupiter.api.Test;

/**
 * Cross-check against theory. With exponential sessions (mean m), no replacement of departed
 * nodes, and every repair path idle (republish and bucket refresh longer than the record's life,
 * no resolves, hence no new contacts and no hand-off), a record stored on h nodes is lost iff all
 * h leave before it expires; by memorylessness each leaves within the remaining life T with
 * probability p = 1 - exp(-T/m), independently, so P(lost) = p^h. The expected number of lost
 * records is the sum of p_i^h_i over records (h_i = the record's actual holders after its first
 * put, T_i its actual remaining life then); the measured count must lie within 3.5 standard
 * deviations (binomial-sum variance, sum p_i(1-p_i)) of it.
 */
class AnalyticalLossTest {

  @Test
  void lossWithoutRepairMatchesTheAllReplicasGoneProbability() {
    long ttl = Scenarios.HOUR;
    double meanSession = 3600;
    DhtConfig dht = DhtConfig.defaults()
        .withK(4)
        .withRecordTtlMillis(ttl)
        .withRepublishIntervalMillis(200 * Scenarios.HOUR)
        .withRefreshIntervalMillis(200 * Scenarios.HOUR);
    ScenarioConfig c = Scenarios.small(300, "exponential:mean=1h", 1.25, 400)
        .withDht(dht.withMaxRecordLifetimeMillis(2 * ttl))
        .withReplaceLeavers(false)
        .withResolvesPerSecond(0)
        .withRecordRefreshMillis(0)
        .withPublishWindowMillis(2 * Scenarios.MINUTE)
        .withSeed(5);
    ChurnSimulation sim = new ChurnSimulation(c);
    SimulationResult r = sim.run(Progress.NONE);

    assertEquals(400, r.recordsPublished());
    double expected = 0;
    double variance = 0;
    for (RecordOutcome o : sim.recordOutcomes()) {
      double p = Math.pow(1 - Math.exp(-o.remainingLifeSeconds() / meanSession), o.holdersAfterFirstPut());
      expected += p;
      variance += p * (1 - p);
    }
    double tolerance = 3.5 * Math.sqrt(variance);
    System.out.printf("analytical cross-check: lost %d of %d, expected %.1f +- %.1f (3.5 sigma)%n",
        r.recordsLost(), r.recordsPublished(), expected, tolerance);
    assertTrue(Math.abs(r.recordsLost() - expected) <= tolerance,
        "lost " + r.recordsLost() + ", expected " + expected + " +- " + tolerance);
    assertEquals(0, sim.handoffs(), "the premise: no repair ran");
  }
}
