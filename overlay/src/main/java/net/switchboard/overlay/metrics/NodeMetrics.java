package net.switchboard.overlay.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import net.switchboard.dht.DhtMetrics;
import net.switchboard.dht.wire.MessageType;

/**
 * A node's metrics in the Prometheus data model, through the official client library
 * (prometheus-metrics-core): the DHT's counters and message counts, and whatever the node's
 * features register (transport, calls, gateway), read by callback when scraped; latency
 * histograms fed as operations complete. {@code GET /metrics} serves it in the Prometheus text
 * format or OpenMetrics, by the scraper's Accept header (docs/operations.md).
 *
 * <p>Callbacks read single-threaded state: {@link #scrape} must run on the node's thread.
 */
public final class NodeMetrics {
  /** Seconds: 1 ms to 10 s, the range of lookups, routes and call set-up. */
  private static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Histogram durations;

  /** Binds {@code dht}'s counters and duration reports. */
  public NodeMetrics(DhtMetrics dht) {
    durations = Histogram.builder()
        .name("switchboard_operation_duration_seconds")
        .help("How long operations took: value_lookup and route (DHT), call_setup (place to media connected)")
        .labelNames("operation")
        .classicUpperBounds(BUCKETS)
        .classicOnly()
        .register(registry);
    dht.setDurationListener((operation, millis) -> observe(operation, millis));
    CounterWithCallback.builder()
        .name("switchboard_dht_messages_sent")
        .help("DHT messages sent, by type")
        .labelNames("type")
        .callback(cb -> {
          for (MessageType t : MessageType.values()) {
            cb.call(dht.sent(t), t.name());
          }
        })
        .register(registry);
    CounterWithCallback.builder()
        .name("switchboard_dht_messages_received")
        .help("DHT messages received, by type")
        .labelNames("type")
        .callback(cb -> {
          for (MessageType t : MessageType.values()) {
            cb.call(dht.received(t), t.name());
          }
        })
        .register(registry);
    counter("switchboard_dht_bytes_sent", "Bytes of DHT datagrams sent", dht::bytesSent);
    counter("switchboard_dht_bytes_received", "Bytes of DHT datagrams received", dht::bytesReceived);
    events("switchboard_dht_events",
        "DHT and routing events and refusals by name (rpc_timeouts, dropped_*, route_*, republish_*, ...)",
        () -> named(dht));
  }

  private static Map<String, Long> named(DhtMetrics dht) {
    Map<String, Long> all = dht.snapshot();
    all.keySet().removeIf(k -> k.startsWith("messages_") || k.startsWith("bytes_"));
    return all;
  }

  /** Records that {@code operation} took {@code millis}. Thread-safe. */
  public void observe(String operation, long millis) {
    durations.labelValues(operation).observe(millis / 1000.0);
  }

  /** A counter family {@code name} with one series per key of {@code snapshot}, label {@code event}. */
  public void events(String name, String help, Supplier<Map<String, Long>> snapshot) {
    CounterWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames("event")
        .callback(cb -> snapshot.get().forEach((event, v) -> cb.call(v, event)))
        .register(registry);
  }

  /** A counter without labels. */
  public void counter(String name, String help, LongSupplier value) {
    CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsLong())).register(registry);
  }

  /** A gauge without labels. */
  public void gauge(String name, String help, LongSupplier value) {
    GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsLong())).register(registry);
  }

  /** The text a scraper asked for: OpenMetrics when {@code openMetrics}, else Prometheus text 0.0.4. */
  public String scrape(boolean openMetrics) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      if (openMetrics) {
        OpenMetricsTextFormatWriter.create().write(out, registry.scrape());
      } else {
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Content type of {@link #scrape} for the same argument. */
  public static String contentType(boolean openMetrics) {
    return openMetrics ? OpenMetricsTextFormatWriter.CONTENT_TYPE : PrometheusTextFormatWriter.CONTENT_TYPE;
  }

  /**
   * Which format an {@code Accept} header (and {@code ?format=}) asks for: null for JSON (no
   * header, or JSON first: the admin API's own clients), false for Prometheus text, true for
   * OpenMetrics (Prometheus itself sends {@code application/openmetrics-text} first).
   */
  public static Boolean requested(String accept, String formatParam) {
    if (formatParam != null) {
      return switch (formatParam) {
        case "prometheus" -> false;
        case "openmetrics" -> true;
        default -> null;
      };
    }
    if (accept == null || accept.isBlank()) {
      return null;
    }
    int om = accept.indexOf("application/openmetrics-text");
    int text = accept.indexOf("text/plain");
    int json = accept.indexOf("application/json");
    if (om < 0 && text < 0) {
      return null;
    }
    if (json >= 0 && (om < 0 || json < om) && (text < 0 || json < text)) {
      return null;
    }
    return om >= 0 && (text < 0 || om < text);
  }
}
