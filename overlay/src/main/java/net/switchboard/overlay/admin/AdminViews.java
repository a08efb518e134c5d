package net.switchboard.overlay.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.overlay.node.OverlayNode;

/** The JSON documents of the admin API. Each method runs on the node thread. */
public final class AdminViews {
  private AdminViews() {}

  /** {@code {id, node_id, addresses, routing_table_size, stored_records, uptime_s}}. */
  public static JsonObject status(OverlayNode node, DhtNode dht) {
    long uptimeMillis = node.scheduler().nowMillis() - node.startedAtMillis();
    return new JsonObject()
        .put("id", node.identity().printed())
        .put("node_id", dht.id().toHex())
        .put("addresses", new JsonArray(List.copyOf(node.addresses())))
        .put("routing_table_size", dht.routingTableSize())
        .put("stored_records", dht.store().size())
        .put("uptime_s", uptimeMillis / 1000);
  }

  /**
   * One {@code {namespace, key, size, seq, expires_at}} per held record, {@code key} in hex,
   * {@code expires_at} as an ISO-8601 UTC instant. Values are never included.
   */
  public static JsonArray records(List<DhtRecord> records) {
    JsonArray out = new JsonArray();
    for (DhtRecord r : records) {
      out.add(new JsonObject()
          .put("namespace", r.namespace() & 0xFF)
          .put("key", r.key().toHex())
          .put("size", r.size())
          .put("seq", r.seq())
          .put("expires_at", Instant.ofEpochMilli(r.expiresAtMillis()).toString()));
    }
    return out;
  }

  /** Every counter of the DHT and the UDP transport, by name. */
  public static JsonObject metrics(OverlayNode node, DhtNode dht) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, Long> e : dht.metrics().snapshot().entrySet()) {
      out.put(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Long> e : node.transport().counters().snapshot().entrySet()) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** {@code {error, status}}. */
  public static JsonObject error(int status, String message) {
    return new JsonObject().put("error", message).put("status", status);
  }
}
