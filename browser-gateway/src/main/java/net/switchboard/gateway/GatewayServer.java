package net.switchboard.gateway;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.ArrayList;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.route.RouteHandler;
import net.switchboard.dht.route.RoutedMessage;
import net.switchboard.seam.Failures;
import net.switchboard.seam.StepDriver;
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
 * signaling). Each page's protocol is a {@link PageSession} state machine driven on its
 * socket's context; DHT work runs on the node's thread; the session index is shared.
 */
public final class GatewayServer {
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private final Vertx vertx;
  private final GatewayNode node;
  private final GatewayConfig config;
  private final AuthChallenges auth;
  private final Map<Id256, Session> sessions = new ConcurrentHashMap<>();
  /**
   * Envelopes pushed to pages and not yet acknowledged, by delivery id. Ids are random (53 bits,
   * exact in a page's JavaScript numbers) and a page's ack counts only for ids its own session
   * was given ({@link PageSession}), so no page can cancel or fake another page's delivery.
   */
  private final Map<Long, CompletableFuture<Void>> deliveries = new ConcurrentHashMap<>();
  private final SecureRandom deliveryIds = new SecureRandom();
  private final GatewayStats stats = new GatewayStats();
  /** With no node signaling installed: envelopes for nobody here are never acknowledged. */
  private static final RouteHandler SILENT = m -> {
    if (SignalingEnvelope.looksLikeEnvelope(m.payload())) {
      m.holdReply();
    }
  };
  private volatile RouteHandler fallback = SILENT;
  private HttpServer http;

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
      s.context.runOnContext(v -> s.ws.close());
    }
    if (http == null) {
      return CompletableFuture.completedFuture(null);
    }
    return http.close().toCompletionStage().toCompletableFuture();
  }

  // ---- WebSocket sessions: each a PageSession driven on its socket's context ---------------------

  /**
   * The driver of one page's {@link PageSession}: feeds it events on the socket's Vert.x context
   * and runs the commands that come back. Events from other threads (DHT results on the node's
   * thread, deliveries, timers) are posted to that context; applying one from elsewhere fails.
   */
  private final class Session {
    final ServerWebSocket ws;
    final Context context;
    final PageSession flow;
    private final StepDriver<PageEvent, PageCommand> driver;

    Session(ServerWebSocket ws, Context context) {
      this.ws = ws;
      this.context = context;
      this.flow = new PageSession(node.nodeId(), config);
      this.driver = new StepDriver<>("page session", () -> Vertx.currentContext() == context, flow::on, this::run);
    }

    /** Applies {@code e} now; the socket's context only. */
    void apply(PageEvent e) {
      driver.apply(e);
    }

    /** Applies {@code e} on the socket's context, from any thread. */
    void post(PageEvent e) {
      context.runOnContext(v -> apply(e));
    }

    private void run(PageCommand c) {
      if (c instanceof PageCommand.Write w) {
        if (!ws.isClosed()) {
          ws.writeTextMessage(w.frame().encode());
        }
      } else if (c instanceof PageCommand.Close cl) {
        ws.close(cl.status(), cl.reason());
      } else if (c instanceof PageCommand.VerifyAuth v) {
        verify(v);
      } else if (c instanceof PageCommand.Register r) {
        Session old = sessions.put(r.identity(), this);
        if (old != null && old != this) {
          old.post(new PageEvent.Replaced());
        }
      } else if (c instanceof PageCommand.Unregister u) {
        sessions.remove(u.identity(), this);
      } else if (c instanceof PageCommand.Put put) {
        publish(put);
      } else if (c instanceof PageCommand.Unpublish u) {
        node.unpublish(ContactEnvelope.NAMESPACE, u.key());
      } else if (c instanceof PageCommand.Get g) {
        lookUp(g);
      } else if (c instanceof PageCommand.Route r) {
        stats.countForwarded();
        trySend(r.routes(), 0, r.envelope(), null).whenComplete((v, e) ->
            post(new PageEvent.Sent(r.rid(), e == null ? null : Failures.rootMessage(e))));
      } else if (c instanceof PageCommand.ArmRefresh a) {
        vertx.setTimer(a.delayMillis(), t -> post(new PageEvent.RefreshDue()));
      } else if (c instanceof PageCommand.ArmDeliveryTimeout a) {
        vertx.setTimer(a.delayMillis(), t -> post(new PageEvent.DeliveryTimedOut(a.aid())));
      } else if (c instanceof PageCommand.Delivered d) {
        CompletableFuture<Void> acked = deliveries.remove(d.aid());
        if (acked != null && d.failure() == null) {
          acked.complete(null);
        } else if (acked != null) {
          acked.completeExceptionally(new IllegalStateException(d.failure()));
        }
      } else if (c instanceof PageCommand.CountAuthRefused) {
        stats.countAuthRefused();
      }
    }

    private void verify(PageCommand.VerifyAuth v) {
      long t0 = System.nanoTime();
      try {
        byte[] pk = auth.verify(ws, v.publicKey(), v.nonce(), v.timestampMillis(), v.signature());
        stats.authOk(System.nanoTime() - t0);
        apply(new PageEvent.AuthVerified(pk, node.nowMillis()));
      } catch (AuthChallenges.RefusedException e) {
        apply(new PageEvent.AuthRefused(e.refusal().code, e.getMessage()));
      } catch (IllegalArgumentException e) {
        apply(new PageEvent.AuthRefused("malformed", e.getMessage()));
      }
    }

    private void publish(PageCommand.Put put) {
      List<CompletableFuture<Integer>> stored = new ArrayList<>();
      for (DhtRecord r : put.records()) {
        stored.add(node.put(r).thenApply(p -> p.stored()));
      }
      CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> post(e != null
          ? new PageEvent.Published(put.rid(), List.of(), Failures.rootMessage(e))
          : new PageEvent.Published(put.rid(), stored.stream().map(CompletableFuture::join).toList(), null)));
    }

    private void lookUp(PageCommand.Get get) {
      List<CompletableFuture<String>> found = new ArrayList<>();
      for (Id256 key : get.keys()) {
        found.add(node.get(key, ContactEnvelope.NAMESPACE)
            .thenApply(g -> g.record().map(r -> B64.encodeToString(r.value())).orElse(null))
            .exceptionally(e -> null));
      }
      CompletableFuture.allOf(found.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
        List<String> values = new ArrayList<>(); // nulls allowed: a key with no record
        found.forEach(f -> values.add(f.join()));
        post(new PageEvent.Got(get.rid(), values));
      });
    }
  }

  private void accept(ServerWebSocket ws) {
    AuthChallenges.Challenge c = auth.issue(ws);
    Session s = new Session(ws, vertx.getOrCreateContext());
    ws.textMessageHandler(text -> {
      JsonObject m;
      try {
        m = new JsonObject(text);
      } catch (RuntimeException e) {
        s.apply(new PageEvent.Unparsable(e.getMessage()));
        return;
      }
      s.apply(new PageEvent.Frame(m, node.nowMillis()));
    });
    ws.closeHandler(v -> {
      auth.forget(ws);
      s.apply(new PageEvent.Closed());
    });
    ws.exceptionHandler(e -> {});
    ws.writeTextMessage(PageSession.challenge(c).encode());
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

  /** Hands {@code env} to the page of {@code target}; completes when the page acknowledges it. */
  private CompletableFuture<Void> push(Session target, byte[] env) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    long id = register(acked);
    target.post(new PageEvent.Deliver(id, B64.encodeToString(env)));
    return acked.orTimeout(config.deliveryTimeoutMillis() + 1000, TimeUnit.MILLISECONDS)
        .whenComplete((v, e) -> deliveries.remove(id));
  }

  /** A fresh random delivery id for {@code acked}; a repeat is a 2^-53 event per pending id. */
  private long register(CompletableFuture<Void> acked) {
    for (int attempt = 0; attempt < 8; attempt++) {
      long id = deliveryIds.nextLong() >>> 11;
      if (deliveries.putIfAbsent(id, acked) == null) {
        return id;
      }
    }
    throw new IllegalStateException("no free delivery id after 8 random draws");
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
}
