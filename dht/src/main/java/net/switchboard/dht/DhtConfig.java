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
    return builder().build();
  }

  public DhtConfig withK(int v) {
    return toBuilder().k(v).build();
  }

  public DhtConfig withAlpha(int v) {
    return toBuilder().alpha(v).build();
  }

  public DhtConfig withRpcTimeoutMillis(long v) {
    return toBuilder().rpcTimeoutMillis(v).build();
  }

  public DhtConfig withRpcRetries(int v) {
    return toBuilder().rpcRetries(v).build();
  }

  public DhtConfig withMaxFailures(int v) {
    return toBuilder().maxFailures(v).build();
  }

  public DhtConfig withRefreshIntervalMillis(long v) {
    return toBuilder().refreshIntervalMillis(v).build();
  }

  public DhtConfig withRepublishIntervalMillis(long v) {
    return toBuilder().republishIntervalMillis(v).build();
  }

  public DhtConfig withRecordTtlMillis(long v) {
    return toBuilder().recordTtlMillis(v).build();
  }

  public DhtConfig withMaxRecordLifetimeMillis(long v) {
    return toBuilder().maxRecordLifetimeMillis(v).build();
  }

  public DhtConfig withMaxStoredRecords(int v) {
    return toBuilder().maxStoredRecords(v).build();
  }

  public DhtConfig withVerifiedPeerCacheSize(int v) {
    return toBuilder().verifiedPeerCacheSize(v).build();
  }

  /** A builder holding the defaults; set what differs by name. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this config's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.k = k;
    b.alpha = alpha;
    b.rpcTimeoutMillis = rpcTimeoutMillis;
    b.rpcRetries = rpcRetries;
    b.maxFailures = maxFailures;
    b.refreshIntervalMillis = refreshIntervalMillis;
    b.republishIntervalMillis = republishIntervalMillis;
    b.recordTtlMillis = recordTtlMillis;
    b.maxRecordLifetimeMillis = maxRecordLifetimeMillis;
    b.maxStoredRecords = maxStoredRecords;
    b.verifiedPeerCacheSize = verifiedPeerCacheSize;
    return b;
  }

  /** Named settings of a {@link DhtConfig}; {@link #build} checks them. */
  public static final class Builder {
    private int k = 20;
    private int alpha = 3;
    private long rpcTimeoutMillis = 1000;
    private int rpcRetries = 1;
    private int maxFailures = 2;
    private long refreshIntervalMillis = HOUR;
    private long republishIntervalMillis = 20 * MINUTE;
    private long recordTtlMillis = 24 * HOUR;
    private long maxRecordLifetimeMillis = 50 * HOUR;
    private int maxStoredRecords = 100_000;
    private int verifiedPeerCacheSize = 1024;

    private Builder() {}

    public Builder k(int v) {
      this.k = v;
      return this;
    }

    public Builder alpha(int v) {
      this.alpha = v;
      return this;
    }

    public Builder rpcTimeoutMillis(long v) {
      this.rpcTimeoutMillis = v;
      return this;
    }

    public Builder rpcRetries(int v) {
      this.rpcRetries = v;
      return this;
    }

    public Builder maxFailures(int v) {
      this.maxFailures = v;
      return this;
    }

    public Builder refreshIntervalMillis(long v) {
      this.refreshIntervalMillis = v;
      return this;
    }

    public Builder republishIntervalMillis(long v) {
      this.republishIntervalMillis = v;
      return this;
    }

    public Builder recordTtlMillis(long v) {
      this.recordTtlMillis = v;
      return this;
    }

    public Builder maxRecordLifetimeMillis(long v) {
      this.maxRecordLifetimeMillis = v;
      return this;
    }

    public Builder maxStoredRecords(int v) {
      this.maxStoredRecords = v;
      return this;
    }

    public Builder verifiedPeerCacheSize(int v) {
      this.verifiedPeerCacheSize = v;
      return this;
    }

    /** @throws IllegalArgumentException naming the first setting out of range */
    public DhtConfig build() {
      return new DhtConfig(k, alpha, rpcTimeoutMillis, rpcRetries, maxFailures, refreshIntervalMillis, republishIntervalMillis, recordTtlMillis, maxRecordLifetimeMillis, maxStoredRecords, verifiedPeerCacheSize);
    }
  }
}
