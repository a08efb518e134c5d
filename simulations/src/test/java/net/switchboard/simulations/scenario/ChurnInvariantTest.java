package net.switchboard.simulations.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Under IPFS-like churn the core's defaults keep every record available. */
class ChurnInvariantTest {

  @Test
  void recordsStayAvailableUnderWeibullChurn() {
    ScenarioConfig c = Scenarios.small(150, "weibull:shape=0.38,median=1h", 3, 60).withSeed(3);
    SimulationResult r = new ChurnSimulation(c).run(Progress.NONE);
    assertEquals(60, r.recordsPublished());
    assertTrue(r.leaves() > 20, "churn happened: " + r.leaves() + " leaves");
    assertEquals(0, r.recordsLost(), "records lost");
    assertTrue(r.availabilityMin() >= 0.999, "availability min " + r.availabilityMin());
    assertTrue(r.resolves() > 500, "resolves " + r.resolves());
    assertTrue(r.resolveSuccessRate() >= 0.99, "resolve success " + r.resolveSuccessRate());
    for (Sample s : r.samples()) {
      assertTrue(s.holdersMin() >= 1, "a record without holders at " + s.elapsedMillis());
    }
  }
}
