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
    return new RouteConfig(16, 5000, 400, 3, 500, 1000, 65536, 4 << 20);
  }
}
