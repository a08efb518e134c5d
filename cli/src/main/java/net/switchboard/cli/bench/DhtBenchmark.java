package net.switchboard.cli.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.GetResult;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.SignedRecord;
import net.switchboard.seam.Scheduler;

/**
 * Publishes M records from random nodes of a running network, then resolves each from a random
 * other node with a fixed number in flight, and reports latency, hops, RPCs and throughput. The
 * network is anything that gives nodes with their schedulers (real UDP in {@code bench dht}).
 */
public final class DhtBenchmark {

  /** A node and the scheduler whose thread it must be called on. */
  public record Target(DhtNode node, Scheduler scheduler) {
    <T> CompletableFuture<T> call(Function<DhtNode, CompletableFuture<T>> op) {
      CompletableFuture<T> out = new CompletableFuture<>();
      scheduler.execute(() -> {
        try {
          op.apply(node).whenComplete((v, e) -> {
            if (e != null) {
              out.completeExceptionally(e);
            } else {
              out.complete(v);
            }
          });
        } catch (RuntimeException e) {
          out.completeExceptionally(e);
        }
      });
      return out;
    }
  }

  /** One resolve's measurement. */
  private record Sample(boolean ok, long nanos, int hops, int rpcs) {}

  /** What the benchmark measured. */
  public record Result(
      int nodes, int lookups, double successRate, Stats latencyMs, Stats hops, double rpcsPerLookup,
      double throughputPerSecond, int inflight, double publishSeconds, double rssMb, double peakRssMb,
      Map<String, Object> extra) {}

  /** What is published and resolved: plain signed records, or contact records. */
  public interface Workload {
    /** Creates item {@code i}'s record(s) (outside the timed part). */
    void prepare(int i, SplittableRandom random);

    /** Publishes item {@code i} from {@code from}. */
    CompletableFuture<?> publish(int i, Target from);

    /** Resolves item {@code i} at {@code asker}; says whether the expected content came back. */
    CompletableFuture<Resolved> resolve(int i, Target asker);

    /** Name for the report. */
    String name();
  }

  /** One resolve's outcome. */
  public record Resolved(boolean ok, int hops, int rpcs) {}

  private final List<Target> targets;
  private final SplittableRandom random;
  private final PrintStream progress;
  private final Workload workload;

  public DhtBenchmark(List<Target> targets, long seed, PrintStream progress, Workload workload) {
    this.targets = targets;
    this.random = new SplittableRandom(seed);
    this.progress = progress;
    this.workload = workload;
  }

  /**
   * Publishes {@code lookups + warmup} items, resolves the {@code warmup} extra items untimed (so
   * the resolve path is JIT-compiled before the clock runs: without it the first ~2,000 resolves
   * of a fresh JVM carry a p95 twice the steady state's), then resolves each of the {@code
   * lookups} measured items once from a random node other than its publisher, {@code inflight} at
   * a time. The warm-up items are other records than the measured ones, so nothing the warm-up
   * touches is looked up again in the measured phase.
   */
  public Result run(int lookups, int warmup, int inflight, long timeoutSeconds) throws InterruptedException {
    int items = lookups + warmup;
    for (int i = 0; i < items; i++) {
      workload.prepare(i, random);
    }
    long t0 = System.nanoTime();
    int[] publishers = new int[items];
    List<CompletableFuture<?>> puts = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      publishers[i] = random.nextInt(targets.size());
      puts.add(workload.publish(i, targets.get(publishers[i])));
      if (puts.size() >= 64) {
        CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        puts.clear();
        progress.printf("\rpublished %d/%d", i + 1, items);
      }
    }
    CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    double publishSeconds = (System.nanoTime() - t0) / 1e9;
    progress.printf("\rpublished %d %s in %.1f s%n", items, workload.name(), publishSeconds);

