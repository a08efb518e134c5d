package net.switchboard.overlay.testnet;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.identity.Identity;
import net.switchboard.seam.Endpoint;
import net.switchboard.overlay.node.NodeConfig;
import net.switchboard.seam.NodeLog;
import net.switchboard.overlay.node.OverlayNode;

/**
 * N real nodes on 127.0.0.1 sharing one Vert.x, built and joined in one call:
 *
 * <pre>{@code
 * try (LocalTestnet net = LocalTestnet.start(20)) {
 *   OverlayNode a = net.node(3);
 *   a.callAsync(dht -> dht.put(record)).get();
 * }
 * }</pre>
 *
 * Node 0 founds the network; the others join through the first live node, {@link
 * Options#parallelJoins} at a time.
 */
public final class LocalTestnet implements AutoCloseable {
  private static final long JOIN_TIMEOUT_SECONDS = 60;

  private final Vertx vertx;
  private final Options options;
  private final RandomGenerator seeds;
  private final List<OverlayNode> nodes = Collections.synchronizedList(new ArrayList<>());

  /**
   * How to build a testnet.
   *
   * @param dht protocol parameters of every node
   * @param parallelJoins nodes joining at the same time while growing
   * @param seed seeds identities and node randomness (reproducible ids); null for SecureRandom
   * @param dataDirRoot when set, node i keeps its data in {@code dataDirRoot/node-i}
   * @param log where node events go
   * @param eventLoops Vert.x event-loop threads the nodes share; 0 for Vert.x's default (twice the
   *     cores)
   */
  public record Options(DhtConfig dht, int parallelJoins, Long seed, Path dataDirRoot, NodeLog log, int eventLoops) {
    public Options {
      if (parallelJoins < 1) {
        throw new IllegalArgumentException("parallelJoins must be >= 1, got " + parallelJoins);
      }
      if (eventLoops < 0) {
        throw new IllegalArgumentException("eventLoops must be >= 0 (0: Vert.x default), got " + eventLoops);
      }
    }

    /** DHT defaults, 16 parallel joins, random identities, nothing on disk, silent, default event loops. */
    public static Options defaults() {
      return new Options(DhtConfig.defaults(), 16, null, null, NodeLog.silent(), 0);
    }

    public Options withEventLoops(int v) {
      return new Options(dht, parallelJoins, seed, dataDirRoot, log, v);
    }

    public Options withDht(DhtConfig v) {
      return new Options(v, parallelJoins, seed, dataDirRoot, log, eventLoops);
    }

    public Options withParallelJoins(int v) {
      return new Options(dht, v, seed, dataDirRoot, log, eventLoops);
    }

    public Options withSeed(long v) {
      return new Options(dht, parallelJoins, v, dataDirRoot, log, eventLoops);
    }

    public Options withDataDirRoot(Path v) {
      return new Options(dht, parallelJoins, seed, v, log, eventLoops);
    }

    public Options withLog(NodeLog v) {
      return new Options(dht, parallelJoins, seed, dataDirRoot, v, eventLoops);
    }
  }

  private LocalTestnet(Vertx vertx, Options options) {
    this.vertx = vertx;
    this.options = options;
    this.seeds = options.seed() == null ? new SecureRandom() : new SplittableRandom(options.seed());
  }

  /** {@code n} joined nodes with default options. */
  public static LocalTestnet start(int n) {
    return start(n, Options.defaults());
  }

  /** {@code n} joined nodes built with {@code options}; on failure everything started is closed. */
  public static LocalTestnet start(int n, Options options) {
    VertxOptions vertxOptions = new VertxOptions();
    if (options.eventLoops() > 0) {
      vertxOptions.setEventLoopPoolSize(options.eventLoops());
    }
    LocalTestnet net = new LocalTestnet(Vertx.vertx(vertxOptions), options);
    try {
      net.grow(n);
      return net;
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
  }

  /** Adds {@code n} nodes, each joined through the first live node, {@code parallelJoins} at a time. */
  public LocalTestnet grow(int n) {
    int added = 0;
    if (nodes.isEmpty() && n > 0) {
      await(addNode(List.of()));
      added++;
    }
    while (added < n) {
      int wave = Math.min(options.parallelJoins(), n - added);
      List<CompletableFuture<OverlayNode>> joining = new ArrayList<>();
      for (int i = 0; i < wave; i++) {
        joining.add(addNode(List.of(bootstrap())));
      }
      for (CompletableFuture<OverlayNode> f : joining) {
        await(f);
      }
      added += wave;
    }
    return this;
  }

  /** Starts one more node and joins it through {@code bootstrap}; completes once joined. */
  public CompletableFuture<OverlayNode> addNode(List<Endpoint> bootstrap) {
    int index;
    Identity identity;
    RandomGenerator random;
    synchronized (this) {
      index = nodes.size();
      nodes.add(null); // reserve the index
      identity = Identity.generate(seeds);
      random = options.seed() == null ? new SecureRandom() : new SplittableRandom(seeds.nextLong());
    }
    NodeConfig config = NodeConfig.defaults()
        .withHost("127.0.0.1")
        .withPort(0)
        .withBootstrap(bootstrap)
        .withDht(options.dht())
        .withValidators(NodeConfig.defaultValidators(options.dht()))
        .withDataDir(options.dataDirRoot() == null ? null : options.dataDirRoot().resolve("node-" + index));
    return OverlayNode.start(vertx, config, identity, random, options.log())
        .thenCompose(node -> {
          nodes.set(index, node);
          return node.join().thenApply(size -> node);
        });
  }

  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get(JOIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("a testnet node failed to start or join: " + e, e);
    }
  }

  /** Node {@code i} (0 founded the network). */
  public OverlayNode node(int i) {
    return nodes.get(i);
  }

  /** Every node started so far, killed ones included, in start order (null for one still starting). */
  public List<OverlayNode> nodes() {
    synchronized (nodes) {
      return Collections.unmodifiableList(new ArrayList<>(nodes));
    }
  }

  public int size() {
    return nodes.size();
  }

  /** The endpoint of the first live node (node 0 unless it was killed), for joining from outside. */
  public Endpoint bootstrap() {
    return live().stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no live node to bootstrap from"))
        .endpoint();
  }

  /** The nodes not killed or stopped, in start order. */
  public List<OverlayNode> live() {
    return nodes().stream().filter(n -> n != null && !n.isStopped()).toList();
  }

  /** The shared Vert.x instance. */
  public Vertx vertx() {
    return vertx;
  }

  /** Stops node {@code i} as a crash would (no snapshot, no goodbye); waits until its socket is closed. */
  public void kill(int i) {
    await(nodes.get(i).kill());
  }

  /** Stops every node and closes Vert.x. */
  @Override
  public void close() {
    List<CompletableFuture<Void>> stopping = new ArrayList<>();
    for (OverlayNode n : nodes()) {
      if (n != null) {
        stopping.add(options.dataDirRoot() == null ? n.kill() : n.stop());
      }
    }
    try {
      CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing Vert.x below closes whatever is left
    }
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not close Vert.x: " + e, e);
    }
  }
}
