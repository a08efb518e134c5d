package net.switchboard.overlay.cli;

import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.identity.Identity;
import net.switchboard.overlay.admin.AdminServer;
import net.switchboard.overlay.node.NodeConfig;
import net.switchboard.overlay.node.NodeLog;
import net.switchboard.overlay.node.OverlayNode;

/** The pieces of a {@code switchboard node} process, started and stopped in order. */
final class RunningNode {
  private static final long START_TIMEOUT_SECONDS = 30;
  private static final long STOP_TIMEOUT_SECONDS = 15;

  final Vertx vertx;
  final OverlayNode node;
  final AdminServer admin; // null when disabled
  private final NodeLog log;

  private RunningNode(Vertx vertx, OverlayNode node, AdminServer admin, NodeLog log) {
    this.vertx = vertx;
    this.node = node;
    this.admin = admin;
    this.log = log;
  }

  /**
   * Starts Vert.x, the node and (unless {@code adminPort} is negative) the admin API; on any
   * failure, undoes what was started and throws a {@link CliException} saying why.
   */
  static RunningNode start(NodeConfig config, int adminPort, Identity identity, NodeLog log) {
    Vertx vertx = Vertx.vertx();
    OverlayNode node = null;
    try {
      node = OverlayNode.start(vertx, config, identity, new SecureRandom(), log)
          .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      AdminServer admin = null;
      if (adminPort >= 0) {
        admin = AdminServer.start(vertx, node, adminPort).get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        log.info("admin API on http://" + AdminServer.HOST + ":" + admin.port());
      }
      return new RunningNode(vertx, node, admin, log);
    } catch (Exception e) {
      if (node != null) {
        await(node.stop());
      }
      await(vertx.close().toCompletionStage().toCompletableFuture());
      Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new CliException(cause.getMessage(), cause);
    }
  }

  /** Graceful shutdown: admin API, then the node (saving its snapshot), then Vert.x. */
  void stop() {
    log.info("shutting down");
    if (admin != null) {
      await(admin.close());
    }
    await(node.stop());
    await(vertx.close().toCompletionStage().toCompletableFuture());
  }

  private static void await(CompletableFuture<?> f) {
    try {
      f.get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      // shutting down: carry on with the next step
    }
  }
}
