package net.switchboard.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.RecordMeta;
import net.switchboard.dht.record.RecordRejectedException;
import net.switchboard.signaling.contact.ContactEnvelope;
import net.switchboard.signaling.e2e.SignalingEnvelope;

/**
 * One page's session on the gateway as a state machine with no I/O: {@link #on} takes a {@link
 * PageEvent} and returns the {@link PageCommand}s it causes (frames to write, DHT work, timers),
 * which {@link GatewayServer} runs. The protocol is in browser-gateway/README.md.
 *
 * <pre>
 * CHALLENGED -auth frame-> (VerifyAuth) -AuthVerified-> READY -Closed/Replaced-> CLOSED
 *            -AuthRefused / malformed auth-> CLOSED (status 4401)
 * </pre>
 *
 * <p>Before READY every frame but {@code auth} is answered {@code unauthenticated}. A publish is
 * checked whole before anything is stored; a session keeps at most {@code maxRecordsPerSession}
 * records published (the oldest is unpublished) and unpublishes all of them when it closes. An
 * envelope pushed to the page waits for its {@code ack} until {@code deliveryTimeoutMillis}.
 */
final class PageSession {
  enum Phase {
    CHALLENGED,
    READY,
    CLOSED
  }

  static final int MAX_GET_KEYS = 4;
  static final int MAX_ROUTES = 16;
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder UNB64 = Base64.getDecoder();

  private final Id256 gatewayId;
  private final GatewayConfig config;
  private Phase phase = Phase.CHALLENGED;
  private Id256 identity;
  private final List<Id256> published = new ArrayList<>();
  private final Set<Long> awaitingAck = new LinkedHashSet<>();
  private List<PageCommand> out;

  PageSession(Id256 gatewayId, GatewayConfig config) {
    this.gatewayId = gatewayId;
    this.config = config;
  }

  Phase phase() {
    return phase;
  }

  /** The identity this session speaks for, once READY; else null. */
  Id256 identity() {
    return identity;
  }

  /** The challenge frame a new connection starts with. */
  static JsonObject challenge(AuthChallenges.Challenge c) {
    return new JsonObject().put("t", "challenge").put("nonce", B64.encodeToString(c.nonce()))
        .put("gateway", c.gatewayId().toHex()).put("ts", c.timestampMillis());
  }

  List<PageCommand> on(PageEvent e) {
    out = new ArrayList<>();
    if (phase == Phase.CLOSED) {
      closedSession(e);
    } else if (e instanceof PageEvent.Frame f) {
      onFrame(f.message(), f.nowMillis());
    } else if (e instanceof PageEvent.Unparsable u) {
      write(error(null, "malformed", "bad message: " + u.problem()));
    } else if (e instanceof PageEvent.AuthVerified v) {
      onAuthVerified(v.publicKey(), v.nowMillis());
    } else if (e instanceof PageEvent.AuthRefused r) {
      refuseAuth(r.code(), r.message());
    } else if (e instanceof PageEvent.Published p) {
      write(p.error() != null
          ? error(p.rid(), "publish_failed", p.error())
          : new JsonObject().put("t", "published").put("rid", p.rid()).put("stored", new JsonArray(new ArrayList<>(p.stored()))));
    } else if (e instanceof PageEvent.Got g) {
      write(new JsonObject().put("t", "got").put("rid", g.rid()).put("values", new JsonArray(new ArrayList<>(g.values()))));
    } else if (e instanceof PageEvent.Sent s) {
      JsonObject sent = new JsonObject().put("t", "sent").put("rid", s.rid()).put("ok", s.error() == null);
      write(s.error() == null ? sent : sent.put("error", s.error()));
    } else if (e instanceof PageEvent.Deliver d) {
      awaitingAck.add(d.aid());
      write(new JsonObject().put("t", "env").put("aid", d.aid()).put("env", d.envelopeBase64()));
      out.add(new PageCommand.ArmDeliveryTimeout(d.aid(), config.deliveryTimeoutMillis()));
    } else if (e instanceof PageEvent.DeliveryTimedOut t) {
      if (awaitingAck.remove(t.aid())) {
        out.add(new PageCommand.Delivered(t.aid(), "the page did not acknowledge"));
      }
    } else if (e instanceof PageEvent.RefreshDue) {
      if (phase == Phase.READY) {
        write(new JsonObject().put("t", "refresh"));
      }
    } else if (e instanceof PageEvent.Replaced) {
      write(error(null, "replaced", "this identity connected again elsewhere"));
      out.add(new PageCommand.Close((short) 1000, "replaced"));
      close();
    } else if (e instanceof PageEvent.Closed) {
      close();
    }
    List<PageCommand> done = out;
    out = null;
    return done;
  }

  /** After CLOSED: only envelopes still need an answer (they will never be acknowledged). */
  private void closedSession(PageEvent e) {
    if (e instanceof PageEvent.Deliver d) {
      out.add(new PageCommand.Delivered(d.aid(), "page closed"));
    }
  }

  private void onFrame(JsonObject m, long nowMillis) {
    String type = m.getValue("t") instanceof String s ? s : "";
    Object rid = m.getValue("rid");
    try {
      if (phase == Phase.CHALLENGED) {
        if ("auth".equals(type)) {
          onAuth(m);
        } else {
          write(error(rid, "unauthenticated", "answer the challenge first"));
        }
        return;
      }
      switch (type) {
        case "publish" -> onPublish(rid, m, nowMillis);
        case "get" -> onGet(rid, m);
        case "send" -> onSend(rid, m);
        case "ack" -> {
          long aid = m.getLong("aid", -1L);
          if (awaitingAck.remove(aid)) {
            out.add(new PageCommand.Delivered(aid, null));
          }
        }
        case "ping" -> write(new JsonObject().put("t", "pong").put("rid", rid));
        default -> write(error(rid, "unknown_type", "unknown message type '" + type + "'"));
      }
    } catch (RuntimeException badField) { // a field of the wrong JSON type: nothing was done yet
      out.clear();
      write(error(rid, "malformed", "bad message: " + badField.getMessage()));
    }
  }

