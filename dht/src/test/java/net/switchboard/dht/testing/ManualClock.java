package net.switchboard.dht.testing;

import java.util.PriorityQueue;
import net.switchboard.seam.Scheduler;

/**
 * A virtual clock and one event queue ordered by (time, sequence), shared by every node of a test
 * network. Single-threaded: tests advance it explicitly, so runs are deterministic and nothing
 * sleeps.
 */
public final class ManualClock {
  private final Thread owner = Thread.currentThread();
  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private long now;
  private long sequence;
  private long executed;

  private static final class Event implements Comparable<Event>, Scheduler.Cancellable {
    final long time;
    final long seq;
    final Runnable task;
    boolean cancelled;

    Event(long time, long seq, Runnable task) {
      this.time = time;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public int compareTo(Event o) {
      return time != o.time ? Long.compare(time, o.time) : Long.compare(seq, o.seq);
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  public ManualClock(long startMillis) {
    this.now = startMillis;
  }

  public long nowMillis() {
    return now;
  }

  public Scheduler.Cancellable at(long delayMillis, Runnable task) {
    if (delayMillis < 0) {
      throw new IllegalArgumentException("negative delay " + delayMillis);
    }
    Event e = new Event(now + delayMillis, sequence++, task);
    queue.add(e);
    return e;
  }

  /** A {@link Scheduler} view of this clock for one node. */
  public Scheduler scheduler() {
    return new Scheduler() {
      @Override
      public long nowMillis() {
        return now;
      }

      @Override
      public Cancellable schedule(long delayMillis, Runnable task) {
        return at(delayMillis, task);
      }

      @Override
      public void execute(Runnable task) {
        at(0, task);
      }

      @Override
      public boolean onSchedulerThread() {
        return Thread.currentThread() == owner; // a manual clock runs on the thread that made it
      }
    };
  }

  /** Runs events due up to {@code now + millis}, then sets the clock there. */
  public void advance(long millis) {
    long until = now + millis;
    while (!queue.isEmpty() && queue.peek().time <= until) {
      runNext();
    }
    now = until;
  }

  /** Runs events until {@code done} holds or {@code maxMillis} of virtual time passed; returns whether it held. */
  public boolean runUntil(java.util.function.BooleanSupplier done, long maxMillis) {
    long until = now + maxMillis;
    while (!done.getAsBoolean()) {
      if (queue.isEmpty() || queue.peek().time > until) {
        now = Math.max(now, until);
        return done.getAsBoolean();
      }
      runNext();
    }
    return true;
  }

  private void runNext() {
    Event e = queue.poll();
    now = Math.max(now, e.time);
    if (!e.cancelled) {
      executed++;
      e.task.run();
    }
  }

  public long executedEvents() {
    return executed;
  }
}
