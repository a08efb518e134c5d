package net.switchboard.simulations.report;

import java.util.List;
import net.switchboard.dht.wire.MessageType;
import net.switchboard.simulations.scenario.Sample;

/** The time series as CSV: {@code timeseries.csv} (one row per sample) and {@code messages.csv} (by type). */
public final class Csv {
  private Csv() {}

  public static String timeseries(List<Sample> samples) {
    StringBuilder sb = new StringBuilder(
        "time_h,live_nodes,joins,leaves,live_records,availability,holders_mean,holders_min,closest_holders_mean,"
            + "records_lost,resolves,resolve_success,latency_median_ms,latency_p99_ms,hops_median,hops_p99,"
            + "bytes_per_node_per_s,routing_table_mean\n");
    for (Sample s : samples) {
      sb.append(Num.csv(s.elapsedMillis() / 3_600_000.0)).append(',')
          .append(s.liveNodes()).append(',')
          .append(s.joins()).append(',')
          .append(s.leaves()).append(',')
          .append(s.liveRecords()).append(',')
          .append(Num.csv(s.availability())).append(',')
          .append(Num.csv(s.holdersMean())).append(',')
          .append(s.holdersMin()).append(',')
          .append(Num.csv(s.closestHoldersMean())).append(',')
          .append(s.recordsLost()).append(',')
          .append(s.resolves()).append(',')
          .append(Num.csv(s.resolveSuccess())).append(',')
          .append(Num.csv(s.latencyMedianMillis())).append(',')
          .append(Num.csv(s.latencyP99Millis())).append(',')
          .append(Num.csv(s.hopsMedian())).append(',')
          .append(Num.csv(s.hopsP99())).append(',')
          .append(Num.csv(s.bytesPerNodePerSecond())).append(',')
          .append(Num.csv(s.routingTableMean())).append('\n');
    }
    return sb.toString();
  }

  public static String messages(List<Sample> samples) {
    MessageType[] types = MessageType.values();
    StringBuilder sb = new StringBuilder("time_h");
    for (MessageType t : types) {
      sb.append(',').append(t.name());
    }
    sb.append('\n');
    for (Sample s : samples) {
      sb.append(Num.csv(s.elapsedMillis() / 3_600_000.0));
      for (int i = 0; i < types.length; i++) {
        sb.append(',').append(s.sentByType()[i]);
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
