package net.switchboard.netsim.engine;

import java.util.Arrays;

/**
 * A priority queue of events ordered by (time, sequence): a bucket ring for the near future plus a
 * binary min-heap for everything else.
 *
 * <p>Most events of a simulation are due within a few seconds (datagram deliveries, RPC timeouts).
 * Those land in a ring of {@value #WINDOW} one-millisecond buckets covering [{@code floor}, {@code
 * floor + WINDOW}), where {@code floor} is the time of the latest polled event. Each bucket is a
 * FIFO list of slots; since every entry of a bucket has the same time and entries are appended in
 * sequence order, a bucket's head is its (time, sequence) minimum, so adding and polling cost O(1)
 * instead of O(log n) sifts through a large heap. Events outside the window (far timers, or any
 * time below {@code floor}) go to the heap, held in three parallel arrays. {@link #poll} takes the
 * smaller of the first non-empty bucket's head and the heap's top, comparing (time, sequence), so
 * the order is exactly that of a single heap whatever mix of the two holds the events.
 *
 * <p>Cancelled {@link Timer}s are deleted lazily: they stay held until popped or until more than
 * half of what is held is cancelled, when buckets and heap are compacted in one linear pass (so
 * cancelled timers never pile up).
 */
public final class EventQueue {
  private static final int MIN_COMPACT_SIZE = 4096;
  /** Width of the bucket ring in milliseconds; a power of two. */
  static final int WINDOW = 1 << 12;
  private static final int MASK = WINDOW - 1;
  private static final int NONE = -1;

  // The near future: bucket b holds, in sequence order, the entries due at the one time t in
  // [floor, floor + WINDOW) with (t & MASK) == b, as a linked list of slots.
  private final int[] heads = new int[WINDOW];
  private final int[] tails = new int[WINDOW];
  private long[] slotSeqs = new long[1024];
  private Object[] slotTasks = new Object[1024];
  private int[] slotNext = new int[1024];
  private int slotsUsed;
  private int freeSlot = NONE;
  private int nearSize;
  /** No entry in a bucket is due before this (the latest polled time); MAX_VALUE until a poll. */
  private long floor = Long.MAX_VALUE;
  /** When nearSize &gt; 0: floor &le; cursor &le; the earliest bucket entry's time. */
  private long cursor;

  // Everything else: a binary min-heap on (time, sequence).
  private long[] times = new long[1024];
  private long[] seqs = new long[1024];
  private Object[] tasks = new Object[1024];
  private int size;

  private long polledTime;
  private long nextSeq;
  private long cancelled;
  private long compactions;

  public EventQueue() {
    Arrays.fill(heads, NONE);
  }

  /** Adds {@code task} (a {@link Runnable} or a {@link Timer}) due at {@code time}. */
  public void add(long time, Object task) {
    long seq = nextSeq++;
    if (time >= floor && time - floor < WINDOW) {
      addNear(time, seq, task);
    } else {
      addFar(time, seq, task);
    }
  }

  private void addNear(long time, long seq, Object task) {
    int slot = freeSlot;
    if (slot != NONE) {
      freeSlot = slotNext[slot];
    } else {
      if (slotsUsed == slotSeqs.length) {
        int n = slotsUsed + (slotsUsed >> 1);
        slotSeqs = Arrays.copyOf(slotSeqs, n);
        slotTasks = Arrays.copyOf(slotTasks, n);
        slotNext = Arrays.copyOf(slotNext, n);
      }
      slot = slotsUsed++;
    }
    slotSeqs[slot] = seq;
    slotTasks[slot] = task;
    slotNext[slot] = NONE;
    int b = (int) time & MASK;
    if (heads[b] == NONE) {
      heads[b] = slot;
    } else {
      slotNext[tails[b]] = slot;
    }
    tails[b] = slot;
    if (nearSize++ == 0 || time < cursor) {
      cursor = time;
    }
  }

  private void addFar(long time, long seq, Object task) {
    if (size == times.length) {
      int n = size + (size >> 1);
      times = Arrays.copyOf(times, n);
      seqs = Arrays.copyOf(seqs, n);
      tasks = Arrays.copyOf(tasks, n);
    }
    int i = size++;
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
    return nearSize + size;
  }

  public boolean isEmpty() {
    return nearSize == 0 && size == 0;
  }

  /** Time of the earliest entry; only valid when not empty. */
  public long peekTime() {
    return nearFirst() ? cursor : times[0];
  }

  /** Removes and returns the earliest entry's task. */
  public Object poll() {
    if (nearFirst()) {
      int b = (int) cursor & MASK;
      int slot = heads[b];
      Object task = slotTasks[slot];
      heads[b] = slotNext[slot];
      slotTasks[slot] = null;
      slotNext[slot] = freeSlot;
      freeSlot = slot;
      nearSize--;
      floor = cursor;
      polledTime = cursor;
      return task;
    }
    Object top = tasks[0];
    long time = times[0];
    polledTime = time;
    int last = --size;
    long t = times[last];
    long s = seqs[last];
    Object task = tasks[last];
    tasks[last] = null;
    if (last > 0) {
      siftDown(0, t, s, task);
    }
    if (time > floor || floor == Long.MAX_VALUE) {
      // Every bucket entry is due at or after `time`, so the window may slide up to it.
      floor = time;
      if (cursor < time) {
        cursor = time;
      }
    }
    return top;
  }

  /**
   * Whether the earliest entry is the head of a bucket (then {@code cursor} is its time) rather
   * than the heap's top. Moves {@code cursor} past empty buckets.
   */
  private boolean nearFirst() {
    if (nearSize == 0) {
      return false;
    }
    long c = cursor;
    while (heads[(int) c & MASK] == NONE) {
      c++;
    }
    cursor = c;
    if (size == 0) {
      return true;
    }
    long t = times[0];
    return c < t || (c == t && slotSeqs[heads[(int) c & MASK]] < seqs[0]);
  }

  /** Time of the entry last returned by {@link #poll}. */
  public long polledTime() {
    return polledTime;
  }

  /** Notes that one held timer was cancelled; compacts when most of what is held is dead. */
  void cancelledOne() {
    cancelled++;
    int held = size();
    if (held >= MIN_COMPACT_SIZE && cancelled > held / 2) {
      compact();
    }
  }

  /** A popped cancelled timer no longer counts as held. */
  void poppedCancelled() {
    if (cancelled > 0) {
      cancelled--;
    }
  }

  /** Times the queue was rebuilt without its cancelled timers. */
  public long compactions() {
    return compactions;
  }

  private static boolean isDead(Object task) {
    return task instanceof Timer t && t.isCancelled();
  }

  private void compact() {
    if (nearSize > 0) {
      for (int b = 0; b < WINDOW; b++) {
        int prev = NONE;
        int slot = heads[b];
        while (slot != NONE) {
          int next = slotNext[slot];
          if (isDead(slotTasks[slot])) {
            if (prev == NONE) {
              heads[b] = next;
            } else {
              slotNext[prev] = next;
            }
            slotTasks[slot] = null;
            slotNext[slot] = freeSlot;
            freeSlot = slot;
            nearSize--;
          } else {
            prev = slot;
          }
          slot = next;
        }
        if (prev != NONE) {
          tails[b] = prev;
        }
      }
    }
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (!isDead(tasks[i])) {
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