  private void onAuth(JsonObject m) {
    byte[] pk;
    byte[] nonce;
    byte[] sig;
    try {
      pk = bytes(m, "pk");
      nonce = bytes(m, "nonce");
      sig = bytes(m, "sig");
    } catch (IllegalArgumentException e) {
      refuseAuth("malformed", e.getMessage());
      return;
    }
    out.add(new PageCommand.VerifyAuth(pk, nonce, m.getLong("ts", Long.MIN_VALUE), sig));
  }

  private void onAuthVerified(byte[] publicKey, long nowMillis) {
    if (phase != Phase.CHALLENGED) {
      return;
    }
    phase = Phase.READY;
    identity = Identity.nodeIdOf(publicKey);
    out.add(new PageCommand.Register(identity));
    write(new JsonObject().put("t", "ready").put("gateway", gatewayId.toHex())
        .put("identity", identity.toHex()).put("now", nowMillis));
  }

  private void refuseAuth(String code, String message) {
    out.add(new PageCommand.CountAuthRefused());
    write(error(null, code, message));
    out.add(new PageCommand.Close((short) 4401, code));
    close();
  }

  private void onPublish(Object rid, JsonObject m, long nowMillis) {
    JsonArray records = m.getJsonArray("records", new JsonArray());
    if (records.size() == 0 || records.size() > config.maxRecordsPerSession()) {
      write(error(rid, "bad_publish", "publish 1.." + config.maxRecordsPerSession() + " records"));
      return;
    }
    List<DhtRecord> parsed = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      try {
        byte[] value = UNB64.decode(records.getJsonObject(i).getString("value"));
        ContactEnvelope.Parts parts = ContactEnvelope.parse(value);
        Id256 key = ContactEnvelope.storageKeyOf(parts.blindedPublicKey());
        parsed.add(new DhtRecord(ContactEnvelope.NAMESPACE, key, value, new RecordMeta(parts.seq(), parts.expiresAtMillis())));
      } catch (RecordRejectedException | RuntimeException e) {
        write(error(rid, "bad_record", "record " + i + " refused: " + e.getMessage()));
        return; // all or nothing: no record of a refused publish is stored
      }
    }
    for (DhtRecord r : parsed) {
      if (!published.contains(r.key())) {
        published.add(r.key());
        while (published.size() > config.maxRecordsPerSession()) {
          out.add(new PageCommand.Unpublish(published.remove(0)));
        }
      }
    }
    out.add(new PageCommand.Put(rid, parsed));
    for (DhtRecord r : parsed) { // ask for fresh signatures at three quarters of the remaining life
      out.add(new PageCommand.ArmRefresh(Math.max(1_000, (r.expiresAtMillis() - nowMillis) * 3 / 4)));
    }
  }

  private void onGet(Object rid, JsonObject m) {
    JsonArray keys = m.getJsonArray("keys", new JsonArray());
    if (keys.size() == 0 || keys.size() > MAX_GET_KEYS) {
      write(error(rid, "bad_get", "get 1.." + MAX_GET_KEYS + " keys"));
      return;
    }
    List<Id256> ids = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      try {
        ids.add(Id256.fromHex(keys.getString(i)));
      } catch (RuntimeException e) {
        write(error(rid, "bad_get", "key " + i + " is not 64 hex digits"));
        return;
      }
    }
    out.add(new PageCommand.Get(rid, ids));
  }

  private void onSend(Object rid, JsonObject m) {
    byte[] env;
    List<Id256> routes = new ArrayList<>();
    try {
      env = UNB64.decode(m.getString("env"));
      JsonArray rs = m.getJsonArray("routes");
      for (int i = 0; i < rs.size() && i < MAX_ROUTES; i++) {
        routes.add(Id256.fromHex(rs.getString(i)));
      }
    } catch (RuntimeException e) {
      write(error(rid, "bad_send", "send needs routes (hex node ids) and env (base64)"));
      return;
    }
    if (!SignalingEnvelope.looksLikeEnvelope(env) || env.length > SignalingEnvelope.MAX_ENVELOPE_BYTES || routes.isEmpty()) {
      write(error(rid, "bad_send", "not a signaling envelope, too large, or no route"));
      return;
    }
    out.add(new PageCommand.Route(rid, routes, env));
  }

  /** Ends the session once: it speaks for nobody, its records stop, its envelopes fail. */
  private void close() {
    if (phase == Phase.CLOSED) {
      return;
    }
    phase = Phase.CLOSED;
    if (identity != null) {
      out.add(new PageCommand.Unregister(identity));
    }
    for (Id256 key : published) {
      out.add(new PageCommand.Unpublish(key));
    }
    published.clear();
    for (long aid : awaitingAck) {
      out.add(new PageCommand.Delivered(aid, "page closed"));
    }
    awaitingAck.clear();
  }

  private void write(JsonObject frame) {
    out.add(new PageCommand.Write(frame));
  }

  static JsonObject error(Object rid, String code, String message) {
    return new JsonObject().put("t", "error").put("rid", rid).put("code", code).put("message", message);
  }

  private static byte[] bytes(JsonObject m, String field) {
    String v = m.getString(field);
    return v == null ? null : UNB64.decode(v);
  }
}
