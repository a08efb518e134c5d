package net.switchboard.signaling.transport;

import java.util.concurrent.CompletableFuture;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.route.RouteHandler;
import net.switchboard.dht.route.RouteReply;

/**
 * The slice of key-based routing the overlay transport uses. {@link #of(DhtNode)} adapts a node; a
 * node that routes other payloads too can put a demultiplexer in between (signaling envelopes start
 * with the bytes {@code 01 01}: see {@link net.switchboard.signaling.e2e.SignalingEnvelope#looksLikeEnvelope}).
 */
public interface OverlayRouter {
  /** Routes {@code payload} to the node whose id is {@code target}; completes with its reply. */
  CompletableFuture<RouteReply> route(Id256 target, byte[] payload);

  /** Installs the receiver of payloads routed to this node. */
  void setRouteHandler(RouteHandler handler);

  /** The node's own key-based routing. */
  static OverlayRouter of(DhtNode node) {
    return new OverlayRouter() {
      @Override
      public CompletableFuture<RouteReply> route(Id256 target, byte[] payload) {
        return node.route(target, payload);
      }

      @Override
      public void setRouteHandler(RouteHandler handler) {
        node.setRouteHandler(handler);
      }
    };
  }
}
