package net.switchboard.overlay.runtime;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;

/** Hands out one event-loop context per node. */
public final class NodeContexts {
  private NodeContexts() {}

  /**
   * A fresh event-loop context, assigned round-robin over the event loops of {@code vertx}. Unlike
   * {@code vertx.getOrCreateContext()}, which returns the calling thread's sticky context when
   * called repeatedly from one non-Vert.x thread, every call gives a new context, so nodes built in
   * a loop spread over all event loops.
   */
  public static Context newEventLoopContext(Vertx vertx) {
    return ((VertxInternal) vertx).createEventLoopContext();
  }
}
