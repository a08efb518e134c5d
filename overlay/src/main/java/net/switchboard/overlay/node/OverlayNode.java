package net.switchboard.overlay.node;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.routing.Contact;
import net.switchboard.overlay.metrics.NodeMetrics;
import net.switchboard.overlay.persist.DataDir;
import net.switchboard.overlay.runtime.NodeContexts;
import net.switchboard.overlay.runtime.VertxScheduler;
import net.switchboard.overlay.runtime.VertxUdpTransport;
import net.switchboard.seam.Endpoint;
import net.switchboard.seam.Failures;
import net.switchboard.seam.NodeLog;
import net.switchboard.seam.Scheduler;

/**
 * One running node: a {@link DhtNode} on its own Vert.x event-loop context with a real UDP socket,
 * warm-started from the routing snapshot in its data directory and saving that snapshot
 * periodically and on {@link #stop()}.
 *
 * <p>The {@code DhtNode} lives on the node's thread: reach it through {@link #call} or {@link
 * #callAsync}, which run on that thread and return futures any thread may wait on.
 */
public final class OverlayNode {
  private static final int REJOIN_CONTACTS = 8;
  private static final long FIRST_JOIN_RETRY_MILLIS = 5_000;
  private static final long MAX_JOIN_RETRY_MILLIS = 300_000;

  private final NodeConfig config;
  private final Identity identity;
  private final RandomGenerator random;
  private final VertxScheduler scheduler;
  private final VertxUdpTransport transport;
  private final DataDir dataDir;
  private final AutoCloseable dataDirLock;
  private final SnapshotSaver snapshots;
  private final NodeLog log;
  private final long startedAtMillis;
  private final List<String> addresses;
  private final List<Contact> warmContacts;
  // node thread only
  private DhtNode dht;
  private NodeMetrics metrics;
  private Scheduler.Cancellable snapshotTimer;
  private Scheduler.Cancellable joinRetry;
  private boolean stopping;
  // any thread, guarded by this
  private CompletableFuture<Void> stopped;

  private OverlayNode(
      NodeConfig config, Identity identity, RandomGenerator random, VertxScheduler scheduler,
      VertxUdpTransport transport, DataDir dataDir, AutoCloseable dataDirLock, List<Contact> warmContacts,
      NodeLog log) {
    this.config = config;
    this.identity = identity;
    this.random = random;
    this.scheduler = scheduler;
    this.transport = transport;
    this.dataDir = dataDir;
    this.dataDirLock = dataDirLock;
    this.warmContacts = warmContacts;
    this.log = log;
    this.snapshots = dataDir == null ? null : new SnapshotSaver(dataDir, scheduler.context(), log);
    this.startedAtMillis = scheduler.nowMillis();
    this.addresses = NodeAddresses.of(transport.localEndpoint());
  }

