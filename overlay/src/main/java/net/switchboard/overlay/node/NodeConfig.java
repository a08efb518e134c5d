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
    DhtConfig dht = DhtConfig.defaults();
    return new NodeConfig(
        "0.0.0.0", DEFAULT_PORT, List.of(), dht, defaultValidators(dht), null, 60_000);
  }

  /** The validators every node runs: namespace 1 signed records, namespace 2 contact records. */
  public static List<NamespaceValidator> defaultValidators(DhtConfig dht) {
    return net.switchboard.signaling.directory.StandardValidators.of(dht);
  }

  public NodeConfig withHost(String v) {
    return new NodeConfig(v, port, bootstrap, dht, validators, dataDir, snapshotIntervalMillis);
  }

  public NodeConfig withPort(int v) {
    return new NodeConfig(host, v, bootstrap, dht, validators, dataDir, snapshotIntervalMillis);
  }

  public NodeConfig withBootstrap(List<Endpoint> v) {
    return new NodeConfig(host, port, v, dht, validators, dataDir, snapshotIntervalMillis);
  }

  /** Changes the DHT parameters; the validators stay as they are. */
  public NodeConfig withDht(DhtConfig v) {
    return new NodeConfig(host, port, bootstrap, v, validators, dataDir, snapshotIntervalMillis);
  }

  public NodeConfig withValidators(List<NamespaceValidator> v) {
    return new NodeConfig(host, port, bootstrap, dht, v, dataDir, snapshotIntervalMillis);
  }

  public NodeConfig withDataDir(Path v) {
    return new NodeConfig(host, port, bootstrap, dht, validators, v, snapshotIntervalMillis);
  }

  public NodeConfig withSnapshotIntervalMillis(long v) {
    return new NodeConfig(host, port, bootstrap, dht, validators, dataDir, v);
  }
}
