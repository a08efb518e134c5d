package net.switchboard.gateway;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.GetResult;
import net.switchboard.dht.PutResult;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.route.RouteHandler;
import net.switchboard.dht.route.RouteReply;
import net.switchboard.seam.Scheduler;

/**
 * The slice of a DHT node the gateway uses. Every method may be called from any thread: the
 * adapter moves the call onto the node's thread. The route handler runs on the node's thread.
 */
public interface GatewayNode {
  /** The node id browsers name as their introduction route. */
  Id256 nodeId();

  /** Wall-clock milliseconds of the node. */
  long nowMillis();

  /** Validates, stores at the closest nodes and keeps republishing until expiry or {@link #unpublish}. */
  CompletableFuture<PutResult> put(DhtRecord record);

  /** Stops republishing a record. */
  void unpublish(byte namespace, Id256 key);

  /** Finds a record. */
  CompletableFuture<GetResult> get(Id256 key, byte namespace);

  /** Routes a payload to the node whose id is {@code target}. */
  CompletableFuture<RouteReply> route(Id256 target, byte[] payload);

  /** Installs the receiver of routed messages (node thread). */
  void setRouteHandler(RouteHandler handler);

  /** Runs {@code task} on the node's thread. */
  void execute(Runnable task);

  /**
   * Installs {@code wrap(current handler)} as the route handler, atomically on the node's thread, so
   * the node's own signaling (installed earlier) keeps receiving what is not for a page. The default
   * cannot see the current handler and wraps a silent one.
   */
  default void chainRouteHandler(java.util.function.UnaryOperator<RouteHandler> wrap) {
    setRouteHandler(wrap.apply(null));
  }

  /** Adapts a {@link DhtNode} driven by {@code scheduler} (its own thread). */
  static GatewayNode of(DhtNode dht, Scheduler scheduler) {
    return new GatewayNode() {
      @Override
      public Id256 nodeId() {
        return dht.id();
      }

      @Override
      public long nowMillis() {
        return scheduler.nowMillis();
      }

      @Override
      public CompletableFuture<PutResult> put(DhtRecord record) {
        return onNode(() -> dht.put(record));
      }

      @Override
      public void unpublish(byte namespace, Id256 key) {
        scheduler.execute(() -> dht.unpublish(namespace, key));
      }

      @Override
      public CompletableFuture<GetResult> get(Id256 key, byte namespace) {
        return onNode(() -> dht.get(key, namespace));
      }

      @Override
      public CompletableFuture<RouteReply> route(Id256 target, byte[] payload) {
        return onNode(() -> dht.route(target, payload));
      }

      @Override
      public void setRouteHandler(RouteHandler handler) {
        scheduler.execute(() -> dht.setRouteHandler(handler));
      }

      @Override
      public void execute(Runnable task) {
        scheduler.execute(task);
      }

      @Override
      public void chainRouteHandler(java.util.function.UnaryOperator<RouteHandler> wrap) {
        scheduler.execute(() -> dht.setRouteHandler(wrap.apply(currentHandler(dht))));
      }

      private <T> CompletableFuture<T> onNode(Supplier<CompletableFuture<T>> op) {
        CompletableFuture<T> out = new CompletableFuture<>();
        scheduler.execute(() -> {
          try {
            op.get().whenComplete((v, e) -> {
              if (e != null) {
                out.completeExceptionally(e);
              } else {
                out.complete(v);
              }
            });
          } catch (Throwable t) {
            out.completeExceptionally(t);
          }
        });
        return out;
      }
    };
  }

  /** The handler installed on {@code dht} now (node thread). */
  private static RouteHandler currentHandler(DhtNode dht) {
    return dht.routeHandler();
  }
}
