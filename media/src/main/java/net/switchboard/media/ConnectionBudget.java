package net.switchboard.media;

/**
 * Limits peer connections: how many may be open at once and how many a process may ever create.
 *
 * <p>{@code RTCPeerConnection.close()} in webrtc-java 0.14.0 does not free the connection's native
 * memory (about 65 KB each), so a long-lived node must bound the lifetime total as well as the
 * concurrent count. Thread-safe.
 */
public final class ConnectionBudget {
  private final int maxLive;
  private final long maxLifetime;
  private int live;
  private long created;

  /**
   * @param maxLive most connections open at the same time
   * @param maxLifetime most connections ever created by this process
   */
  public ConnectionBudget(int maxLive, long maxLifetime) {
    if (maxLive < 1 || maxLifetime < 1) {
      throw new IllegalArgumentException("budget limits must be positive");
    }
    this.maxLive = maxLive;
    this.maxLifetime = maxLifetime;
  }

  /** Takes one connection from the budget or throws {@link MediaException} when none is left. */
  public synchronized void acquire() {
    if (live >= maxLive) {
      throw new MediaException("too many live calls (" + live + " of " + maxLive + ")");
    }
    if (created >= maxLifetime) {
      throw new MediaException(
          "connection budget of this process used up (" + maxLifetime + "); restart the node");
    }
    live++;
    created++;
  }

  /** Returns one live connection (the lifetime count stays). */
  public synchronized void release() {
    if (live > 0) {
      live--;
    }
  }

  /** Connections open now. */
  public synchronized int live() {
    return live;
  }

  /** Connections created so far. */
  public synchronized long created() {
    return created;
  }

  /** 64 live connections, 10 000 in the life of the process (about 650 MB of leaked native memory). */
  public static ConnectionBudget defaults() {
    return new ConnectionBudget(64, 10_000);
  }
}
