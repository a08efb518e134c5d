package net.switchboard.cli;

import net.switchboard.seam.Failures;

import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.identity.Identity;
import net.switchboard.overlay.admin.AdminServer;
import net.switchboard.overlay.contacts.NodeContacts;
import net.switchboard.overlay.node.NodeConfig;
import net.switchboard.seam.NodeLog;
import net.switchboard.overlay.node.OverlayNode;

/** The pieces of a {@code switchboard node} process, started and stopped in order. */
final class RunningNode {
  private static final long START_TIMEOUT_SECONDS = 30;
  private static final long STOP_TIMEOUT_SECONDS = 15;

  final Vertx vertx;
  final OverlayNode node;
  final AdminServer admin; // null when disabled
  final NodeContacts contacts;
  private final NodeLog log;

  private RunningNode(Vertx vertx, OverlayNode node, AdminServer admin, NodeContacts contacts, NodeLog log) {
    this.vertx = vertx;
    this.node = node;
    this.admin = admin;
    this.contacts = contacts;
    this.log = log;
  }

  /**
   * Starts Vert.x, the node and (unless {@code adminPort} is negative) the admin API; on any
   * failure, undoes what was started and throws a {@link CliException} saying why.
   */
  static RunningNode start(
      NodeConfig config, int adminPort, Identity identity, NodeLog log, NodeContacts.Options contactOptions) {
    Vertx vertx = Vertx.vertx();
    OverlayNode node = null;
    NodeContacts contacts = null;
    try {
      node = OverlayNode.start(vertx, config, identity, new SecureRandom(), log)
          .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      contacts = NodeContacts.start(node, contactOptions, log).get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      AdminServer admin = null;
      if (adminPort >= 0) {
        admin = AdminServer.start(vertx, node, adminPort, java.util.List.of(contacts.adminExtension()))
            .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        contacts.adminListening(admin.port());
        log.info("admin API on http://" + AdminServer.HOST + ":" + admin.port());
      }
      return new RunningNode(vertx, node, admin, contacts, log);
    } catch (Exception e) {
      if (contacts != null) {
        await(contacts.stop());
      }
      if (node != null) {
        await(node.stop());
      }
      await(vertx.close().toCompletionStage().toCompletableFuture());
      Throwable cause = Failures.unwrap(e);
      throw new CliException(cause.getMessage(), cause);
    }
  }

  /** Graceful shutdown: admin API, then the node (saving its snapshot), then Vert.x. */
  void stop() {
    log.info("shutting down");
    await(contacts.stop());
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
