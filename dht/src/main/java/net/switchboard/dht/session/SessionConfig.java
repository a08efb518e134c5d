package net.switchboard.dht.session;

/**
 * Settings of the session layer.
 *
 * @param retryMillis how long a handshake packet waits for its answer before it is sent again,
 *     doubled after every try (250 ms: tries at 0, 0.25, 0.75 and 1.75 s, given up at 3.75 s)
 * @param attempts how many times HELLO and INIT are each sent before the peer counts as unreachable
 * @param maxSessions sessions kept, least recently used dropped first (a dropped peer handshakes again)
 * @param idleMillis a session with nothing received for this long is not used to send
 * @param maxQueued payloads held per endpoint while its handshake runs; more are dropped and counted
 */
public record SessionConfig(long retryMillis, int attempts, int maxSessions, long idleMillis, int maxQueued) {
  public SessionConfig {
    if (retryMillis < 1 || attempts < 1 || attempts > 16 || maxSessions < 1 || idleMillis < 1 || maxQueued < 1) {
      throw new IllegalArgumentException("session settings must be >= 1 (attempts at most 16): " + retryMillis + "/" + attempts + "/"
          + maxSessions + "/" + idleMillis + "/" + maxQueued);
    }
  }

  /** 250 ms between tries, 4 tries, 4096 sessions, 10 minutes idle, 32 queued payloads. */
  public static SessionConfig defaults() {
    return new SessionConfig(250, 4, 4096, 10 * 60_000, 32);
  }
}
