package net.switchboard.simulations.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.NamespaceValidator;
import net.switchboard.dht.record.SignedRecordValidator;
import net.switchboard.dht.wire.MessageType;
import net.switchboard.simulations.churn.ChurnModel;
import net.switchboard.simulations.churn.ChurnTrace;
import net.switchboard.netsim.engine.Simulator;
import net.switchboard.netsim.network.VirtualNetwork;

/**
 * One run: the initial population joins during the warm-up, then churn, the workload, the
 * partition (if any) and the sampler run for the duration. All randomness is split from the
 * config's seed in a fixed order, so a run is reproducible bit for bit.
 */
public final class ChurnSimulation {
  private final ScenarioConfig config;
  private final Simulator simulator = new Simulator();
  private final VirtualNetwork network;
  private final Population population;
  private final RecordLedger ledger;
  private final ResolveStats resolves = new ResolveStats();
  private final Workload workload;
  private final SplittableRandom churnRandom;
  private final long measureStart;
  private final long end;
  private final ScenarioExtension extension;

  public ChurnSimulation(ScenarioConfig config) {
    this(config, null);
  }

  /**
   * A run with {@code extension} (may be null) on top of the DHT workload. Its randomness is split
   * after everything else's, so the DHT-only part of a run draws exactly what it draws without it.
   */
  public ChurnSimulation(ScenarioConfig config, ScenarioExtension.Factory extension) {
    this.config = config.validate();
    SplittableRandom root = new SplittableRandom(config.seed());
    this.network = new VirtualNetwork(simulator, root.split(), config.lossRate());
    SplittableRandom populationRandom = root.split();
    SplittableRandom churnSplit = root.split();
    SplittableRandom workloadRandom = root.split();
    this.extension = extension == null ? null : extension.create(simulator, root.split());
    List<NamespaceValidator> validators = new ArrayList<>(
        List.of(new SignedRecordValidator(config.dht().maxRecordLifetimeMillis(), config.signatures())));
    if (this.extension != null) {
      validators.addAll(this.extension.validators());
    }
    this.population = new Population(simulator, network, populationRandom, config.dht(), validators, config.signatures());
    this.ledger = new RecordLedger(population, config.dht().k());
    this.churnRandom = churnSplit;
    this.workload = new Workload(config, simulator, population, ledger, workloadRandom, resolves);
    this.measureStart = simulator.nowMillis() + config.warmupMillis();
    this.end = measureStart + config.durationMillis();
    population.setListener(new Population.Listener() {
      @Override
      public void joined(SimNode node) {
        if (ChurnSimulation.this.extension != null) {
          ChurnSimulation.this.extension.joined(node);
        }
      }

      @Override
      public void left(SimNode node) {
        ledger.afterLeave(node, simulator.nowMillis());
        if (ChurnSimulation.this.extension != null) {
          ChurnSimulation.this.extension.left(node);
        }
      }
    });
  }

  /** Runs to the end; {@code progress} hears about it after the warm-up and at every sample. */
  public SimulationResult run(Progress progress) {
    if (config.churn().isTrace()) {
      scheduleTrace(config.churn().trace());
    } else {
      scheduleInitialPopulation(config.churn().model());
    }
    if (config.partition() != null) {
      simulator.schedule(config.warmupMillis() + config.partition().startMillis(),
          () -> network.openPartition(config.partition().fraction()));
      simulator.schedule(config.warmupMillis() + config.partition().healMillis(), network::healPartition);
    }
    long total = end - simulator.startMillis();
    runUntil(measureStart, progress, total);
    long bytesAtStart = network.bytesSent();
    Map<String, Long> sentAtStart = sentByType();
    workload.start();
    if (extension != null) {
      extension.start();
    }
    Sampler sampler = new Sampler(simulator, population, ledger, resolves, network, config.dht(), measureStart);
    double liveSum = 0;
    int liveSamples = 0;
    for (long t = measureStart + config.sampleIntervalMillis(); t <= end; t += config.sampleIntervalMillis()) {
      runUntil(t, progress, total);
      Sample s = sampler.sample();
      liveSum += s.liveNodes();
      liveSamples++;
    }
    simulator.runUntil(end);
    return result(sampler.samples(), bytesAtStart, sentAtStart, liveSamples == 0 ? population.liveCount() : liveSum / liveSamples);
  }

  /** Runs to {@code until}, telling {@code progress} every 1/200 of the whole run. */
  private void runUntil(long until, Progress progress, long total) {
    long step = Math.max(60_000, total / 200);
    while (simulator.nowMillis() < until) {
      simulator.runUntil(Math.min(until, simulator.nowMillis() + step));
      progress.update(simulator.elapsedMillis(), total, population.liveCount(), simulator.executedEvents());
    }
  }

  private void scheduleInitialPopulation(ChurnModel model) {
    int n = config.nodes();
    for (int i = 0; i < n; i++) {
      long at = config.warmupMillis() * i / n;
      double residual = model.residualSeconds(churnRandom);
      simulator.schedule(at, () -> {
        SimNode node = population.spawn(null, null);
        long life = toMillis(residual);
        scheduleLeave(node, model, life == Long.MAX_VALUE ? life : measureStart - simulator.nowMillis() + life);
      });
    }
  }

