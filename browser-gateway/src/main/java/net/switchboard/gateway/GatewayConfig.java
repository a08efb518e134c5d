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
    return builder().build();
  }

  public GatewayConfig withHost(String v) {
    return toBuilder().host(v).build();
  }

  public GatewayConfig withPort(int v) {
    return toBuilder().port(v).build();
  }

  /** A builder holding the defaults; set what differs by name. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this config's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.deliveryTimeoutMillis = deliveryTimeoutMillis;
    b.maxRecordsPerSession = maxRecordsPerSession;
    return b;
  }

  /** Named settings of a {@link GatewayConfig}; {@link #build} checks them. */
  public static final class Builder {
    private String host = "localhost";
    private int port = DEFAULT_PORT;
    private long deliveryTimeoutMillis = 20_000;
    private int maxRecordsPerSession = 4;

    private Builder() {}

    public Builder host(String v) {
      this.host = v;
      return this;
    }

    public Builder port(int v) {
      this.port = v;
      return this;
    }

    public Builder deliveryTimeoutMillis(long v) {
      this.deliveryTimeoutMillis = v;
      return this;
    }

    public Builder maxRecordsPerSession(int v) {
      this.maxRecordsPerSession = v;
      return this;
    }

    /** @throws IllegalArgumentException naming the first setting out of range */
    public GatewayConfig build() {
      return new GatewayConfig(host, port, deliveryTimeoutMillis, maxRecordsPerSession);
    }
  }
}
