package net.switchboard.overlay.contacts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.identity.PrintedId;
import net.switchboard.signaling.contact.ContactRecord;
import net.switchboard.signaling.directory.ResolvedContact;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.contact.DirectEndpoint;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.contact.Reachability;

/** How a {@link ResolvedContact} is printed: JSON for {@code --json} and the admin API, lines for a terminal. */
public final class ResolvedContactJson {
  private ResolvedContactJson() {}

  /**
   * {@code {id, node_id, seq, expires_at, period, routes: [hex], endpoints: ["host:port"],
   * transports: ["overlay"], media: ["audio"], hops}}.
   */
  public static JsonObject toJson(ResolvedContact c) {
    ContactRecord record = c.record();
    byte[] publicKey = c.publicKey();
    Reachability r = record.reachability();
    JsonArray routes = new JsonArray();
    r.routes().forEach(id -> routes.add(id.toHex()));
    JsonArray endpoints = new JsonArray();
    for (DirectEndpoint e : r.endpoints()) {
      endpoints.add(e.toString());
    }
    JsonArray transports = new JsonArray();
    for (ContactTransport t : r.transports()) {
      transports.add(t.name().toLowerCase(Locale.ROOT));
    }
    JsonArray media = new JsonArray();
    for (MediaCapability m : r.media()) {
      media.add(m.name().toLowerCase(Locale.ROOT));
    }
    return new JsonObject()
        .put("id", PrintedId.encode(publicKey))
        .put("node_id", Identity.nodeIdOf(publicKey).toHex())
        .put("seq", record.seq())
        .put("expires_at", Instant.ofEpochMilli(record.expiresAtMillis()).toString())
        .put("period", c.period())
        .put("routes", routes)
        .put("endpoints", endpoints)
        .put("transports", transports)
        .put("media", media)
        .put("hops", c.hops());
  }

  /** Readable lines for a terminal, rendered from {@link #toJson} (so both paths print alike). */
  public static String humanReadable(JsonObject j) {
    StringBuilder sb = new StringBuilder();
    sb.append("id          ").append(j.getString("id")).append('\n');
    sb.append("node id     ").append(j.getString("node_id")).append('\n');
    sb.append("seq         ").append(j.getValue("seq")).append('\n');
    sb.append("expires at  ").append(j.getString("expires_at")).append('\n');
    sb.append("period      ").append(j.getValue("period")).append('\n');
    JsonArray routes = j.getJsonArray("routes", new JsonArray());
    if (routes.isEmpty()) {
      sb.append("routes      (none)\n");
    }
    for (int i = 0; i < routes.size(); i++) {
      sb.append(i == 0 ? "routes      " : "            ").append(routes.getString(i)).append('\n');
    }
    JsonArray endpoints = j.getJsonArray("endpoints", new JsonArray());
    for (int i = 0; i < endpoints.size(); i++) {
      sb.append(i == 0 ? "endpoints   " : "            ").append(endpoints.getString(i)).append('\n');
    }
    sb.append("transports  ").append(join(j.getJsonArray("transports"))).append('\n');
    sb.append("media       ").append(join(j.getJsonArray("media")));
    return sb.toString();
  }

  private static String join(JsonArray a) {
    if (a == null || a.isEmpty()) {
      return "(none)";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(a.getValue(i));
    }
    return sb.toString();
  }
}
