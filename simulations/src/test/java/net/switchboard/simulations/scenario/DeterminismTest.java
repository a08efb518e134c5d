package net.switchboard.simulations.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import net.switchboard.simulations.report.Csv;
import net.switchboard.simulations.report.Summary;
import org.junit.jupiter.api.Test;

/** Same seed, same code: byte-identical summary (but for wall time) and time series. */
class DeterminismTest {

  @Test
  void theSameSeedGivesIdenticalSummaryAndCsv() {
    ScenarioConfig c = Scenarios.small(60, "weibull:shape=0.38,median=30m", 1, 20).withSeed(7).withLossRate(0.01);
    SimulationResult a = new ChurnSimulation(c).run(Progress.NONE);
    SimulationResult b = new ChurnSimulation(c).run(Progress.NONE);
    assertEquals(Summary.json(a, 0), Summary.json(b, 0));
    assertEquals(Csv.timeseries(a.samples()), Csv.timeseries(b.samples()));
    assertEquals(Csv.messages(a.samples()), Csv.messages(b.samples()));
    assertEquals(a.events(), b.events());
  }

  @Test
  void anotherSeedGivesAnotherRun() {
    ScenarioConfig c = Scenarios.small(40, "exponential:mean=30m", 0.5, 10);
    SimulationResult a = new ChurnSimulation(c.withSeed(1)).run(Progress.NONE);
    SimulationResult b = new ChurnSimulation(c.withSeed(2)).run(Progress.NONE);
    assertNotEquals(Csv.timeseries(a.samples()), Csv.timeseries(b.samples()));
  }
}
