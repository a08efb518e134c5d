package net.switchboard.dht;

/**
 * Protocol parameters of a node. Defaults are what the churn simulations showed to keep records
 * alive (see docs/simulations.md); every value is checked when built.
 *
 * @param k bucket size and replication factor
 * @param alpha parallel queries per lookup
 * @param rpcTimeoutMillis time to wait for one response
 * @param rpcRetries resends of a request before it counts as failed
 * @param maxFailures consecutive failures before a contact leaves the routing table
 * @param refreshIntervalMillis a bucket with no lookup for this long gets a refresh lookup
 * @param republishIntervalMillis how often held records are re-stored to the k closest nodes
 * @param recordTtlMillis lifetime of records this node publishes
 * @param maxRecordLifetimeMillis how far in the future a stored record's expiry may lie
 * @param maxStoredRecords records held for others before STOREs are refused
 * @param verifiedPeerCacheSize endpoints whose id proof is remembered
 */
public record DhtConfig(
    int k,
    int alpha,
    long rpcTimeoutMillis,
    int rpcRetries,
    int maxFailures,
    long refreshIntervalMillis,
    long republishIntervalMillis,
    long recordTtlMillis,
    long maxRecordLifetimeMillis,
    int maxStoredRecords,
    int verifiedPeerCacheSize) {

  public static final long SECOND = 1000;
  public static final long MINUTE = 60 * SECOND;
  public static final long HOUR = 60 * MINUTE;

  public DhtConfig {
    require(k >= 1 && k <= 32, "k must be 1..32", k);
    require(alpha >= 1 && alpha <= 16, "alpha must be 1..16", alpha);
    require(rpcTimeoutMillis >= 1, "rpcTimeoutMillis must be >= 1", rpcTimeoutMillis);
    require(rpcRetries >= 0 && rpcRetries <= 5, "rpcRetries must be 0..5", rpcRetries);
    require(maxFailures >= 1, "maxFailures must be >= 1", maxFailures);
    require(refreshIntervalMillis >= 1, "refreshIntervalMillis must be >= 1", refreshIntervalMillis);
    require(republishIntervalMillis >= 1, "republishIntervalMillis must be >= 1", republishIntervalMillis);
    require(recordTtlMillis >= 1, "recordTtlMillis must be >= 1", recordTtlMillis);
    require(maxRecordLifetimeMillis >= recordTtlMillis, "maxRecordLifetimeMillis must be >= recordTtlMillis", maxRecordLifetimeMillis);
    require(maxStoredRecords >= 1, "maxStoredRecords must be >= 1", maxStoredRecords);
    require(verifiedPeerCacheSize >= 16, "verifiedPeerCacheSize must be >= 16", verifiedPeerCacheSize);
  }

  private static void require(boolean ok, String what, long value) {
    if (!ok) {
      throw new IllegalArgumentException(what + ", got " + value);
    }
  }

  /** The defaults. */
  public static DhtConfig defaults() {
    return new DhtConfig(20, 3, 1000, 1, 2, HOUR, 20 * MINUTE, 24 * HOUR, 50 * HOUR, 100_000, 1024);
  }

  public DhtConfig withK(int v) {
    return new DhtConfig(v, alpha, rpcTimeoutMillis, rpcRetries, maxFailures, refreshIntervalMillis, republishIntervalMillis, recordTtlMillis, maxRecordLifetimeMillis, maxStoredRecords, verifiedPeerCacheSize);
  }

  public DhtConfig withAlpha(int v) {
    return new DhtConfig(k, v, rpcTimeoutMillis, rpcRetries, maxFailures, refreshIntervalMillis, republishIntervalMillis, recordTtlMillis, maxRecordLifetimeMillis, maxStoredRecords, verifiedPeerCacheSize);
  }

  public DhtConfig withRpcTimeoutMillis(long v) {
    return new DhtConfig(k, alpha, v, rpcRetries, maxFailures, refreshIntervalMillis, republishIntervalMillis, recordTtlMillis, maxRecordLifetimeMillis, maxStoredRecords, verifiedPeerCacheSize);
  }

  public DhtConfig withRpcRetries(int v) {
    return new DhtConfig(k, alpha, rpcTimeoutMillis, v, maxFailures, refreshIntervalMillis, republishIntervalMillis, recordTtlMillis, maxRecordLifetimeMillis, maxStoredRecords, verifiedPeerCacheSize);
  }

  public DhtConfig withMaxFailures(int v) {
    return new DhtConfig(k, alpha, rpcTimeoutMillis, rpcRetries, v, refreshIntervalMillis, republishIntervalMillis, recordTtlMillis, maxRecordLifetimeMillis, maxStoredRecords, verifiedPeerCacheSize);
  }

  public DhtConfig withRefreshIntervalMillis(long v) {
    return new DhtConfig(k, alpha, rpcTimeoutMillis, rpcRetries, maxFailures, v, republishIntervalMillis, recordTtlMillis, maxRecordLifetimeMillis, maxStoredRecords, verifiedPeerCacheSize);
  }

  public DhtConfig withRepublishIntervalMillis(long v) {
    return new DhtConfig(k, alpha, rpcTimeoutMillis, rpcRetries, maxFailures, refreshIntervalMillis, v, recordTtlMillis, maxRecordLifetimeMillis, maxStoredRecords, verifiedPeerCacheSize);
  }

  public DhtConfig withRecordTtlMillis(long v) {
    return new DhtConfig(k, alpha, rpcTimeoutMillis, rpcRetries, maxFailures, refreshIntervalMillis, republishIntervalMillis, v, Math.max(v, maxRecordLifetimeMillis), maxStoredRecords, verifiedPeerCacheSize);
  }

  public DhtConfig withMaxRecordLifetimeMillis(long v) {
    return new DhtConfig(k, alpha, rpcTimeoutMillis, rpcRetries, maxFailures, refreshIntervalMillis, republishIntervalMillis, recordTtlMillis, v, maxStoredRecords, verifiedPeerCacheSize);
  }

  public DhtConfig withMaxStoredRecords(int v) {
    return new DhtConfig(k, alpha, rpcTimeoutMillis, rpcRetries, maxFailures, refreshIntervalMillis, republishIntervalMillis, recordTtlMillis, maxRecordLifetimeMillis, v, verifiedPeerCacheSize);
  }

  public DhtConfig withVerifiedPeerCacheSize(int v) {
    return new DhtConfig(k, alpha, rpcTimeoutMillis, rpcRetries, maxFailures, refreshIntervalMillis, republishIntervalMillis, recordTtlMillis, maxRecordLifetimeMillis, maxStoredRecords, v);
  }
}
