package net.switchboard.simulations.engine;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by (time, sequence), held in three parallel arrays so that
 * millions of pending timers cost about 24 bytes of heap slots each plus their task. Cancelled
 * {@link Timer}s are deleted lazily: they stay in the heap until popped or until more than half of
 * the heap is cancelled, when it is compacted in one linear pass (so cancelled timers never pile
 * up).
 */
public final class EventQueue {
  private static final int MIN_COMPACT_SIZE = 4096;
  private long[] times = new long[1024];
  private long[] seqs = new long[1024];
  private Object[] tasks = new Object[1024];
  private int size;
  private long nextSeq;
  private long cancelled;
  private long compactions;

  /** Adds {@code task} (a {@link Runnable} or a {@link Timer}) due at {@code time}. */
  public void add(long time, Object task) {
    if (size == times.length) {
      int n = size + (size >> 1);
      times = Arrays.copyOf(times, n);
      seqs = Arrays.copyOf(seqs, n);
      tasks = Arrays.copyOf(tasks, n);
    }
    int i = size++;
    long seq = nextSeq++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(time, seq, times[parent], seqs[parent])) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, time, seq, task);
  }

  /** Entries held, cancelled ones included. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Time of the earliest entry; only valid when not empty. */
  public long peekTime() {
    return times[0];
  }

  /** Removes and returns the earliest entry's task. */
  public Object poll() {
    Object top = tasks[0];
    int last = --size;
    long t = times[last];
    long s = seqs[last];
    Object task = tasks[last];
    tasks[last] = null;
    if (last > 0) {
      siftDown(0, t, s, task);
    }
    return top;
  }

  /** Notes that one held timer was cancelled; compacts when most of the heap is dead. */
  void cancelledOne() {
    cancelled++;
    if (size >= MIN_COMPACT_SIZE && cancelled > size / 2) {
      compact();
    }
  }

  /** A popped cancelled timer no longer counts as held. */
  void poppedCancelled() {
    if (cancelled > 0) {
      cancelled--;
    }
  }

  /** Times the heap was rebuilt without its cancelled timers. */
  public long compactions() {
    return compactions;
  }

  private void compact() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (!(tasks[i] instanceof Timer t && t.isCancelled())) {
        times[n] = times[i];
        seqs[n] = seqs[i];
        tasks[n] = tasks[i];
        n++;
      }
    }
    Arrays.fill(tasks, n, size, null);
    size = n;
    cancelled = 0;
    compactions++;
    for (int i = (size >>> 1) - 1; i >= 0; i--) {
      siftDown(i, times[i], seqs[i], tasks[i]);
    }
  }

  private void siftDown(int i, long t, long s, Object task) {
    int half = size >>> 1;
    while (i < half) {
      int c = 2 * i + 1;
      int r = c + 1;
      if (r < size && less(times[r], seqs[r], times[c], seqs[c])) {
        c = r;
      }
      if (!less(times[c], seqs[c], t, s)) {
        break;
      }
      move(c, i);
      i = c;
    }
    set(i, t, s, task);
  }

  private static boolean less(long t1, long s1, long t2, long s2) {
    return t1 < t2 || (t1 == t2 && s1 < s2);
  }

  private void move(int from, int to) {
    times[to] = times[from];
    seqs[to] = seqs[from];
    tasks[to] = tasks[from];
  }

  private void set(int i, long t, long s, Object task) {
    times[i] = t;
    seqs[i] = s;
    tasks[i] = task;
  }
}
