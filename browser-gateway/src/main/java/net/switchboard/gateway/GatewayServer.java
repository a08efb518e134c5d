package net.switchboard.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.RecordMeta;
import net.switchboard.dht.record.RecordRejectedException;
import net.switchboard.dht.route.RouteHandler;
import net.switchboard.dht.route.RoutedMessage;
import net.switchboard.signaling.contact.ContactEnvelope;
import net.switchboard.signaling.e2e.SignalingEnvelope;
import net.switchboard.signaling.transport.OverlayRouter;

/**
 * Serves the web app (classpath {@code webapp/}) and the browser WebSocket API at {@code /ws} (the
 * protocol is in browser-gateway/README.md), and bridges browser signaling into the overlay:
 * envelopes a page sends are routed to the callee's introduction route; envelopes routed to this
 * node for an identity with a live session here are pushed to that page, and the route is
 * acknowledged only when the page acknowledges (so a page that refuses a call stays silent, as a
 * Java node does). Anything else routed here goes to the fallback handler (the node's own
 * signaling). Thread-safe; WebSocket handlers run on Vert.x event loops, DHT work on the node's
 * thread.
 */
public final class GatewayServer {
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder UNB64 = Base64.getDecoder();

  private final Vertx vertx;
  private final GatewayNode node;
  private final GatewayConfig config;
  private final AuthChallenges auth;
  private final Map<Id256, Session> sessions = new ConcurrentHashMap<>();
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final GatewayStats stats = new GatewayStats();
  /** With no node signaling installed: envelopes for nobody here are never acknowledged. */
  private static final RouteHandler SILENT = m -> {
    if (SignalingEnvelope.looksLikeEnvelope(m.payload())) {
      m.holdReply();
    }
  };
  private volatile RouteHandler fallback = SILENT;
  private HttpServer http;

  private record Pending(Session session, CompletableFuture<Void> acked) {}

  private GatewayServer(Vertx vertx, GatewayNode node, GatewayConfig config) {
    this.vertx = vertx;
    this.node = node;
    this.config = config;
    this.auth = new AuthChallenges(node.nodeId(), node::nowMillis);
  }

