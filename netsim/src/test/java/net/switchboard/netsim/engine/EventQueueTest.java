package net.switchboard.netsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.seam.Scheduler;
import org.junit.jupiter.api.Test;

class EventQueueTest {

  @Test
  void eventsRunInTimeOrderAndTiesInSchedulingOrder() {
    Simulator sim = new Simulator(0);
    List<String> ran = new ArrayList<>();
    sim.schedule(20, () -> ran.add("b"));
    sim.schedule(10, () -> ran.add("a"));
    sim.schedule(20, () -> ran.add("c"));
    sim.post(20, () -> ran.add("d"));
    sim.schedule(5, () -> sim.schedule(15, () -> ran.add("e"))); // due at 20, scheduled last
    sim.runUntil(100);
    assertEquals(List.of("a", "b", "c", "d", "e"), ran);
    assertEquals(100, sim.nowMillis());
  }

  @Test
  void aRandomWorkloadPopsSortedByTimeThenSequence() {
    EventQueue q = new EventQueue();
    SplittableRandom r = new SplittableRandom(3);
    long[] times = new long[50_000];
    for (int i = 0; i < times.length; i++) {
      times[i] = r.nextInt(1000);
      q.add(times[i], i);
    }
    long lastTime = -1;
    int lastSeq = -1;
    while (!q.isEmpty()) {
      long t = q.peekTime();
      int seq = (Integer) q.poll();
      assertEquals(times[seq], t);
      assertTrue(t > lastTime || (t == lastTime && seq > lastSeq), "out of order at " + seq);
      lastTime = t;
      lastSeq = seq;
    }
  }

  @Test
  void cancelledTimersNeitherRunNorPileUp() {
    Simulator sim = new Simulator(0);
    int[] ran = {0};
    for (int round = 0; round < 50; round++) {
      List<Scheduler.Cancellable> timers = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        timers.add(sim.schedule(1_000_000 + i, () -> ran[0]++));
      }
      timers.forEach(Scheduler.Cancellable::cancel);
    }
    // 500,000 cancelled timers far in the future: compaction keeps the heap small
    assertTrue(sim.pendingEvents() < 20_000, "heap holds " + sim.pendingEvents());
    assertTrue(sim.compactions() > 0);
    sim.runUntil(3_000_000);
    assertEquals(0, ran[0]);
    assertEquals(0, sim.pendingEvents());
  }

  @Test
  void cancellingAfterRunningIsHarmless() {
    Simulator sim = new Simulator(0);
    int[] ran = {0};
    Scheduler.Cancellable t = sim.schedule(1, () -> ran[0]++);
    sim.runUntil(5);
    t.cancel();
    t.cancel();
    assertEquals(1, ran[0]);
  }

  @Test
  void interleavedAddsAndPollsMatchASingleHeapOrder() {
    // Near (bucket ring) and far (heap) entries, ties across both, adds below the latest poll.
    EventQueue q = new EventQueue();
    java.util.PriorityQueue<long[]> ref = new java.util.PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    SplittableRandom r = new SplittableRandom(7);
    long now = 1_700_000_000_000L;
    long seq = 0;
    for (int step = 0; step < 400_000; step++) {
      if (ref.isEmpty() || r.nextInt(100) < 52) {
        long delay = switch (r.nextInt(6)) {
          case 0 -> 0;
          case 1 -> r.nextInt(3);
          case 2 -> r.nextInt(400);
          case 3 -> 1000 + r.nextInt(2);
          case 4 -> EventQueue.WINDOW - 2 + r.nextInt(4);
          default -> r.nextInt(3 * EventQueue.WINDOW);
        };
        long t = r.nextInt(1000) == 0 ? now - r.nextInt(50) : now + delay;
        q.add(t, seq);
        ref.add(new long[] {t, seq});
        seq++;
      } else {
        long[] want = ref.poll();
        assertEquals(want[0], q.peekTime());
        assertEquals(want[1], (long) (Long) q.poll());
        now = Math.max(now, want[0]);
      }
      assertEquals(ref.size(), q.size());
    }
  }
}
