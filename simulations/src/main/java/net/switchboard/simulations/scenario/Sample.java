package net.switchboard.simulations.scenario;

/**
 * One row of the time series, taken every sampling interval after the warm-up.
 *
 * @param elapsedMillis time since the end of the warm-up
 * @param liveNodes nodes up now
 * @param joins completed joins so far (whole run)
 * @param leaves departures so far
 * @param liveRecords records published and not expired
 * @param availability share of live records that at least one of the k closest live nodes holds
 *     (what a lookup finds); NaN when no record is live
 * @param holdersMean mean number of live nodes holding a live record
 * @param holdersMin fewest live holders of any live record
 * @param closestHoldersMean mean number of the k closest live nodes holding a live record
 * @param recordsLost records lost so far
 * @param resolves resolves completed in this interval
 * @param resolveSuccess share of them that found the record (NaN when none)
 * @param latencyMedianMillis median resolve latency in this interval
 * @param latencyP99Millis 99th percentile resolve latency in this interval
 * @param hopsMedian median lookup hops of successful resolves in this interval
 * @param hopsP99 99th percentile hops
 * @param bytesPerNodePerSecond bytes sent by all nodes in this interval, per live node per second
 * @param routingTableMean mean routing-table size of live nodes
 * @param sentByType messages sent in this interval, indexed like {@code MessageType.values()}
 */
public record Sample(
    long elapsedMillis,
    int liveNodes,
    long joins,
    long leaves,
    int liveRecords,
    double availability,
    double holdersMean,
    int holdersMin,
    double closestHoldersMean,
    long recordsLost,
    long resolves,
    double resolveSuccess,
    double latencyMedianMillis,
    double latencyP99Millis,
    double hopsMedian,
    double hopsP99,
    double bytesPerNodePerSecond,
    double routingTableMean,
    long[] sentByType) {}
