package net.switchboard.overlay.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.PutResult;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.identity.PrintedId;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.SignedRecord;
import net.switchboard.overlay.node.OverlayNode;
import net.switchboard.overlay.testnet.LocalTestnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminServerTest {
  static LocalTestnet net;
  static OverlayNode node;
  static AdminServer admin;
  static DhtRecord record;
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startThreeNodesAndPublish() throws Exception {
    net = LocalTestnet.start(3);
    node = net.node(1);
    admin = AdminServer.start(net.vertx(), node, 0).get(5, TimeUnit.SECONDS);
    Identity publisher = Identity.generate(new java.util.SplittableRandom(9));
    record = SignedRecord.create(publisher, 1, System.currentTimeMillis() + DhtConfig.HOUR, SignedRecord.text("secret value"));
    PutResult put = net.node(0).callAsync(d -> d.put(record)).get(10, TimeUnit.SECONDS);
    assertTrue(put.stored() >= 3, "stored at " + put.stored());
  }

  @AfterAll
  static void stop() throws Exception {
    admin.close().get(5, TimeUnit.SECONDS);
    net.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + admin.port() + path);
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void statusNamesTheNodeAndItsState() throws Exception {
    HttpResponse<String> r = get("/status");

    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    JsonObject status = new JsonObject(r.body());
    assertEquals(node.identity().printed(), status.getString("id"));
    assertTrue(PrintedId.isValid(status.getString("id")));
    assertEquals(node.identity().nodeId().toHex(), status.getString("node_id"));
    assertEquals(new JsonArray().add(node.endpoint().toString()), status.getJsonArray("addresses"));
    assertEquals(2, status.getInteger("routing_table_size"));
    assertEquals(1, status.getInteger("stored_records"));
    assertTrue(status.getLong("uptime_s") >= 0);
  }

  @Test
  void recordsListsMetadataButNeverValues() throws Exception {
    HttpResponse<String> r = get("/records");

    assertEquals(200, r.statusCode());
    JsonArray records = new JsonArray(r.body());
    assertEquals(1, records.size());
    JsonObject meta = records.getJsonObject(0);
    assertEquals(1, meta.getInteger("namespace"));
    assertEquals(record.key().toHex(), meta.getString("key"));
    assertEquals(record.size(), meta.getInteger("size"));
    assertEquals(1L, meta.getLong("seq"));
    assertEquals(Instant.ofEpochMilli(record.expiresAtMillis()), Instant.parse(meta.getString("expires_at")));
    assertEquals(java.util.Set.of("namespace", "key", "size", "seq", "expires_at"), meta.fieldNames());
    assertFalse(r.body().contains("secret value"));
  }

  @Test
  void metricsCountTrafficOfBothLayers() throws Exception {
    JsonObject metrics = new JsonObject(get("/metrics").body());

    assertTrue(metrics.getLong("udp_received") > 0);
    assertTrue(metrics.getLong("bytes_received") > 0);
  }

  @Test
  void unknownPathsAndMethodsAreJsonErrors() throws Exception {
    HttpResponse<String> missing = get("/nope");
    HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/status")).POST(HttpRequest.BodyPublishers.noBody()));

    assertEquals(404, missing.statusCode());
    assertEquals(404, new JsonObject(missing.body()).getInteger("status"));
    assertTrue(new JsonObject(missing.body()).getString("error").contains("/nope"));
    assertEquals(405, post.statusCode());
    assertEquals(405, new JsonObject(post.body()).getInteger("status"));
  }
}
