package net.switchboard.simulations.scenario;

import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.identity.SignatureScheme;
import net.switchboard.simulations.scenario.SimulationSignatureScheme;
import net.switchboard.simulations.churn.ChurnSpec;
import net.switchboard.netsim.network.Partition;

/**
 * Every parameter of one simulation run. Build with {@link #defaults()} and the withers; {@link
 * #validate()} names the first bad value.
 *
 * @param nodes target population (ignored by trace churn, which defines its own)
 * @param durationMillis simulated time measured after the warm-up
 * @param warmupMillis time in which the initial population joins, before churn and records start
 * @param churn session-length model or trace
 * @param records records kept alive by the workload
 * @param seed the one seed every random draw is split from
 * @param dht the production DHT parameters (k, alpha, republish interval, TTL, ...)
 * @param lossRate probability a datagram is lost
 * @param partition an optional partition (times relative to the end of the warm-up), or null
 * @param sampleIntervalMillis how often metrics are sampled
 * @param resolvesPerSecond rate of resolves from random live nodes (Poisson)
 * @param recordRefreshMillis how often a record's owner re-signs it (seq + 1, new expiry) through a
 *     random live node; 0 = never (the record then lives until its TTL runs out)
 * @param publishWindowMillis records are first published uniformly over this window after warm-up
 * @param recordDataBytes size of each record's data
 * @param replaceLeavers whether a departed node is replaced by a fresh one (keeps the population near N)
 * @param offTimeMillis delay before the replacement joins
 * @param signatures the signature primitive of every identity and validator: by default the
 *     core's {@link SimulationSignatureScheme} (same sizes and flows as Ed25519 at ~1/100 of the
 *     CPU; honest nodes only), or {@link SignatureScheme#ed25519()} for a real-crypto run
 */
