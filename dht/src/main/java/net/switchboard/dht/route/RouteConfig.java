package net.switchboard.dht.route;

/**
 * Parameters of key-based routing.
 *
 * @param maxHops hop limit of a routed message
 * @param timeoutMillis how long an origin waits for the reply
 * @param hopTimeoutMillis how long a hop waits for the next hop's acknowledgement before routing around it
 * @param attemptsPerHop next hops tried before a hop gives up and answers NOT_FOUND
 * @param ratePerSecond fragments accepted per second from one previous hop
 * @param burst fragments a previous hop may send at once
 * @param maxPayloadBytes largest payload routed (fragmented on the way)
 * @param maxReassemblyBytes bytes a node buffers for incomplete messages
 */
public record RouteConfig(
    int maxHops,
    long timeoutMillis,
    long hopTimeoutMillis,
    int attemptsPerHop,
    double ratePerSecond,
    double burst,
    int maxPayloadBytes,
    int maxReassemblyBytes) {

  public RouteConfig {
    if (maxHops < 1 || maxHops > 16) {
      throw new IllegalArgumentException("maxHops must be 1..16, got " + maxHops);
    }
    if (timeoutMillis < 1 || hopTimeoutMillis < 1 || attemptsPerHop < 1) {
      throw new IllegalArgumentException("timeouts and attempts must be positive");
    }
    if (ratePerSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate limits must be positive");
    }
    if (maxPayloadBytes < 1 || maxPayloadBytes > 65536) {
      throw new IllegalArgumentException("maxPayloadBytes must be 1..65536, got " + maxPayloadBytes);
    }
  }

  public static RouteConfig defaults() {
    return builder().build();
  }

  /** A builder holding the defaults; set what differs by name. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this config's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxHops = maxHops;
    b.timeoutMillis = timeoutMillis;
    b.hopTimeoutMillis = hopTimeoutMillis;
    b.attemptsPerHop = attemptsPerHop;
    b.ratePerSecond = ratePerSecond;
    b.burst = burst;
    b.maxPayloadBytes = maxPayloadBytes;
    b.maxReassemblyBytes = maxReassemblyBytes;
    return b;
  }

  /** Named settings of a {@link RouteConfig}; {@link #build} checks them. */
  public static final class Builder {
    private int maxHops = 16;
    private long timeoutMillis = 5000;
    private long hopTimeoutMillis = 400;
    private int attemptsPerHop = 3;
    private double ratePerSecond = 500;
    private double burst = 1000;
    private int maxPayloadBytes = 65536;
    private int maxReassemblyBytes = 4 << 20;

    private Builder() {}

    public Builder maxHops(int v) {
      this.maxHops = v;
      return this;
    }

    public Builder timeoutMillis(long v) {
      this.timeoutMillis = v;
      return this;
    }

    public Builder hopTimeoutMillis(long v) {
      this.hopTimeoutMillis = v;
      return this;
    }

    public Builder attemptsPerHop(int v) {
      this.attemptsPerHop = v;
      return this;
    }

    public Builder ratePerSecond(double v) {
      this.ratePerSecond = v;
      return this;
    }

    public Builder burst(double v) {
      this.burst = v;
      return this;
    }

    public Builder maxPayloadBytes(int v) {
      this.maxPayloadBytes = v;
      return this;
    }

    public Builder maxReassemblyBytes(int v) {
      this.maxReassemblyBytes = v;
      return this;
    }

    /** @throws IllegalArgumentException naming the first setting out of range */
    public RouteConfig build() {
      return new RouteConfig(maxHops, timeoutMillis, hopTimeoutMillis, attemptsPerHop, ratePerSecond, burst, maxPayloadBytes, maxReassemblyBytes);
    }
  }
}
