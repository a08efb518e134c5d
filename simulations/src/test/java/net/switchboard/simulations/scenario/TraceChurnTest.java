package net.switchboard.simulations.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.switchboard.simulations.churn.ChurnSpec;
import net.switchboard.simulations.churn.ChurnTrace;
import org.junit.jupiter.api.Test;

/** A recorded trace is replayed exactly: who is up when, and rejoining nodes keep their identity. */
class TraceChurnTest {

  @Test
  void aTraceDecidesJoinsAndLeaves() {
    List<String> lines = new ArrayList<>(List.of("node,join_s,leave_s"));
    for (int i = 0; i < 60; i++) {
      lines.add("n" + i + ",0," + (i < 20 ? 600 + 60 * i : "")); // 20 leave between 10 and 29 min
    }
    for (int i = 0; i < 10; i++) {
      lines.add("n" + i + "," + (2400 + 30 * i) + ","); // 10 of them come back after 40 min
    }
    ChurnTrace trace = ChurnTrace.parse(lines, "test-trace");
    ScenarioConfig c = Scenarios.small(2, "none", 1, 20).withChurn(new ChurnSpec(null, trace)).withSeed(2);
    ChurnSimulation sim = new ChurnSimulation(c);
    SimulationResult r = sim.run(Progress.NONE);
    assertEquals(20, r.leaves());
    assertEquals(70, r.joins());
    Sample last = r.samples().get(r.samples().size() - 1);
    assertEquals(50, last.liveNodes());
    assertEquals(0, r.recordsLost());
    assertTrue(r.resolveSuccessRate() >= 0.99, "resolve success " + r.resolveSuccessRate());
  }
}
