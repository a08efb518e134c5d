package net.switchboard.simulations.scenario;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import net.switchboard.dht.GetResult;
import net.switchboard.dht.PutResult;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.SignedRecord;
import net.switchboard.netsim.engine.Simulator;

/**
 * What users do: each of R owners publishes a signed record through a random live node (the
 * first time spread over the publish window), re-signs it (seq + 1, new expiry) every refresh
 * interval through a random live node, and resolves happen as a Poisson process from random live
 * nodes for random live records. A put whose node left before it finished is retried through
 * another node. Resolves whose resolver left mid-way are not counted.
 */
final class Workload {
  private static final long PUT_RETRY_MILLIS = 120_000;

  private final ScenarioConfig config;
  private final Simulator simulator;
  private final Population population;
  private final RecordLedger ledger;
  private final SplittableRandom random;
  private final ResolveStats resolves;
  private long puts;
  private long putRetries;

  Workload(ScenarioConfig config, Simulator simulator, Population population, RecordLedger ledger,
      SplittableRandom random, ResolveStats resolves) {
    this.config = config;
    this.simulator = simulator;
    this.population = population;
    this.ledger = ledger;
    this.random = random;
    this.resolves = resolves;
  }

  /** Schedules the first publication of every record and starts the resolve process. */
  void start() {
    SplittableRandom ownerKeys = random.split();
    for (int i = 0; i < config.records(); i++) {
      Identity owner = Identity.generate(ownerKeys.split(), config.signatures());
      TrackedRecord r = new TrackedRecord(i, owner, SignedRecord.keyOf(owner.publicKey()));
      ledger.add(r);
      long at = config.records() == 1 ? 0 : config.publishWindowMillis() * i / config.records();
      simulator.schedule(at, () -> publish(r));
    }
    if (config.resolvesPerSecond() > 0 && config.records() > 0) {
      scheduleResolve();
    }
  }

  private void publish(TrackedRecord r) {
    long now = simulator.nowMillis();
    r.seq++;
    byte[] data = new byte[config.recordDataBytes()];
    random.nextBytes(data);
    r.current = SignedRecord.create(r.owner, r.seq, now + config.dht().recordTtlMillis(), data);
    put(r, r.current);
    if (config.recordRefreshMillis() > 0) {
      simulator.schedule(config.recordRefreshMillis(), () -> publish(r));
    }
  }

  private void put(TrackedRecord r, DhtRecord version) {
    if (version != r.current) {
      return; // superseded while waiting for a retry
    }
    SimNode node = population.randomJoined(random);
    if (node == null) {
      putRetries++;
      simulator.schedule(PUT_RETRY_MILLIS, () -> put(r, version));
      return;
    }
    if (r.publisher != null && r.publisher != node && r.publisher.alive) {
      r.publisher.dht.unpublish(SignedRecord.NAMESPACE, r.key); // one gateway keeps it alive at a time
    }
    r.publisher = node;
    int attempt = ++r.putAttempt;
    puts++;
    CompletableFuture<PutResult> f = node.dht.put(version);
    f.whenComplete((res, err) -> {
      if (attempt != r.putAttempt || !node.alive) {
        return;
      }
      r.putAttempt++; // settles this attempt: the retry check below does nothing
      if (!r.published) {
        r.published = true;
        r.publishedAtMillis = simulator.nowMillis();
        r.storedAtFirstPut = res == null ? 0 : res.stored();
        r.holdersAfterFirstPut = ledger.liveHoldersNearKey(r);
      }
      r.expiresAtMillis = Math.max(r.expiresAtMillis, version.expiresAtMillis());
    });
    simulator.schedule(PUT_RETRY_MILLIS, () -> {
      if (attempt == r.putAttempt) {
        putRetries++;
        put(r, version);
      }
    });
  }

  private void scheduleResolve() {
    double gapSeconds = -Math.log(1 - random.nextDouble()) / config.resolvesPerSecond();
    simulator.schedule(Math.max(1, Math.round(gapSeconds * 1000)), () -> {
      resolveOne();
      scheduleResolve();
    });
  }

  private void resolveOne() {
    long now = simulator.nowMillis();
    TrackedRecord target = null;
    for (int attempt = 0; attempt < 8 && target == null; attempt++) {
      TrackedRecord r = ledger.all().get(random.nextInt(ledger.all().size()));
      if (r.isLive(now)) {
        target = r;
      }
    }
    SimNode node = population.randomJoined(random);
    if (target == null || node == null) {
      return;
    }
    TrackedRecord t = target;
    node.dht.get(t.key, SignedRecord.NAMESPACE).whenComplete((GetResult res, Throwable err) -> {
      if (!node.alive) {
        return;
      }
      if (err == null && res.record().isPresent() && res.record().get().key().equals(t.key)) {
        resolves.success(simulator.nowMillis() - now, res.hops());
      } else {
        resolves.failure();
      }
    });
  }

  long puts() {
    return puts;
  }

  long putRetries() {
    return putRetries;
  }
}
