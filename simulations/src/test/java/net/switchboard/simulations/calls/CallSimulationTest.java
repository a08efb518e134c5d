package net.switchboard.simulations.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.switchboard.simulations.report.Summary;
import net.switchboard.simulations.scenario.ChurnSimulation;
import net.switchboard.simulations.scenario.Progress;
import net.switchboard.simulations.scenario.ScenarioConfig;
import net.switchboard.simulations.scenario.Scenarios;
import net.switchboard.simulations.scenario.SimulationResult;
import org.junit.jupiter.api.Test;

/**
 * The whole protocol under churn, through the production classes: people publish contact records
 * (with their publish schedule and holder audits) and call each other over routed signaling.
 */
class CallSimulationTest {
  private static final ScenarioConfig CHURNY = Scenarios.small(150, "weibull:shape=0.38,median=30m", 1, 10).withSeed(5);
  private static final CallScenario CALLS = CallScenario.none().withPeople(20).withCallsPerSecond(0.2);

  private static SimulationResult run() {
    return new ChurnSimulation(CHURNY, CallWorkload.factory(CALLS)).run(Progress.NONE);
  }

  @Test
  void peoplePublishResolveAndConnectCallsUnderChurn() {
    SimulationResult r = run();
    Map<String, Object> calls = r.extensions().get("calls");
    long attempted = (long) calls.get("attempted");
    long connected = (long) calls.get("connected");
    assertTrue(attempted >= 100, attempted + " calls placed in an hour at 0.2/s among 20 people");
    assertTrue(connected >= 0.98 * (connected + (long) calls.get("failed")),
        "calls to online callees connect: " + calls);
    assertTrue(((Map<?, ?>) calls.get("connect_ms")).get("p50") instanceof Double d && d > 0,
        "offer and answer took virtual network time");
    assertTrue(Summary.json(r, 0).contains("\"calls\""), "summary.json reports the calls");
  }

  @Test
  void theSameSeedGivesTheSameCalls() {
    assertEquals(Summary.json(run(), 0), Summary.json(run(), 0));
  }
}