public record ScenarioConfig(
    int nodes,
    long durationMillis,
    long warmupMillis,
    ChurnSpec churn,
    int records,
    long seed,
    DhtConfig dht,
    double lossRate,
    Partition partition,
    long sampleIntervalMillis,
    double resolvesPerSecond,
    long recordRefreshMillis,
    long publishWindowMillis,
    int recordDataBytes,
    boolean replaceLeavers,
    long offTimeMillis,
    SignatureScheme signatures) {

  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;

  /** 1,000 nodes, 24 h, Weibull(0.38, median 2 h), 1,000 records, the core's default DhtConfig. */
  public static ScenarioConfig defaults() {
    return new ScenarioConfig(1000, 24 * HOUR, 10 * MINUTE, ChurnSpec.parse("weibull:shape=0.38,median=2h"), 1000, 1,
        DhtConfig.defaults(), 0.0, null, 10 * MINUTE, 0.2, 12 * HOUR, 10 * MINUTE, 200, true, 0,
        SimulationSignatureScheme.INSTANCE);
  }

  /** Throws {@link IllegalArgumentException} naming the first bad value. */
  public ScenarioConfig validate() {
    check(nodes >= 2 || churn.isTrace(), "nodes must be >= 2, got " + nodes);
    check(durationMillis > 0, "duration must be > 0");
    check(warmupMillis >= 0, "warm-up must be >= 0");
    check(records >= 0, "records must be >= 0, got " + records);
    check(lossRate >= 0 && lossRate < 1, "loss must be in [0,1), got " + lossRate);
    check(sampleIntervalMillis >= 1000, "sample interval must be >= 1s");
    check(resolvesPerSecond >= 0, "resolve rate must be >= 0, got " + resolvesPerSecond);
    check(recordRefreshMillis >= 0, "record refresh must be >= 0");
    check(recordRefreshMillis == 0 || recordRefreshMillis < dht.recordTtlMillis(),
        "record refresh (" + recordRefreshMillis + "ms) must be shorter than the TTL (" + dht.recordTtlMillis() + "ms)");
    check(recordDataBytes >= 1 && recordDataBytes <= 2048, "record size must be 1..2048 bytes, got " + recordDataBytes);
    check(offTimeMillis >= 0, "off-time must be >= 0");
    check(signatures != null, "signature scheme missing");
    check(partition == null || partition.healMillis() <= durationMillis, "partition must heal within the duration");
    return this;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  public ScenarioConfig withNodes(int v) {
    return new ScenarioConfig(v, durationMillis, warmupMillis, churn, records, seed, dht, lossRate, partition, sampleIntervalMillis, resolvesPerSecond, recordRefreshMillis, publishWindowMillis, recordDataBytes, replaceLeavers, offTimeMillis, signatures);
  }

  public ScenarioConfig withDurationMillis(long v) {
    return new ScenarioConfig(nodes, v, warmupMillis, churn, records, seed, dht, lossRate, partition, sampleIntervalMillis, resolvesPerSecond, recordRefreshMillis, publishWindowMillis, recordDataBytes, replaceLeavers, offTimeMillis, signatures);
  }

  public ScenarioConfig withWarmupMillis(long v) {
    return new ScenarioConfig(nodes, durationMillis, v, churn, records, seed, dht, lossRate, partition, sampleIntervalMillis, resolvesPerSecond, recordRefreshMillis, publishWindowMillis, recordDataBytes, replaceLeavers, offTimeMillis, signatures);
  }

  public ScenarioConfig withChurn(ChurnSpec v) {
    return new ScenarioConfig(nodes, durationMillis, warmupMillis, v, records, seed, dht, lossRate, partition, sampleIntervalMillis, resolvesPerSecond, recordRefreshMillis, publishWindowMillis, recordDataBytes, replaceLeavers, offTimeMillis, signatures);
  }

  public ScenarioConfig withRecords(int v) {
    return new ScenarioConfig(nodes, durationMillis, warmupMillis, churn, v, seed, dht, lossRate, partition, sampleIntervalMillis, resolvesPerSecond, recordRefreshMillis, publishWindowMillis, recordDataBytes, replaceLeavers, offTimeMillis, signatures);
  }

  public ScenarioConfig withSeed(long v) {
    return new ScenarioConfig(nodes, durationMillis, warmupMillis, churn, records, v, dht, lossRate, partition, sampleIntervalMillis, resolvesPerSecond, recordRefreshMillis, publishWindowMillis, recordDataBytes, replaceLeavers, offTimeMillis, signatures);
  }

  public ScenarioConfig withDht(DhtConfig v) {
    return new ScenarioConfig(nodes, durationMillis, warmupMillis, churn, records, seed, v, lossRate, partition, sampleIntervalMillis, resolvesPerSecond, recordRefreshMillis, publishWindowMillis, recordDataBytes, replaceLeavers, offTimeMillis, signatures);
  }

  public ScenarioConfig withLossRate(double v) {
    return new ScenarioConfig(nodes, durationMillis, warmupMillis, churn, records, seed, dht, v, partition, sampleIntervalMillis, resolvesPerSecond, recordRefreshMillis, publishWindowMillis, recordDataBytes, replaceLeavers, offTimeMillis, signatures);
  }

  public ScenarioConfig withPartition(Partition v) {
    return new ScenarioConfig(nodes, durationMillis, warmupMillis, churn, records, seed, dht, lossRate, v, sampleIntervalMillis, resolvesPerSecond, recordRefreshMillis, publishWindowMillis, recordDataBytes, replaceLeavers, offTimeMillis, signatures);
  }

  public ScenarioConfig withSampleIntervalMillis(long v) {
    return new ScenarioConfig(nodes, durationMillis, warmupMillis, churn, records, seed, dht, lossRate, partition, v, resolvesPerSecond, recordRefreshMillis, publishWindowMillis, recordDataBytes, replaceLeavers, offTimeMillis, signatures);
  }

  public ScenarioConfig withResolvesPerSecond(double v) {
    return new ScenarioConfig(nodes, durationMillis, warmupMillis, churn, records, seed, dht, lossRate, partition, sampleIntervalMillis, v, recordRefreshMillis, publishWindowMillis, recordDataBytes, replaceLeavers, offTimeMillis, signatures);
  }

  public ScenarioConfig withRecordRefreshMillis(long v) {
    return new ScenarioConfig(nodes, durationMillis, warmupMillis, churn, records, seed, dht, lossRate, partition, sampleIntervalMillis, resolvesPerSecond, v, publishWindowMillis, recordDataBytes, replaceLeavers, offTimeMillis, signatures);
  }

  public ScenarioConfig withPublishWindowMillis(long v) {
    return new ScenarioConfig(nodes, durationMillis, warmupMillis, churn, records, seed, dht, lossRate, partition, sampleIntervalMillis, resolvesPerSecond, recordRefreshMillis, v, recordDataBytes, replaceLeavers, offTimeMillis, signatures);
  }

  public ScenarioConfig withRecordDataBytes(int v) {
    return new ScenarioConfig(nodes, durationMillis, warmupMillis, churn, records, seed, dht, lossRate, partition, sampleIntervalMillis, resolvesPerSecond, recordRefreshMillis, publishWindowMillis, v, replaceLeavers, offTimeMillis, signatures);
  }

  public ScenarioConfig withReplaceLeavers(boolean v) {
    return new ScenarioConfig(nodes, durationMillis, warmupMillis, churn, records, seed, dht, lossRate, partition, sampleIntervalMillis, resolvesPerSecond, recordRefreshMillis, publishWindowMillis, recordDataBytes, v, offTimeMillis, signatures);
  }

  public ScenarioConfig withOffTimeMillis(long v) {
    return new ScenarioConfig(nodes, durationMillis, warmupMillis, churn, records, seed, dht, lossRate, partition, sampleIntervalMillis, resolvesPerSecond, recordRefreshMillis, publishWindowMillis, recordDataBytes, replaceLeavers, v, signatures);
  }

  public ScenarioConfig withSignatures(SignatureScheme v) {
    return new ScenarioConfig(nodes, durationMillis, warmupMillis, churn, records, seed, dht, lossRate, partition, sampleIntervalMillis, resolvesPerSecond, recordRefreshMillis, publishWindowMillis, recordDataBytes, replaceLeavers, offTimeMillis, v);
  }
}
