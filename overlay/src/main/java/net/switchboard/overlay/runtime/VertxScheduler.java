package net.switchboard.overlay.runtime;

import io.vertx.core.Context;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import net.switchboard.seam.Scheduler;

/**
 * The production {@link Scheduler}: wall-clock time and Vert.x timers, every task run on one
 * event-loop context (the node's thread). Safe to call from any thread.
 */
public final class VertxScheduler implements Scheduler {
  private final ContextInternal context;
  private final AtomicLong lastNow = new AtomicLong();

  /** A scheduler running everything on {@code context}. */
  public VertxScheduler(Context context) {
    this.context = (ContextInternal) context;
  }

  /** The context all tasks run on. */
  public Context context() {
    return context;
  }

  /** True when the calling thread is this scheduler's thread, running this context. */
  @Override
  public boolean onSchedulerThread() {
    return context.isRunningOnContext();
  }

  /**
   * {@link System#currentTimeMillis()}, never smaller than a value returned before: the seam
   * promises a monotone clock, and the wall clock can step back (NTP).
   */
  @Override
  public long nowMillis() {
    long now = System.currentTimeMillis();
    return lastNow.accumulateAndGet(now, Math::max);
  }

  /** Runs {@code task} after {@code delayMillis} on the node's context; 0 means "next turn". */
  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    if (delayMillis < 0) {
      throw new IllegalArgumentException("delayMillis must be >= 0, got " + delayMillis);
    }
    if (delayMillis == 0) {
      AtomicBoolean cancelled = new AtomicBoolean();
      context.runOnContext(v -> {
        if (!cancelled.get()) {
          task.run();
        }
      });
      return () -> cancelled.set(true);
    }
    long timerId = context.setTimer(delayMillis, id -> task.run());
    return () -> context.owner().cancelTimer(timerId);
  }

  /** Queues {@code task} on the node's context; never runs it inline. */
  @Override
  public void execute(Runnable task) {
    context.runOnContext(v -> task.run());
  }
}