  private void scheduleLeave(SimNode node, ChurnModel model, long inMillis) {
    if (inMillis == Long.MAX_VALUE || simulator.nowMillis() + inMillis > end) {
      return;
    }
    simulator.schedule(inMillis, () -> {
      population.leave(node);
      if (config.replaceLeavers()) {
        Identity again = extension == null ? null : extension.restartIdentity(node);
        simulator.schedule(config.offTimeMillis(), () -> {
          SimNode fresh = population.spawn(again, null);
          scheduleLeave(fresh, model, toMillis(model.sessionSeconds(churnRandom)));
        });
      }
    });
  }

  private void scheduleTrace(ChurnTrace trace) {
    Map<String, Identity> identities = new LinkedHashMap<>();
    SplittableRandom keys = churnRandom.split();
    List<ChurnTrace.Session> initial = new ArrayList<>();
    for (ChurnTrace.Session s : trace.sessions()) {
      if (s.joinSeconds() <= 0) {
        initial.add(s);
      }
    }
    int i = 0;
    for (ChurnTrace.Session s : trace.sessions()) {
      Identity id = identities.computeIfAbsent(s.node(), label -> Identity.generate(keys.split(), config.signatures()));
      long joinAt = s.joinSeconds() <= 0
          ? config.warmupMillis() * i++ / Math.max(1, initial.size())
          : config.warmupMillis() + toMillis(s.joinSeconds());
      long leaveAt = Double.isInfinite(s.leaveSeconds()) ? Long.MAX_VALUE : config.warmupMillis() + toMillis(s.leaveSeconds());
      if (joinAt > end - simulator.startMillis()) {
        continue;
      }
      simulator.schedule(joinAt, () -> {
        SimNode node = population.spawn(id, s.node());
        if (leaveAt != Long.MAX_VALUE && simulator.startMillis() + leaveAt <= end) {
          simulator.schedule(simulator.startMillis() + leaveAt - simulator.nowMillis(), () -> population.leave(node));
        }
      });
    }
  }

  private static long toMillis(double seconds) {
    return Double.isInfinite(seconds) || seconds * 1000 >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE : Math.round(seconds * 1000);
  }

  private Map<String, Long> sentByType() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (MessageType t : MessageType.values()) {
      out.put(t.name(), population.sentTotal(t));
    }
    return out;
  }

  private SimulationResult result(List<Sample> samples, long bytesAtStart, Map<String, Long> sentAtStart, double meanLive) {
    long published = 0;
    List<Integer> initialHolders = new ArrayList<>();
    List<Integer> lostHolders = new ArrayList<>();
    for (TrackedRecord r : ledger.all()) {
      if (r.published) {
        published++;
        initialHolders.add(r.storedAtFirstPut);
        if (r.lost) {
          lostHolders.add(r.storedAtFirstPut);
        }
      }
    }
    double availMin = 1;
    double availSum = 0;
    int availN = 0;
    for (Sample s : samples) {
      if (!Double.isNaN(s.availability())) {
        availMin = Math.min(availMin, s.availability());
        availSum += s.availability();
        availN++;
      }
    }
    Map<String, Long> byType = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : sentByType().entrySet()) {
      long d = e.getValue() - sentAtStart.get(e.getKey());
      if (d > 0) {
        byType.put(e.getKey(), d);
      }
    }
    Map<String, Long> net = new LinkedHashMap<>();
    net.put("datagrams_sent", network.datagramsSent());
    net.put("datagrams_delivered", network.datagramsDelivered());
    net.put("datagrams_lost", network.datagramsLost());
    net.put("datagrams_partitioned", network.datagramsPartitioned());
    net.put("datagrams_unreachable", network.datagramsUnreachable());
    net.put("bytes_sent", network.bytesSent());
    net.put("puts", workload.puts());
    net.put("put_retries", workload.putRetries());
    net.put("join_retries", population.joinRetries());
    net.put("queue_compactions", simulator.compactions());
    Map<String, Long> counters = new LinkedHashMap<>();
    for (String name : Population.COUNTERS) {
      counters.put(name, population.counterTotal(name));
    }
    long resolved = resolves.ok + resolves.failed;
    double seconds = config.durationMillis() / 1000.0;
    return new SimulationResult(
        config,
        List.copyOf(samples),
        published,
        ledger.lost(),
        availMin,
        availN == 0 ? 1 : availSum / availN,
        resolved,
        resolved == 0 ? 1 : (double) resolves.ok / resolved,
        resolves.hopsAll.percentile(50),
        resolves.hopsAll.percentile(99),
        resolves.latencyAll.percentile(50),
        resolves.latencyAll.percentile(99),
        meanLive <= 0 ? 0 : (network.bytesSent() - bytesAtStart) / meanLive / seconds,
        byType,
        net,
        counters,
        population.joins(),
        population.leaves(),
        simulator.executedEvents(),
        lostHolders,
        initialHolders,
        extension == null ? Map.of() : Map.of(extension.name(), extension.report()),
        extension == null ? "" : extension.line());
  }

  /** Per published record: holders right after its first put, remaining life then, and fate. */
  public List<RecordOutcome> recordOutcomes() {
    List<RecordOutcome> out = new ArrayList<>();
    for (TrackedRecord r : ledger.all()) {
      if (r.published) {
        out.add(new RecordOutcome(r.holdersAfterFirstPut, (r.expiresAtMillis - r.publishedAtMillis) / 1000.0, r.lost));
      }
    }
    return out;
  }

  /** Hand-offs of records to newly seen nodes, summed over every node so far. */
  public long handoffs() {
    return population.counterTotal("handoff");
  }

  /** The simulator, for tests that step it. */
  public Simulator simulator() {
    return simulator;
  }

  public Population population() {
    return population;
  }
}
