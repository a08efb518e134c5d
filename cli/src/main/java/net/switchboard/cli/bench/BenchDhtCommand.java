package net.switchboard.cli.bench;

import net.switchboard.cli.ExitCode;

import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.switchboard.dht.DhtConfig;
import net.switchboard.overlay.node.OverlayNode;
import net.switchboard.overlay.testnet.LocalTestnet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code switchboard bench dht}: publish M records on N real loopback nodes, resolve each, measure. */
@Command(
    name = "dht",
    mixinStandardHelpOptions = true,
    description = {
      "Starts N nodes on 127.0.0.1 UDP in this JVM, publishes M signed records from random nodes,",
      "resolves each from a random other node with K in flight, and prints one JSON object."})
public final class BenchDhtCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "500", description = "Nodes to start (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--lookups", defaultValue = "2000", description = "Records published and resolved (default ${DEFAULT-VALUE}).")
  int lookups;

  @Option(names = "--warmup", defaultValue = "2000", description = {
      "Extra records published and resolved untimed before the measured resolves, so the resolve",
      "path runs JIT-compiled (default ${DEFAULT-VALUE}; 0 measures a cold JVM)."})
  int warmup;

  @Option(names = "--inflight", defaultValue = "16", description = "Resolves in flight at once (default ${DEFAULT-VALUE}).")
  int inflight;

  @Option(names = "--contact-records", description = "Publish and resolve contact records (blinded, encrypted) instead of plain signed records.")
  boolean contactRecords;

  @Option(names = "--k", defaultValue = "20", description = "Bucket size / replication (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--alpha", defaultValue = "3", description = "Lookup parallelism (default ${DEFAULT-VALUE}).")
  int alpha;

  @Option(names = "--event-loops", defaultValue = "0", description = {
      "Vert.x event-loop threads shared by the nodes (default: one per core; two per core, Vert.x's",
      "own default, measured the same)."})
  int eventLoops;

  @Option(names = "--seed", defaultValue = "1", description = "Seed for identities and choices (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the result as one JSON document (else name/value lines).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (nodes < 2) {
      throw new ParameterException(spec.commandLine(), "--nodes must be at least 2, got " + nodes);
    }
    if (warmup < 0) {
      throw new ParameterException(spec.commandLine(), "--warmup must be 0 or more, got " + warmup);
    }
    if (lookups < 1 || inflight < 1) {
      throw new ParameterException(spec.commandLine(), "--lookups and --inflight must be positive");
    }
    if (eventLoops < 0) {
      throw new ParameterException(spec.commandLine(), "--event-loops must be 0 (one per core) or more, got " + eventLoops);
    }
    int loops = eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
    DhtConfig dht;
    try {
      dht = DhtConfig.defaults().withK(k).withAlpha(alpha);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintStream progress = System.err;
    long t0 = System.nanoTime();
    progress.printf("starting %d nodes on 127.0.0.1...%n", nodes);
    try (LocalTestnet net = LocalTestnet.start(nodes, LocalTestnet.Options.defaults().withDht(dht).withSeed(seed).withParallelJoins(16).withEventLoops(loops))) {
      double startSeconds = (System.nanoTime() - t0) / 1e9;
      progress.printf("%d nodes joined in %.1f s%n", nodes, startSeconds);
      List<DhtBenchmark.Target> targets = new ArrayList<>();
      for (OverlayNode n : net.nodes()) {
        targets.add(new DhtBenchmark.Target(n.dht(), n.scheduler()));
      }
      DhtBenchmark.Workload workload = contactRecords ? new ContactRecordWorkload() : new DhtBenchmark.SignedRecords();
      DhtBenchmark.Result r = new DhtBenchmark(targets, seed, progress, workload).run(lookups, warmup, inflight, 600);
      JsonObject out = toJson(r).put("startup_s", round(startSeconds)).put("mode", contactRecords ? "contact-records" : "signed-records")
          .put("event_loops", loops);
      BenchOutput.print(spec.commandLine().getOut(), out, json);
      // a run in which some lookups failed is printed in full, then says so in its status
      return r.successRate() == 1.0 ? 0 : ExitCode.FAILED.code();
    }
  }

  static JsonObject toJson(DhtBenchmark.Result r) {
    JsonObject o = new JsonObject()
        .put("nodes", r.nodes())
        .put("lookups", r.lookups())
        .put("success_rate", r.successRate())
        .put("latency_ms", new JsonObject()
            .put("median", round(r.latencyMs().median()))
            .put("p95", round(r.latencyMs().percentile(95)))
            .put("p99", round(r.latencyMs().percentile(99)))
            .put("max", round(r.latencyMs().max())))
        .put("hops", new JsonObject().put("median", r.hops().median()).put("p95", r.hops().percentile(95)))
        .put("rpcs_per_lookup", round(r.rpcsPerLookup()))
        .put("throughput_per_s", round(r.throughputPerSecond()))
        .put("inflight", r.inflight())
        .put("publish_s", round(r.publishSeconds()))
        .put("rss_mb", round(r.rssMb()))
        .put("peak_rss_mb", round(r.peakRssMb()));
    r.extra().forEach(o::put);
    return o;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
