package net.switchboard.overlay.admin;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import net.switchboard.dht.DhtNode;
import net.switchboard.overlay.metrics.NodeMetrics;
import net.switchboard.overlay.node.OverlayNode;

/**
 * Serves the admin API of one node on 127.0.0.1 (never another interface: it is unauthenticated).
 * Requests are answered from the node thread, so they see a consistent state.
 */
public final class AdminServer {
  /** The only address the admin API listens on. */
  public static final String HOST = "127.0.0.1";
  /** Default admin port. */
  public static final int DEFAULT_PORT = 7401;

  private final HttpServer server;

  private AdminServer(HttpServer server) {
    this.server = server;
  }

  /** Starts serving {@code node} on 127.0.0.1:{@code port} (0 picks a free port). */
  public static CompletableFuture<AdminServer> start(Vertx vertx, OverlayNode node, int port) {
    return start(vertx, node, port, java.util.List.of());
  }

  /** Like {@link #start(Vertx, OverlayNode, int)}, also serving what {@code extensions} add. */
  public static CompletableFuture<AdminServer> start(
      Vertx vertx, OverlayNode node, int port, java.util.List<AdminExtension> extensions) {
    CompletableFuture<AdminServer> started = new CompletableFuture<>();
    node.scheduler().context().runOnContext(v -> {
      Router router = Router.router(vertx);
      router.get("/status").handler(rc -> answer(rc, node, d -> {
        JsonObject status = AdminViews.status(node, d);
        extensions.forEach(e -> e.addStatus(status));
        return status;
      }));
      extensions.forEach(e -> e.addRoutes(router, node));
      router.get("/records").handler(rc -> answer(rc, node, d -> AdminViews.records(d.store().records())));
      router.get("/metrics").handler(rc -> {
        Boolean openMetrics = NodeMetrics.requested(rc.request().getHeader("Accept"), rc.request().getParam("format"));
        if (openMetrics == null) {
          answer(rc, node, d -> AdminViews.metrics(node, d)); // JSON, as before
          return;
        }
        node.call(d -> node.metrics().scrape(openMetrics)).whenComplete((text, err) -> {
          if (err != null) {
            fail(rc, 500, "internal error: " + err.getMessage());
          } else {
            rc.response().putHeader("Content-Type", NodeMetrics.contentType(openMetrics)).end(text);
          }
        });
      });
      router.errorHandler(404, rc -> fail(rc, 404, "no such resource: " + rc.request().path()));
      router.errorHandler(405, rc -> fail(rc, 405, "method not allowed: " + rc.request().method()));
      router.errorHandler(500, rc -> fail(rc, 500, "internal error"));
      vertx.createHttpServer(new HttpServerOptions().setHost(HOST).setPort(port))
          .requestHandler(router)
          .listen()
          .onSuccess(s -> started.complete(new AdminServer(s)))
          .onFailure(e -> started.completeExceptionally(new java.io.IOException(
              "cannot listen on admin port " + HOST + ":" + port + ": " + e.getMessage(), e)));
    });
    return started;
  }

  private static void answer(RoutingContext rc, OverlayNode node, Function<DhtNode, Object> view) {
    node.call(view).whenComplete((doc, err) -> {
      if (err != null) {
        fail(rc, 500, "internal error: " + err.getMessage());
      } else {
        send(rc, 200, doc instanceof JsonArray a ? a.encode() : ((JsonObject) doc).encode());
      }
    });
  }

  private static void fail(RoutingContext rc, int status, String message) {
    send(rc, status, AdminViews.error(status, message).encode());
  }

  private static void send(RoutingContext rc, int status, String body) {
    if (rc.response().ended()) {
      return;
    }
    rc.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("cache-control", "no-store")
        .end(body);
  }

  /** The port actually listened on. */
  public int port() {
    return server.actualPort();
  }

  /** Stops listening. */
  public CompletableFuture<Void> close() {
    return server.close().toCompletionStage().toCompletableFuture();
  }
}
