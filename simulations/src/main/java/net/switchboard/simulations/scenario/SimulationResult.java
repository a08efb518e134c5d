package net.switchboard.simulations.scenario;

import java.util.List;
import java.util.Map;

/**
 * Everything a run measured: its parameters, the time series and the whole-run figures.
 *
 * @param config the parameters
 * @param samples the time series
 * @param recordsPublished records whose first put completed
 * @param recordsLost records that at some moment had no live holder before expiry
 * @param availabilityMin lowest sampled availability (1 when nothing was sampled)
 * @param availabilityMean mean sampled availability
 * @param resolves resolves completed after the warm-up
 * @param resolveSuccessRate share of them that found the record (1 when none ran)
 * @param hopsMedian median lookup hops of successful resolves
 * @param hopsP99 99th percentile
 * @param latencyMedianMillis median resolve latency
 * @param latencyP99Millis 99th percentile
 * @param maintenanceBytesPerNodePerSecond bytes sent by all nodes after the warm-up (the
 *     workload's few puts and resolves included), per mean live node, per second
 * @param messagesByType messages sent after the warm-up, by type
 * @param network datagram counters of the virtual network (sent, lost, partitioned, unreachable)
 * @param dhtCounters named counters of the core summed over all nodes (hand-offs, republishes, timeouts)
 * @param joins completed joins (whole run)
 * @param leaves departures
 * @param events events executed
 * @param lostRecordInitialHolders for each lost record, how many nodes acknowledged its first
 *     put (used by the analytical cross-check)
 * @param initialHolders for each published record, how many nodes acknowledged its first put
 * @param extensions figures of the run's {@link ScenarioExtension} under its name (empty without)
 * @param extensionLine the extension's line for the printed summary ("" without)
 */
public record SimulationResult(
    ScenarioConfig config,
    List<Sample> samples,
    long recordsPublished,
    long recordsLost,
    double availabilityMin,
    double availabilityMean,
    long resolves,
    double resolveSuccessRate,
    double hopsMedian,
    double hopsP99,
    double latencyMedianMillis,
    double latencyP99Millis,
    double maintenanceBytesPerNodePerSecond,
    Map<String, Long> messagesByType,
    Map<String, Long> network,
    Map<String, Long> dhtCounters,
    long joins,
    long leaves,
    long events,
    List<Integer> lostRecordInitialHolders,
    List<Integer> initialHolders,
    Map<String, Map<String, Object>> extensions,
    String extensionLine) {}
