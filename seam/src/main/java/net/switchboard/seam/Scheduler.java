package net.switchboard.seam;

/**
 * The only source of time and execution for the protocol core.
 *
 * <p>Every callback of one node runs on one logical thread: the implementation guarantees that
 * tasks given to {@link #execute} and {@link #schedule}, and datagrams delivered by the node's
 * {@link Transport}, never run concurrently with each other. Production uses Vert.x timers on the
 * node's context; the simulator uses one global event queue ordered by (time, sequence).
 */
public interface Scheduler {

  /** Milliseconds since the Unix epoch (real or virtual). Monotone non-decreasing. */
  long nowMillis();

  /** Runs {@code task} once, {@code delayMillis} (&ge; 0) from now, unless cancelled first. */
  Cancellable schedule(long delayMillis, Runnable task);

  /** Runs {@code task} as soon as possible on the node's thread (never inline). */
  void execute(Runnable task);

  /**
   * True when the calling thread is the node's thread, where the protocol's state may be touched.
   * Drivers of state machines check it and refuse other threads rather than race the node.
   */
  boolean onSchedulerThread();

  /** A scheduled task that may be cancelled; cancelling twice or after it ran is harmless. */
  interface Cancellable {
    void cancel();
  }
}
