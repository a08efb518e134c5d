package net.switchboard.gateway;

/**
 * Settings of a {@link GatewayServer}.
 *
 * @param host address to listen on (browsers need a secure context: serve on localhost, or put
 *     TLS in front)
 * @param port HTTP port, 0 for any free one
 * @param deliveryTimeoutMillis how long an envelope for a page waits for the page's acknowledgement
 * @param maxRecordsPerSession contact records one session may have published at once
 */
public record GatewayConfig(String host, int port, long deliveryTimeoutMillis, int maxRecordsPerSession) {
  public static final int DEFAULT_PORT = 8080;

  public GatewayConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("gateway port must be 0..65535, got " + port);
    }
  }

  /** localhost:8080. */
  public static GatewayConfig defaults() {
    return new GatewayConfig("localhost", DEFAULT_PORT, 20_000, 4);
  }

  public GatewayConfig withHost(String v) {
    return new GatewayConfig(v, port, deliveryTimeoutMillis, maxRecordsPerSession);
  }

  public GatewayConfig withPort(int v) {
    return new GatewayConfig(host, v, deliveryTimeoutMillis, maxRecordsPerSession);
  }
}
