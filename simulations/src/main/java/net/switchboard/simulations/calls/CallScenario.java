package net.switchboard.simulations.calls;

/**
 * The people and calls of a run, on top of the DHT workload.
 *
 * @param people persons, each running the production contact publishing and call manager on a
 *     node of the population (0: no people, the run is DHT-only as before)
 * @param callsPerSecond rate of calls (Poisson) from a random online, idle person to another
 * @param holdMillis how long a connected call lasts before the caller hangs up
 */
public record CallScenario(int people, double callsPerSecond, long holdMillis) {
  public CallScenario {
    if (people < 0) {
      throw new IllegalArgumentException("people must be >= 0, got " + people);
    }
    if (callsPerSecond < 0) {
      throw new IllegalArgumentException("call rate must be >= 0, got " + callsPerSecond);
    }
    if (holdMillis < 1) {
      throw new IllegalArgumentException("call hold time must be >= 1 ms, got " + holdMillis);
    }
  }

  /** No people, no calls. */
  public static CallScenario none() {
    return new CallScenario(0, 0, 30_000);
  }

  public CallScenario withPeople(int v) {
    return new CallScenario(v, callsPerSecond, holdMillis);
  }

  public CallScenario withCallsPerSecond(double v) {
    return new CallScenario(people, v, holdMillis);
  }
}
