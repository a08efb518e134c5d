package net.switchboard.simulations.scenario;

import net.switchboard.dht.DhtConfig;
import net.switchboard.simulations.churn.ChurnSpec;

/** Small scenarios shared by the tests: one line builds a run. */
public final class Scenarios {
  static final long MINUTE = 60_000;
  static final long HOUR = 60 * MINUTE;

  private Scenarios() {}

  /** {@code nodes} nodes under {@code churn} for {@code hours}, 10-minute samples, 5-minute warm-up. */
  public static ScenarioConfig small(int nodes, String churn, double hours, int records) {
    return ScenarioConfig.defaults()
        .withNodes(nodes)
        .withChurn(ChurnSpec.parse(churn))
        .withDurationMillis(Math.round(hours * HOUR))
        .withWarmupMillis(5 * MINUTE)
        .withPublishWindowMillis(5 * MINUTE)
        .withRecords(records)
        .withResolvesPerSecond(0.1)
        .withDht(DhtConfig.defaults());
  }
}
