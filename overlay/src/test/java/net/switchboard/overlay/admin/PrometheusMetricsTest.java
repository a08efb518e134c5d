package net.switchboard.overlay.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.record.SignedRecord;
import net.switchboard.overlay.metrics.NodeMetrics;
import net.switchboard.overlay.node.OverlayNode;
import net.switchboard.overlay.testnet.LocalTestnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /metrics as a Prometheus scraper sees it, on a real node over 127.0.0.1. */
class PrometheusMetricsTest {
  /** What Prometheus 2.x/3.x sends by default. */
  static final String PROMETHEUS_ACCEPT =
      "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,"
          + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2";
  static LocalTestnet net;
  static OverlayNode node;
  static AdminServer admin;
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    net = LocalTestnet.start(3);
    node = net.node(1);
    admin = AdminServer.start(net.vertx(), node, 0).get(5, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    admin.close().get(5, TimeUnit.SECONDS);
    net.close();
  }

  static HttpResponse<String> scrape(String accept) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + "/metrics")).GET();
    if (accept != null) {
      r.header("Accept", accept);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sample lines: {@code name{labels} value}, keyed by everything before the value. */
  static Map<String, Double> samples(String text) {
    Map<String, Double> out = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return out;
  }

  static double lookups(Map<String, Double> s, String operation) {
    return s.getOrDefault("switchboard_operation_duration_seconds_count{operation=\"" + operation + "\"}", 0.0);
  }

  @Test
  void aPrometheusScrapeGetsOpenMetricsWithTypedFamiliesThatMove() throws Exception {
    Map<String, Double> before = samples(scrape(PROMETHEUS_ACCEPT).body());
    // a value lookup for a key nobody holds, and a route to another node
    Id256 absent = Id256.of(new byte[32]);
    node.callAsync(d -> d.get(absent, SignedRecord.NAMESPACE)).get(10, TimeUnit.SECONDS);
    node.callAsync(d -> d.route(net.node(2).dht().id(), new byte[] {1})).get(10, TimeUnit.SECONDS);

    HttpResponse<String> r = scrape(PROMETHEUS_ACCEPT);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
    String text = r.body();
    assertTrue(text.contains("# TYPE switchboard_dht_messages_sent counter"), text);
    assertTrue(text.contains("# TYPE switchboard_operation_duration_seconds histogram"), text);
    assertTrue(text.contains("# TYPE switchboard_transport_events counter"), text);
    assertTrue(text.contains("# TYPE switchboard_routing_table_contacts gauge"), text);
    assertTrue(text.endsWith("# EOF\n"), "an OpenMetrics document ends with # EOF");
    Map<String, Double> after = samples(text);
    assertEquals(lookups(before, "value_lookup") + 1, lookups(after, "value_lookup"));
    assertEquals(lookups(before, "route") + 1, lookups(after, "route"));
    assertTrue(after.get("switchboard_dht_messages_sent_total{type=\"FIND_VALUE\"}")
        > before.getOrDefault("switchboard_dht_messages_sent_total{type=\"FIND_VALUE\"}", 0.0));
    assertTrue(after.get("switchboard_routing_table_contacts") >= 2);
  }

  @Test
  void plainTextForTextPlainAndJsonStaysTheDefault() throws Exception {
    HttpResponse<String> text = scrape("text/plain;version=0.0.4");
    assertTrue(text.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    assertTrue(text.body().contains("switchboard_dht_bytes_sent_total "), text.body());
    HttpResponse<String> json = scrape(null);
    assertTrue(new JsonObject(json.body()).getLong("bytes_sent") > 0, "no Accept header: the JSON document as before");
    assertTrue(new JsonObject(scrape("application/json").body()).containsKey("bytes_sent"));
  }

  @Test
  void acceptHeadersAndFormatParameterChooseTheFormat() {
    assertNull(NodeMetrics.requested(null, null));
    assertNull(NodeMetrics.requested("application/json, text/plain", null));
    assertEquals(true, NodeMetrics.requested(PROMETHEUS_ACCEPT, null));
    assertEquals(false, NodeMetrics.requested("text/plain", null));
    assertEquals(false, NodeMetrics.requested(null, "prometheus"));
    assertEquals(true, NodeMetrics.requested("application/json", "openmetrics"));
  }
}
