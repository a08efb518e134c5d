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
    return new CallConfig(45_000, 20_000, true);
  }
}
