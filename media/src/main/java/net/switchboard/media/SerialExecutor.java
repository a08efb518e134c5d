package net.switchboard.media;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on a shared pool.
 *
 * <p>Each peer owns one, so native callbacks can hand work off without blocking and the peer's
 * state is only ever touched by one task at a time. A failing task is logged, not propagated.
 */
final class SerialExecutor implements Executor {
  private final Executor pool;
  private final String name;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private boolean running;
  private volatile Thread current;

  SerialExecutor(Executor pool, String name) {
    this.pool = pool;
    this.name = name;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (tasks) {
      tasks.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    pool.execute(this::drain);
  }

  /** True when called from a task of this executor. */
  boolean inExecutor() {
    return current == Thread.currentThread();
  }

  private void drain() {
    current = Thread.currentThread();
    try {
      while (true) {
        Runnable next;
        synchronized (tasks) {
          next = tasks.poll();
          if (next == null) {
            running = false;
            return;
          }
        }
        Guard.run(name, next);
      }
    } finally {
      current = null;
    }
  }
}
