package net.switchboard.netsim.engine;

import net.switchboard.seam.Scheduler;

/**
 * The virtual clock and its single event queue. Events run one at a time in (time, sequence)
 * order; an event may schedule more. Nothing here reads the wall clock.
 */
public final class Simulator {
  /** Virtual start time: 2023-11-14T22:13:20Z, in epoch milliseconds. */
  public static final long DEFAULT_START_MILLIS = 1_700_000_000_000L;

  private final EventQueue queue = new EventQueue();
  private final long startMillis;
  private long now;
  private long executed;
  private final Thread owner = Thread.currentThread();

  public Simulator() {
    this(DEFAULT_START_MILLIS);
  }

  public Simulator(long startMillis) {
    this.startMillis = startMillis;
    this.now = startMillis;
  }

  /**
   * True on the thread that made this simulator: a simulation is single-threaded, so every node's
   * "own thread" is that one (set-up code and the event loop alike).
   */
  public boolean isOwnThread() {
    return Thread.currentThread() == owner;
  }

  /** Current virtual time, epoch milliseconds. */
  public long nowMillis() {
    return now;
  }

  /** Virtual milliseconds since the simulation started. */
  public long elapsedMillis() {
    return now - startMillis;
  }

  public long startMillis() {
    return startMillis;
  }

  /** Runs {@code task} {@code delayMillis} (&ge; 0) from now; the returned handle cancels it. */
  public Scheduler.Cancellable schedule(long delayMillis, Runnable task) {
    if (delayMillis < 0) {
      throw new IllegalArgumentException("negative delay " + delayMillis);
    }
    Timer t = new Timer(queue, task);
    queue.add(now + delayMillis, t);
    return t;
  }

  /**
   * Runs {@code task} {@code delayMillis} from now with no way to cancel it (no {@link Timer}
   * wrapper: the cheapest event, used for datagram deliveries).
   */
  public void post(long delayMillis, Runnable task) {
    if (delayMillis < 0) {
      throw new IllegalArgumentException("negative delay " + delayMillis);
    }
    queue.add(now + delayMillis, task);
  }

  /** A {@link Scheduler} for one node. */
  public Scheduler scheduler() {
    return new SimScheduler(this);
  }

  /** Runs every event due at or before {@code untilMillis} (absolute), then sets the clock there. */
  public void runUntil(long untilMillis) {
    while (!queue.isEmpty() && queue.peekTime() <= untilMillis) {
      step();
    }
    now = Math.max(now, untilMillis);
  }

  /** Runs events until {@code done} holds or the clock would pass {@code untilMillis}; returns whether it held. */
  public boolean runUntil(java.util.function.BooleanSupplier done, long untilMillis) {
    while (!done.getAsBoolean()) {
      if (queue.isEmpty() || queue.peekTime() > untilMillis) {
        now = Math.max(now, untilMillis);
        return done.getAsBoolean();
      }
      step();
    }
    return true;
  }

  private void step() {
    Object o = queue.poll();
    now = queue.polledTime();
    Runnable r;
    if (o instanceof Timer timer) {
      r = timer.take();
      if (r == null) {
        queue.poppedCancelled();
        return;
      }
    } else {
      r = (Runnable) o;
    }
    executed++;
    r.run();
  }

  /** Events run so far (cancelled timers excluded). */
  public long executedEvents() {
    return executed;
  }

  /** Events held in the queue, cancelled-but-not-yet-compacted ones included. */
  public int pendingEvents() {
    return queue.size();
  }

  public long compactions() {
    return queue.compactions();
  }
}