    int[] askers = new int[items];
    for (int i = 0; i < items; i++) {
      int a;
      do {
        a = random.nextInt(targets.size());
      } while (a == publishers[i] && targets.size() > 1);
      askers[i] = a;
    }
    if (warmup > 0) {
      Phase w = resolve(lookups, items, askers, inflight, timeoutSeconds, "warm-up");
      progress.printf("\rwarm-up: %d resolves in %.2f s (not counted)%n", w.samples.size(), w.seconds);
    }
    Phase m = resolve(0, lookups, askers, inflight, timeoutSeconds, "resolved");
    progress.printf("\rresolved %d/%d in %.2f s%s%n", m.samples.size(), lookups, m.seconds, m.finished ? "" : " (timed out)");

    List<Sample> all = m.samples;
    int ok = 0;
    long rpcs = 0;
    double[] lat = new double[all.size()];
    double[] hops = new double[all.size()];
    for (int i = 0; i < all.size(); i++) {
      Sample x = all.get(i);
      ok += x.ok ? 1 : 0;
      rpcs += x.rpcs;
      lat[i] = x.nanos / 1e6;
      hops[i] = x.hops;
    }
    Map<String, Object> extra = new java.util.TreeMap<>();
    extra.put("warmup", warmup);
    return new Result(
        targets.size(), lookups, ok / (double) lookups, new Stats(lat), new Stats(hops),
        all.isEmpty() ? 0 : rpcs / (double) all.size(), all.size() / m.seconds, inflight, publishSeconds,
        ProcessMemory.rssMb(), ProcessMemory.peakRssMb(), extra);
  }

  /** The samples of one resolve phase and how long it took. */
  private record Phase(List<Sample> samples, double seconds, boolean finished) {}

  /** Resolves items {@code [from, to)}, each at its asker, {@code inflight} at a time. */
  private Phase resolve(int from, int to, int[] askers, int inflight, long timeoutSeconds, String label)
      throws InterruptedException {
    int count = to - from;
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(count);
    AtomicInteger next = new AtomicInteger(from);
    long start = System.nanoTime();
    Runnable[] launcher = new Runnable[1];
    launcher[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= to) {
        return;
      }
      long s = System.nanoTime();
      workload.resolve(i, targets.get(askers[i])).whenComplete((res, e) -> {
        long nanos = System.nanoTime() - s;
        boolean ok = e == null && res.ok();
        samples.add(new Sample(ok, nanos, res == null ? 0 : res.hops(), res == null ? 0 : res.rpcs()));
        done.countDown();
        long finished = count - done.getCount();
        if (finished % 500 == 0) {
          progress.printf("\r%s %d/%d", label, finished, count);
        }
        launcher[0].run();
      });
    };
    for (int i = 0; i < Math.min(inflight, count); i++) {
      launcher[0].run();
    }
    boolean finished = done.await(timeoutSeconds, TimeUnit.SECONDS);
    return new Phase(new ArrayList<>(samples), (System.nanoTime() - start) / 1e9, finished);
  }

  /** Namespace-1 signed records, one fresh publisher identity each. */
  public static final class SignedRecords implements Workload {
    private final List<DhtRecord> records = new ArrayList<>();

    @Override
    public void prepare(int i, SplittableRandom random) {
      long expires = System.currentTimeMillis() + 2 * DhtConfig.HOUR;
      records.add(SignedRecord.create(Identity.generate(random), 1, expires, SignedRecord.text("bench record " + i)));
    }

    @Override
    public CompletableFuture<?> publish(int i, Target from) {
      DhtRecord r = records.get(i);
      return from.call(n -> n.put(r));
    }

    @Override
    public CompletableFuture<Resolved> resolve(int i, Target asker) {
      DhtRecord r = records.get(i);
      return asker.call(n -> n.get(r.key(), SignedRecord.NAMESPACE))
          .thenApply((GetResult g) -> new Resolved(g.record().map(r::equals).orElse(false), g.hops(), g.rpcs()));
    }

    @Override
    public String name() {
      return "signed records";
    }
  }
}