  /**
   * Starts serving and installs the gateway as {@code node}'s route handler (chaining to {@link
   * #setFallback}).
   */
  public static CompletableFuture<GatewayServer> start(Vertx vertx, GatewayNode node, GatewayConfig config) {
    GatewayServer g = new GatewayServer(vertx, node, config);
    node.chainRouteHandler(existing -> {
      // the router's own default handler acknowledges everything: never chain to that one
      if (existing != null && !existing.getClass().getName().startsWith(net.switchboard.dht.route.Router.class.getName())) {
        g.setFallback(existing);
      }
      return g::onRouted;
    });
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> ctx.json(new JsonObject()
        .put("gateway", node.nodeId().toHex()).put("sessions", g.sessions.size())));
    router.route("/*").handler(StaticHandler.create("webapp").setCachingEnabled(false).setIndexPage("index.html"));
    HttpServerOptions options = new HttpServerOptions().setHost(config.host()).setPort(config.port())
        .setMaxWebSocketFrameSize(256 * 1024).setMaxWebSocketMessageSize(256 * 1024);
    Future<HttpServer> listening = vertx.createHttpServer(options)
        .webSocketHandler(ws -> {
          if (!"/ws".equals(ws.path())) {
            ws.close((short) 4404, "no such endpoint");
            return;
          }
          g.accept(ws);
        })
        .requestHandler(router)
        .listen();
    return listening.toCompletionStage().toCompletableFuture().thenApply(server -> {
      g.http = server;
      return g;
    });
  }

  /** The port actually bound. */
  public int port() {
    return http.actualPort();
  }

  /** {@code http://host:port/}. */
  public String url() {
    return "http://" + config.host() + ":" + port() + "/";
  }

  public Id256 nodeId() {
    return node.nodeId();
  }

  /** Live authenticated sessions. */
  public int sessionCount() {
    return sessions.size();
  }

  public GatewayStats stats() {
    return stats;
  }

  /** Receives what is routed to this node but not for a page here. */
  public void setFallback(RouteHandler handler) {
    this.fallback = handler == null ? SILENT : handler;
  }

  /**
   * The node's router seen by the node's own signaling: route() goes out unchanged, and the handler
   * it installs becomes this gateway's fallback (so both share the node's single route handler).
   */
  public OverlayRouter sharedRouter() {
    return new OverlayRouter() {
      @Override
      public CompletableFuture<net.switchboard.dht.route.RouteReply> route(Id256 target, byte[] payload) {
        return node.route(target, payload);
      }

      @Override
      public void setRouteHandler(RouteHandler handler) {
        setFallback(handler);
      }
    };
  }

  /** Closes every session and the HTTP server. */
  public CompletableFuture<Void> close() {
    for (Session s : List.copyOf(sessions.values())) {
      s.ws.close();
    }
    if (http == null) {
      return CompletableFuture.completedFuture(null);
    }
    return http.close().toCompletionStage().toCompletableFuture();
  }

  // ---- WebSocket sessions -------------------------------------------------------------------------

  private final class Session {
    final ServerWebSocket ws;
    final AuthChallenges.Challenge challenge;
    volatile byte[] publicKey;
    volatile Id256 identityId;
    final List<Id256> published = new ArrayList<>();

    Session(ServerWebSocket ws, AuthChallenges.Challenge challenge) {
      this.ws = ws;
      this.challenge = challenge;
    }

    void send(JsonObject m) {
      if (!ws.isClosed()) {
        ws.writeTextMessage(m.encode());
      }
    }
  }

  private void accept(ServerWebSocket ws) {
    AuthChallenges.Challenge c = auth.issue(ws);
    Session s = new Session(ws, c);
    ws.textMessageHandler(text -> {
      try {
        onMessage(s, new JsonObject(text));
      } catch (RuntimeException e) {
        s.send(error(null, "malformed", "bad message: " + e.getMessage()));
      }
    });
    ws.closeHandler(v -> onClose(s));
    ws.exceptionHandler(e -> {});
    s.send(new JsonObject().put("t", "challenge").put("nonce", B64.encodeToString(c.nonce()))
        .put("gateway", node.nodeId().toHex()).put("ts", c.timestampMillis()));
  }

  private void onClose(Session s) {
    auth.forget(s.ws);
    if (s.identityId != null) {
      sessions.remove(s.identityId, s);
      synchronized (s.published) {
        for (Id256 key : s.published) {
          node.unpublish(ContactEnvelope.NAMESPACE, key);
        }
      }
    }
    pending.values().removeIf(p -> {
      if (p.session() == s) {
        p.acked().completeExceptionally(new IllegalStateException("page closed"));
        return true;
      }
      return false;
    });
  }

  private void onMessage(Session s, JsonObject m) {
    String type = m.getString("t", "");
    if (s.publicKey == null) {
      if (!"auth".equals(type)) {
        s.send(error(m.getValue("rid"), "unauthenticated", "answer the challenge first"));
        return;
      }
      onAuth(s, m);
      return;
    }
    switch (type) {
      case "publish" -> onPublish(s, m);
      case "get" -> onGet(s, m);
      case "send" -> onSend(s, m);
      case "ack" -> {
        Pending p = pending.remove(m.getLong("aid", -1L));
        if (p != null && p.session() == s) {
          p.acked().complete(null);
        }
      }
      case "ping" -> s.send(new JsonObject().put("t", "pong").put("rid", m.getValue("rid")));
      default -> s.send(error(m.getValue("rid"), "unknown_type", "unknown message type '" + type + "'"));
    }
  }

  private void onAuth(Session s, JsonObject m) {
    long t0 = System.nanoTime();
    try {
      byte[] pk = auth.verify(s.ws, bytes(m, "pk"), bytes(m, "nonce"), m.getLong("ts", Long.MIN_VALUE), bytes(m, "sig"));
      s.publicKey = pk;
      s.identityId = Identity.nodeIdOf(pk);
      Session old = sessions.put(s.identityId, s);
      if (old != null && old != s) {
        old.send(error(null, "replaced", "this identity connected again elsewhere"));
        old.ws.close();
      }
      stats.authOk(System.nanoTime() - t0);
      s.send(new JsonObject().put("t", "ready").put("gateway", node.nodeId().toHex())
          .put("identity", s.identityId.toHex()).put("now", node.nowMillis()));
    } catch (AuthChallenges.RefusedException e) {
      stats.countAuthRefused();
      s.send(error(null, e.refusal().code, e.getMessage()));
      s.ws.close((short) 4401, e.refusal().code);
    } catch (IllegalArgumentException e) {
      stats.countAuthRefused();
      s.send(error(null, "malformed", e.getMessage()));
      s.ws.close((short) 4401, "malformed");
    }
  }

  private void onPublish(Session s, JsonObject m) {
    Object rid = m.getValue("rid");
    JsonArray records = m.getJsonArray("records", new JsonArray());
    if (records.size() == 0 || records.size() > config.maxRecordsPerSession()) {
      s.send(error(rid, "bad_publish", "publish 1.." + config.maxRecordsPerSession() + " records"));
      return;
    }
    List<CompletableFuture<Integer>> stored = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      JsonObject r = records.getJsonObject(i);
      DhtRecord record;
      try {
        byte[] value = UNB64.decode(r.getString("value"));
        ContactEnvelope.Parts parts = ContactEnvelope.parse(value);
        Id256 key = ContactEnvelope.storageKeyOf(parts.blindedPublicKey());
        record = new DhtRecord(ContactEnvelope.NAMESPACE, key, value, new RecordMeta(parts.seq(), parts.expiresAtMillis()));
      } catch (RecordRejectedException | RuntimeException e) {
        s.send(error(rid, "bad_record", "record " + i + " refused: " + e.getMessage()));
        return;
      }
      synchronized (s.published) {
        if (!s.published.contains(record.key())) {
          s.published.add(record.key());
          while (s.published.size() > config.maxRecordsPerSession()) {
            node.unpublish(ContactEnvelope.NAMESPACE, s.published.remove(0));
          }
        }
      }
      stored.add(node.put(record).thenApply(p -> p.stored()));
      scheduleRefresh(s, record.expiresAtMillis());
    }
    CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
      if (e != null) {
        s.send(error(rid, "publish_failed", rootMessage(e)));
        return;
      }
      JsonArray counts = new JsonArray();
      stored.forEach(f -> counts.add(f.join()));
      s.send(new JsonObject().put("t", "published").put("rid", rid).put("stored", counts));
    });
  }

  /** Asks the page for freshly signed records at three quarters of a record's remaining life. */
  private void scheduleRefresh(Session s, long expiresAt) {
    long delay = Math.max(1_000, (expiresAt - node.nowMillis()) * 3 / 4);
    vertx.setTimer(delay, t -> {
      if (!s.ws.isClosed() && sessions.get(s.identityId) == s) {
        s.send(new JsonObject().put("t", "refresh"));
      }
    });
  }

  private void onGet(Session s, JsonObject m) {
    Object rid = m.getValue("rid");
    JsonArray keys = m.getJsonArray("keys", new JsonArray());
    if (keys.size() == 0 || keys.size() > 4) {
      s.send(error(rid, "bad_get", "get 1..4 keys"));
      return;
    }
    List<CompletableFuture<String>> found = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Id256 key;
      try {
        key = Id256.fromHex(keys.getString(i));
      } catch (RuntimeException e) {
        s.send(error(rid, "bad_get", "key " + i + " is not 64 hex digits"));
        return;
      }
      found.add(node.get(key, ContactEnvelope.NAMESPACE)
          .thenApply(g -> g.record().map(r -> B64.encodeToString(r.value())).orElse(null))
          .exceptionally(e -> null));
    }
    CompletableFuture.allOf(found.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
      JsonArray values = new JsonArray();
      found.forEach(f -> values.add(f.join()));
      s.send(new JsonObject().put("t", "got").put("rid", rid).put("values", values));
    });
  }

  private void onSend(Session s, JsonObject m) {
    Object rid = m.getValue("rid");
    byte[] env;
    List<Id256> routes = new ArrayList<>();
    try {
      env = UNB64.decode(m.getString("env"));
      JsonArray rs = m.getJsonArray("routes");
      for (int i = 0; i < rs.size() && i < 16; i++) {
        routes.add(Id256.fromHex(rs.getString(i)));
      }
    } catch (RuntimeException e) {
      s.send(error(rid, "bad_send", "send needs routes (hex node ids) and env (base64)"));
      return;
    }
    if (!SignalingEnvelope.looksLikeEnvelope(env) || env.length > SignalingEnvelope.MAX_ENVELOPE_BYTES || routes.isEmpty()) {
      s.send(error(rid, "bad_send", "not a signaling envelope, too large, or no route"));
      return;
    }
    stats.countForwarded();
    trySend(routes, 0, env, null).whenComplete((v, e) -> s.send(e == null
        ? new JsonObject().put("t", "sent").put("rid", rid).put("ok", true)
        : new JsonObject().put("t", "sent").put("rid", rid).put("ok", false).put("error", rootMessage(e))));
  }

  private CompletableFuture<Void> trySend(List<Id256> routes, int i, byte[] env, Throwable last) {
    if (i >= routes.size()) {
      return CompletableFuture.failedFuture(last != null ? last : new IllegalStateException("no route"));
    }
    Id256 target = routes.get(i);
    CompletableFuture<Void> attempt = target.equals(node.nodeId())
        ? deliverLocally(env)
        : node.route(target, env).thenApply(r -> (Void) null);
    return attempt.handle((v, e) -> e == null
            ? CompletableFuture.<Void>completedFuture(null)
            : trySend(routes, i + 1, env, e))
        .thenCompose(f -> f);
  }

  /**
   * An envelope whose route is this gateway's own node: pushed to the recipient's page when it has
   * a session here (completes when the page acknowledges); otherwise routed to this node itself, so
   * the node's own signaling (a Java identity on the node hosting the gateway, as in {@code
   * switchboard node}) receives it through the same route handler as from any other node.
   */
  private CompletableFuture<Void> deliverLocally(byte[] env) {
    Session target = sessions.get(Id256.read(env, 2));
    if (target == null) {
      return node.route(node.nodeId(), env).thenApply(r -> (Void) null);
    }
    return push(target, env);
  }

  private CompletableFuture<Void> push(Session target, byte[] env) {
    long aid = ids.incrementAndGet();
    CompletableFuture<Void> acked = new CompletableFuture<>();
    pending.put(aid, new Pending(target, acked));
    target.send(new JsonObject().put("t", "env").put("aid", aid).put("env", B64.encodeToString(env)));
    vertx.setTimer(config.deliveryTimeoutMillis(), t -> {
      if (pending.remove(aid) != null) {
        acked.completeExceptionally(new IllegalStateException("the page did not acknowledge"));
      }
    });
    return acked.orTimeout(config.deliveryTimeoutMillis() + 1000, TimeUnit.MILLISECONDS);
  }

  /** Route handler (node thread). */
  private void onRouted(RoutedMessage m) {
    byte[] payload = m.payload();
    if (SignalingEnvelope.looksLikeEnvelope(payload) && payload.length >= 34) {
      Session target = sessions.get(Id256.read(payload, 2));
      if (target != null) {
        m.holdReply();
        stats.countDelivered();
        push(target, payload).whenComplete((v, e) -> {
          if (e == null) {
            node.execute(() -> m.reply(new byte[0]));
          }
          // not acknowledged: the sender's route times out, as for an unreachable page
        });
        return;
      }
    }
    fallback.onRouted(m);
  }

  private static JsonObject error(Object rid, String code, String message) {
    return new JsonObject().put("t", "error").put("rid", rid).put("code", code).put("message", message);
  }

  private static byte[] bytes(JsonObject m, String field) {
    String v = m.getString(field);
    return v == null ? null : UNB64.decode(v);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
