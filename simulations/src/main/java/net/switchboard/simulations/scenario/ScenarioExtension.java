package net.switchboard.simulations.scenario;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.NamespaceValidator;
import net.switchboard.netsim.engine.Simulator;

/**
 * More protocol on top of the DHT workload (the people and calls of {@code calls}): told when
 * nodes join and leave, started after the warm-up, and reported under {@link #name} in
 * summary.json. Lets the run compose packages that depend on {@code scenario} without a cycle.
 */
public interface ScenarioExtension {
  /** Builds the extension for one run; randomness is split from the run's seed. */
  @FunctionalInterface
  interface Factory {
    ScenarioExtension create(Simulator simulator, SplittableRandom random);
  }

  /** Key of its figures in summary.json. */
  String name();

  /** Record validators every node needs for it (namespace 2 for contact records). */
  List<NamespaceValidator> validators();

  void joined(SimNode node);

  void left(SimNode node);

  /**
   * The identity the replacement of {@code leaving} restarts with, or null for a fresh one. A
   * person's node comes back with its key, as a real node reloads its key file.
   */
  default Identity restartIdentity(SimNode leaving) {
    return null;
  }

  /** At the end of the warm-up. */
  void start();

  /** Its figures, in a fixed order. */
  Map<String, Object> report();

  /** One line for the printed summary. */
  String line();
}
