package net.switchboard.overlay.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.switchboard.seam.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VertxSchedulerTest {
  Vertx vertx;
  VertxScheduler scheduler;
  final List<String> ran = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    scheduler = new VertxScheduler(NodeContexts.newEventLoopContext(vertx));
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void executedTasksRunInSubmissionOrderOnTheNodeThread() {
    List<Boolean> onNodeThread = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 100; i++) {
      String name = "t" + i;
      scheduler.execute(() -> {
        onNodeThread.add(scheduler.onSchedulerThread());
        ran.add(name);
      });
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 100);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      expected.add("t" + i);
    }
    assertEquals(expected, ran);
    assertFalse(onNodeThread.contains(false));
  }

  @Test
  void timersFireInDeadlineOrderNotSubmissionOrder() {
    // submitted in one turn of the node's thread, as the protocol does: no timer can fire between
    // two submissions (from the test thread, a 20 ms stall of that thread would reorder them)
    scheduler.execute(() -> {
      scheduler.schedule(60, () -> ran.add("60ms"));
      scheduler.schedule(20, () -> ran.add("20ms"));
      scheduler.schedule(0, () -> ran.add("0ms"));
      scheduler.schedule(40, () -> ran.add("40ms"));
    });

    await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 4);
    assertEquals(List.of("0ms", "20ms", "40ms", "60ms"), ran);
  }

  @Test
  void aTimerFiresNoEarlierThanItsDelay() {
    long start = scheduler.nowMillis();
    AtomicInteger elapsed = new AtomicInteger(-1);
    scheduler.schedule(50, () -> elapsed.set((int) (scheduler.nowMillis() - start)));

    await().atMost(Duration.ofSeconds(5)).until(() -> elapsed.get() >= 0);
    assertTrue(elapsed.get() >= 50, "fired after " + elapsed.get() + " ms");
  }

  @Test
  void cancelledTasksNeverRun() {
    scheduler.execute(() -> { // on the node thread, so neither task can run before it is cancelled
      Scheduler.Cancellable timer = scheduler.schedule(30, () -> ran.add("cancelled timer"));
      Scheduler.Cancellable immediate = scheduler.schedule(0, () -> ran.add("cancelled immediate"));
      timer.cancel();
      immediate.cancel();
      immediate.cancel(); // twice is harmless
      scheduler.schedule(80, () -> ran.add("sentinel"));
    });

    await().atMost(Duration.ofSeconds(5)).until(() -> ran.contains("sentinel"));
    assertEquals(List.of("sentinel"), ran);
  }

  @Test
  void executeNeverRunsInline() {
    AtomicBoolean innerRanBeforeOuterReturned = new AtomicBoolean();
    AtomicBoolean outerDone = new AtomicBoolean();
    scheduler.execute(() -> {
      scheduler.execute(() -> innerRanBeforeOuterReturned.set(!outerDone.get()));
      outerDone.set(true);
      ran.add("outer");
    });
    scheduler.execute(() -> ran.add("second"));

    await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 2);
    await().atMost(Duration.ofSeconds(5)).untilTrue(outerDone);
    assertFalse(innerRanBeforeOuterReturned.get());
  }

  @Test
  void clockIsWallTimeAndNeverGoesBack() {
    long before = System.currentTimeMillis();
    long a = scheduler.nowMillis();
    long b = scheduler.nowMillis();
    assertTrue(a >= before && b >= a);
  }

  @Test
  void negativeDelayIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> scheduler.schedule(-1, () -> {}));
  }
}
