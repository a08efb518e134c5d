package net.switchboard.netsim.engine;

import net.switchboard.seam.Scheduler;

/**
 * A cancellable scheduled task. Cancelling drops the task (and whatever it captured) at once; the
 * empty shell stays in the {@link EventQueue} until popped or compacted away.
 */
final class Timer implements Scheduler.Cancellable {
  private final EventQueue queue;
  private Runnable task;

  Timer(EventQueue queue, Runnable task) {
    this.queue = queue;
    this.task = task;
  }

  @Override
  public void cancel() {
    if (task != null) {
      task = null;
      queue.cancelledOne();
    }
  }

  boolean isCancelled() {
    return task == null;
  }

  /** The task to run, or null when cancelled; clears it so it runs at most once. */
  Runnable take() {
    Runnable t = task;
    task = null;
    return t;
  }
}
