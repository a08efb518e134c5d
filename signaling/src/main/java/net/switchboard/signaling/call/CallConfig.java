package net.switchboard.signaling.call;

/**
 * Timing of calls.
 *
 * @param ringTimeoutMillis how long a call may ring, on either side, before it ends TIMEOUT
 * @param connectTimeoutMillis how long from accept until media must be connected
 * @param autoAcceptGlare whether the losing side of glare accepts the winning call by itself (it
 *     was calling that person anyway)
 */
public record CallConfig(long ringTimeoutMillis, long connectTimeoutMillis, boolean autoAcceptGlare) {
  /** @throws IllegalArgumentException naming a non-positive timeout */
  public CallConfig {
    if (ringTimeoutMillis <= 0) {
      throw new IllegalArgumentException("ringTimeoutMillis must be > 0, got " + ringTimeoutMillis);
    }
    if (connectTimeoutMillis <= 0) {
      throw new IllegalArgumentException("connectTimeoutMillis must be > 0, got " + connectTimeoutMillis);
    }
  }

  /** 45 s of ringing, 20 s to connect, glare auto-accepted. */
  public static CallConfig defaults() {
    return builder().build();
  }

  /** A builder holding the defaults; set what differs by name. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this config's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ringTimeoutMillis = ringTimeoutMillis;
    b.connectTimeoutMillis = connectTimeoutMillis;
    b.autoAcceptGlare = autoAcceptGlare;
    return b;
  }

  /** Named settings of a {@link CallConfig}; {@link #build} checks them. */
  public static final class Builder {
    private long ringTimeoutMillis = 45_000;
    private long connectTimeoutMillis = 20_000;
    private boolean autoAcceptGlare = true;

    private Builder() {}

    public Builder ringTimeoutMillis(long v) {
      this.ringTimeoutMillis = v;
      return this;
    }

    public Builder connectTimeoutMillis(long v) {
      this.connectTimeoutMillis = v;
      return this;
    }

    public Builder autoAcceptGlare(boolean v) {
      this.autoAcceptGlare = v;
      return this;
    }

    /** @throws IllegalArgumentException naming the first setting out of range */
    public CallConfig build() {
      return new CallConfig(ringTimeoutMillis, connectTimeoutMillis, autoAcceptGlare);
    }
  }
}
