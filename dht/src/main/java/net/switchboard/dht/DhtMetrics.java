package net.switchboard.dht;

import net.switchboard.dht.metrics.DhtMetricsSink;

import java.util.Map;
import java.util.TreeMap;
import net.switchboard.dht.wire.MessageType;

/**
 * Counters of one node: messages and bytes by type and direction, and every reason an input was
 * dropped. Single-threaded like the rest of the core; {@link #snapshot()} copies.
 */
public final class DhtMetrics implements DhtMetricsSink {
  private final long[] sentByType = new long[256];
  private final long[] receivedByType = new long[256];
  private long bytesSent;
  private long bytesReceived;
  private final Map<String, Long> named = new TreeMap<>();
  private DurationListener durations = (operation, millis) -> {};

  /** Hears how long each operation took (scheduler milliseconds); the node binds it to histograms. */
  @FunctionalInterface
  public interface DurationListener {
    void completed(String operation, long millis);
  }

  /** Installs the listener of {@link #duration}; one at a time. */
  public void setDurationListener(DurationListener listener) {
    this.durations = listener == null ? (operation, millis) -> {} : listener;
  }

  /** One {@code operation} (value_lookup, route) took {@code millis}. */
  public void duration(String operation, long millis) {
    durations.completed(operation, millis);
  }

  @Override
  public void sent(MessageType type, int bytes) {
    sentByType[type.code]++;
    bytesSent += bytes;
  }

  @Override
  public void received(MessageType type, int bytes) {
    receivedByType[type.code]++;
    bytesReceived += bytes;
  }

  @Override
  public void receivedBytes(int bytes) {
    bytesReceived += bytes;
  }

  /** Adds one to a named counter (e.g. {@code dropped_malformed}). */
  @Override
  public void increment(String name) {
    named.merge(name, 1L, Long::sum);
  }

  public long bytesSent() {
    return bytesSent;
  }

  public long bytesReceived() {
    return bytesReceived;
  }

  public long sent(MessageType type) {
    return sentByType[type.code];
  }

  public long received(MessageType type) {
    return receivedByType[type.code];
  }

  public long get(String name) {
    return named.getOrDefault(name, 0L);
  }

  /** All counters by name: bytes_sent, bytes_received, messages_sent_TYPE, messages_received_TYPE, and named ones. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>(named);
    out.put("bytes_sent", bytesSent);
    out.put("bytes_received", bytesReceived);
    for (MessageType t : MessageType.values()) {
      if (sentByType[t.code] != 0) {
        out.put("messages_sent_" + t, sentByType[t.code]);
      }
      if (receivedByType[t.code] != 0) {
        out.put("messages_received_" + t, receivedByType[t.code]);
      }
    }
    return out;
  }
}
