package net.switchboard.overlay.node;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.record.NamespaceValidator;
import net.switchboard.seam.Endpoint;

/**
 * Everything a node is configured with. Checked when built; withers return changed copies.
 *
 * @param host address to bind UDP on (a literal, e.g. 0.0.0.0 or 127.0.0.1)
 * @param port UDP port, 0 for any free port
 * @param bootstrap nodes to join through; empty founds a new network (or rejoins via the snapshot)
 * @param dht protocol parameters
 * @param validators namespace validators (namespace 1 signed records by default)
 * @param dataDir where the routing snapshot is kept, or null to keep nothing on disk
 * @param snapshotIntervalMillis how often the routing snapshot is saved while running
 */
public record NodeConfig(
    String host,
    int port,
    List<Endpoint> bootstrap,
    DhtConfig dht,
    List<NamespaceValidator> validators,
    Path dataDir,
    long snapshotIntervalMillis) {

  /** Default UDP port. */
  public static final int DEFAULT_PORT = 7400;

  public NodeConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    try {
      InetAddress.getByName(host);
    } catch (UnknownHostException | RuntimeException e) {
      throw new IllegalArgumentException("cannot bind to host '" + host + "'");
    }
    if (snapshotIntervalMillis < 1) {
      throw new IllegalArgumentException("snapshotIntervalMillis must be >= 1, got " + snapshotIntervalMillis);
    }
    bootstrap = List.copyOf(bootstrap);
    validators = List.copyOf(validators);
  }

  /** 0.0.0.0:7400, no bootstrap, DHT defaults, signed-record validator, nothing on disk, snapshot each minute. */
  public static NodeConfig defaults() {
    return builder().build();
  }

  /** The validators every node runs: namespace 1 signed records, namespace 2 contact records. */
  public static List<NamespaceValidator> defaultValidators(DhtConfig dht) {
    return net.switchboard.signaling.directory.StandardValidators.of(dht);
  }

  public NodeConfig withHost(String v) {
    return toBuilder().host(v).build();
  }

  public NodeConfig withPort(int v) {
    return toBuilder().port(v).build();
  }

  public NodeConfig withBootstrap(List<Endpoint> v) {
    return toBuilder().bootstrap(v).build();
  }

  /** Changes the DHT parameters; the validators stay as they are. */
  public NodeConfig withDht(DhtConfig v) {
    return toBuilder().dht(v).build();
  }

  public NodeConfig withValidators(List<NamespaceValidator> v) {
    return toBuilder().validators(v).build();
  }

  public NodeConfig withDataDir(Path v) {
    return toBuilder().dataDir(v).build();
  }

  public NodeConfig withSnapshotIntervalMillis(long v) {
    return toBuilder().snapshotIntervalMillis(v).build();
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
    b.bootstrap = bootstrap;
    b.dht = dht;
    b.validators = validators;
    b.dataDir = dataDir;
    b.snapshotIntervalMillis = snapshotIntervalMillis;
    return b;
  }

  /** Named settings of a {@link NodeConfig}; {@link #build} checks them. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = DEFAULT_PORT;
    private List<Endpoint> bootstrap = List.of();
    private DhtConfig dht = DhtConfig.defaults();
    private List<NamespaceValidator> validators = defaultValidators(DhtConfig.defaults());
    private Path dataDir = null;
    private long snapshotIntervalMillis = 60_000;

    private Builder() {}

    public Builder host(String v) {
      this.host = v;
      return this;
    }

    public Builder port(int v) {
      this.port = v;
      return this;
    }

    public Builder bootstrap(List<Endpoint> v) {
      this.bootstrap = v;
      return this;
    }

    public Builder dht(DhtConfig v) {
      this.dht = v;
      return this;
    }

    public Builder validators(List<NamespaceValidator> v) {
      this.validators = v;
      return this;
    }

    public Builder dataDir(Path v) {
      this.dataDir = v;
      return this;
    }

    public Builder snapshotIntervalMillis(long v) {
      this.snapshotIntervalMillis = v;
      return this;
    }

    /** @throws IllegalArgumentException naming the first setting out of range */
    public NodeConfig build() {
      return new NodeConfig(host, port, bootstrap, dht, validators, dataDir, snapshotIntervalMillis);
    }
  }
}
