package net.switchboard.overlay.admin;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import net.switchboard.overlay.node.OverlayNode;

/**
 * A feature that adds resources to a node's admin API (e.g. contact records: {@code GET
 * /resolve/{id}}) and fields to {@code GET /status}. Pass extensions to {@link AdminServer#start(
 * io.vertx.core.Vertx, OverlayNode, int, java.util.List)}.
 */
public interface AdminExtension {
  /** Adds routes; called once on the node's context before the server listens. Answer with JSON. */
  void addRoutes(Router router, OverlayNode node);

  /** Adds fields to the {@code GET /status} document; runs on the node thread. */
  default void addStatus(JsonObject status) {}
}