  /**
   * Binds the UDP socket, builds and starts the DHT node on a fresh event-loop context of {@code
   * vertx}, and adds the contacts of the routing snapshot in {@code config.dataDir()} (if any) to
   * its routing table. Does not join: call {@link #join()} or {@link #keepJoining()} next. Call
   * from a non-event-loop thread (reads the snapshot file).
   */
  public static CompletableFuture<OverlayNode> start(
      Vertx vertx, NodeConfig config, Identity identity, RandomGenerator random, NodeLog log) {
    DataDir dataDir = null;
    AutoCloseable lock = null;
    List<Contact> warm = List.of();
    try {
      if (config.dataDir() != null) {
        dataDir = DataDir.open(config.dataDir());
        lock = dataDir.lock();
        warm = readSnapshot(dataDir, log);
      }
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    Context context = NodeContexts.newEventLoopContext(vertx);
    VertxScheduler scheduler = new VertxScheduler(context);
    DataDir dir = dataDir;
    AutoCloseable dirLock = lock;
    List<Contact> warmContacts = warm;
    return VertxUdpTransport.bind(context, config.host(), config.port())
        .exceptionallyCompose(e -> {
          release(dirLock);
          return CompletableFuture.failedFuture(new IOException(
              "cannot bind UDP " + config.host() + ":" + config.port() + ": " + rootMessage(e), e));
        })
        .thenCompose(transport -> {
          OverlayNode node =
              new OverlayNode(config, identity, random, scheduler, transport, dir, dirLock, warmContacts, log);
          CompletableFuture<OverlayNode> booted = new CompletableFuture<>();
          scheduler.execute(() -> {
            try {
              node.boot();
              booted.complete(node);
            } catch (RuntimeException e) {
              transport.close();
              release(dirLock);
              booted.completeExceptionally(e);
            }
          });
          return booted;
        });
  }

  private static List<Contact> readSnapshot(DataDir dir, NodeLog log) {
    try {
      return dir.loadRoutingSnapshot();
    } catch (IOException e) {
      log.info("ignoring unreadable routing snapshot " + dir.routingFile() + ": " + e.getMessage());
      return List.of();
    }
  }

  /** On the node thread. */
  private void boot() {
    dht = new DhtNode(identity, transport, scheduler, random, config.dht(), config.validators());
    metrics = new NodeMetrics(dht.metrics());
    metrics.events("switchboard_transport_events", "UDP transport events (datagrams sent, received, dropped)",
        () -> transport.counters().snapshot());
    metrics.gauge("switchboard_routing_table_contacts", "Contacts in the routing table", dht::routingTableSize);
    metrics.gauge("switchboard_records_held", "Records held in the store", () -> dht.store().size());
    dht.start();
    log.info("listening on udp " + transport.localEndpoint() + " as " + identity.printed()
        + " (node id " + dht.id().toHex() + ")");
    if (!warmContacts.isEmpty()) {
      dht.warmStart(warmContacts);
      log.info("warm start: " + dht.routingTableSize() + " contacts from " + dataDir.routingFile());
    }
    if (snapshots != null) {
      scheduleSnapshot();
    }
  }

  private void scheduleSnapshot() {
    snapshotTimer = scheduler.schedule(config.snapshotIntervalMillis(), () -> {
      if (!stopping) {
        snapshots.save(dht.routingSnapshot());
        scheduleSnapshot();
      }
    });
  }

  /**
   * Joins through the configured bootstrap nodes or, with none configured, through up to {@value
   * #REJOIN_CONTACTS} contacts of the warm-start snapshot closest to this node. Completes with the
   * routing-table size; with neither, this node founds a network and completes at once.
   */
  public CompletableFuture<Integer> join() {
    return callAsync(d -> {
      List<Endpoint> via = joinEndpoints(d);
      return via.isEmpty() ? CompletableFuture.completedFuture(d.routingTableSize()) : d.join(via);
    });
  }

  private List<Endpoint> joinEndpoints(DhtNode d) {
    if (!config.bootstrap().isEmpty()) {
      return config.bootstrap();
    }
    List<Endpoint> via = new ArrayList<>();
    for (Contact c : d.routingTable().closest(d.id(), REJOIN_CONTACTS)) {
      via.add(c.endpoint());
    }
    return via;
  }

  /**
   * Like {@link #join()}, but retries after a failure (5 s, doubling up to 5 min) until it
   * succeeds or the node stops; logs each outcome. The future completes on the first success.
   */
  public CompletableFuture<Integer> keepJoining() {
    CompletableFuture<Integer> joined = new CompletableFuture<>();
    attemptJoin(joined, FIRST_JOIN_RETRY_MILLIS);
    return joined;
  }

  private void attemptJoin(CompletableFuture<Integer> joined, long retryMillis) {
    join().whenComplete((size, err) -> {
      if (err == null) {
        if (config.bootstrap().isEmpty() && size == 0) {
          log.info("no bootstrap given: founding a new network");
        } else {
          log.info("joined with " + size + " contacts");
        }
        joined.complete(size);
        return;
      }
      if (stopping) {
        return;
      }
      log.info("join failed (" + rootMessage(err) + "); retrying in " + retryMillis / 1000 + " s");
      joinRetry = scheduler.schedule(
          retryMillis, () -> attemptJoin(joined, Math.min(retryMillis * 2, MAX_JOIN_RETRY_MILLIS)));
    });
  }

  /** Runs {@code f} on the node thread with the DHT node; the future completes with its result. */
  public <T> CompletableFuture<T> call(Function<DhtNode, T> f) {
    CompletableFuture<T> result = new CompletableFuture<>();
    scheduler.execute(() -> {
      try {
        result.complete(f.apply(dht));
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    });
    return result;
  }

  /** Like {@link #call} for an operation that itself returns a future (put, get, join). */
  public <T> CompletableFuture<T> callAsync(Function<DhtNode, CompletableFuture<T>> f) {
    return call(f).thenCompose(Function.identity());
  }

  /** Graceful stop: saves the routing snapshot, stops the DHT, closes the socket. Idempotent. */
  public CompletableFuture<Void> stop() {
    return shutdown(true);
  }

  /** Stops as a crash would look to the network: no snapshot, no goodbye, socket closed. Idempotent. */
  public CompletableFuture<Void> kill() {
    return shutdown(false);
  }

  private synchronized CompletableFuture<Void> shutdown(boolean graceful) {
    if (stopped != null) {
      return stopped;
    }
    stopped = call(d -> {
          stopping = true;
          cancel(snapshotTimer);
          cancel(joinRetry);
          List<Contact> contacts = d.routingSnapshot();
          d.stop();
          return contacts;
        })
        .thenCompose(contacts -> graceful && snapshots != null
            ? snapshots.save(contacts)
            : CompletableFuture.<Void>completedFuture(null))
        .thenCompose(v -> transport.close())
        .whenComplete((v, e) -> {
          release(dataDirLock);
          log.info(graceful ? "stopped" : "killed");
        });
    return stopped;
  }

  private static void release(AutoCloseable lock) {
    if (lock != null) {
      try {
        lock.close();
      } catch (Exception e) {
        // the lock dies with the process anyway
      }
    }
  }

  private static void cancel(Scheduler.Cancellable c) {
    if (c != null) {
      c.cancel();
    }
  }

  /** True once {@link #stop()} or {@link #kill()} was called. */
  public synchronized boolean isStopped() {
    return stopped != null;
  }

  static String rootMessage(Throwable e) {
    return Failures.rootMessage(e);
  }

  // ---- views (any thread) ---------------------------------------------------------------------

  public Identity identity() {
    return identity;
  }

  public NodeConfig config() {
    return config;
  }

  /** The bound UDP endpoint (may be a wildcard address). */
  public Endpoint endpoint() {
    return transport.localEndpoint();
  }

  /** The bound endpoint, or for a wildcard bind every local address with the bound port. */
  public List<String> addresses() {
    return addresses;
  }

  public VertxScheduler scheduler() {
    return scheduler;
  }

  public VertxUdpTransport transport() {
    return transport;
  }

  /** The data directory, or null when the node keeps nothing on disk. */
  public DataDir dataDir() {
    return dataDir;
  }

  public long startedAtMillis() {
    return startedAtMillis;
  }

  /**
   * The DHT node. Its methods may be called only on the node thread: use {@link #call} from
   * elsewhere.
   */
  public DhtNode dht() {
    return dht;
  }

  /**
   * The node's Prometheus metrics; features (calls, the gateway) add their families here. Set once
   * the node has booted (before {@link #start}'s future completes).
   */
  public NodeMetrics metrics() {
    return metrics;
  }
}
