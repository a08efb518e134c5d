package net.switchboard.dht;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.lookup.Lookup;
import net.switchboard.dht.lookup.LookupOutcome;
import net.switchboard.dht.lookup.LookupRunner;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.NamespaceValidator;
import net.switchboard.dht.record.RecordRejectedException;
import net.switchboard.dht.record.RecordStore;
import net.switchboard.dht.record.Validators;
import net.switchboard.dht.route.RouteConfig;
import net.switchboard.dht.route.RouteHandler;
import net.switchboard.dht.route.RouteReply;
import net.switchboard.dht.route.Router;
import net.switchboard.dht.routing.Contact;
import net.switchboard.dht.routing.RoutingTable;
import net.switchboard.dht.routing.TouchResult;
import net.switchboard.dht.rpc.ResponseHandler;
import net.switchboard.dht.rpc.RpcEngine;
import net.switchboard.seam.Endpoint;
import net.switchboard.seam.Scheduler;
import net.switchboard.seam.Transport;
import net.switchboard.dht.wire.Body;

/**
 * One Kademlia node: the composition of routing table, RPC engine, lookups, record store and
 * replication, reaching the world only through its {@link Transport}, {@link Scheduler} and
 * injected randomness. Every method must be called on the node's scheduler thread; returned
 * futures complete there.
 */
public final class DhtNode {
  private final Identity identity;
  private final Transport transport;
  private final Scheduler scheduler;
  private final RandomGenerator random;
  private final DhtConfig config;
  private final Validators validators;
  private final DhtMetrics metrics = new DhtMetrics();
  private final RoutingTable table;
  private final RecordStore store;
  private final RpcEngine rpc;
  private final LookupRunner lookups;
  private final Replicator replicator;
  private final Router router;
  private final Set<Endpoint> pingBacksInFlight = new HashSet<>();
  private final List<Scheduler.Cancellable> timers = new ArrayList<>();
  private boolean running;

  public DhtNode(
      Identity identity,
      Transport transport,
      Scheduler scheduler,
      RandomGenerator random,
      DhtConfig config,
      List<NamespaceValidator> validators) {
    this.identity = identity;
    this.transport = transport;
    this.scheduler = scheduler;
    this.random = random;
    this.config = config;
    this.validators = new Validators(validators);
    this.table = new RoutingTable(identity.nodeId(), config.k(), config.maxFailures());
    this.store = new RecordStore(scheduler::nowMillis, config.maxStoredRecords());
    this.rpc = new RpcEngine(
        identity, transport, scheduler, random, metrics, config.rpcTimeoutMillis(), config.rpcRetries(),
        config.verifiedPeerCacheSize());
    // a value lookup asks its closest contact first and hedges to alpha after an eighth of the
    // RPC timeout: at alpha from the start, two of three first-round answers were wasted work
    this.lookups = new LookupRunner(rpc, this.validators, scheduler::nowMillis, metrics, scheduler,
        Math.max(1, config.rpcTimeoutMillis() / 8));
    this.replicator = new Replicator(this, store, table, rpc, scheduler, random, config, metrics);
    this.router = new Router(identity.nodeId(), table, rpc, scheduler, random, metrics, RouteConfig.defaults());
  }

  /** Starts serving requests and the periodic refresh and republish. */
  public void start() {
    if (running) {
      return;
    }
    running = true;
    NodeRequestServer server = new NodeRequestServer(
        table, store, validators, scheduler, metrics, config.k(), router,
        seen -> onRequestFrom(seen.from(), seen.id(), seen.proven()));
    rpc.start(server, new RpcEngine.PeerObserver() {
      @Override
      public void responded(Contact contact) {
        onProvenContact(contact);
      }

      @Override
      public void failed(Endpoint to, Id256 expectedId) {
        if (expectedId != null) {
          table.markFailed(expectedId, false);
        }
      }
    });
    every(config.refreshIntervalMillis(), this::refreshBuckets);
    every(config.republishIntervalMillis(), replicator::republish);
  }

  /** Runs {@code task} every {@code period} ms, first at a random offset (spreads load). */
  private void every(long period, Runnable task) {
    long first = period / 2 + Math.floorMod(random.nextLong(), Math.max(1, period / 2));
    scheduleRepeating(first, period, task);
  }

  private void scheduleRepeating(long delay, long period, Runnable task) {
    timers.add(scheduler.schedule(delay, () -> {
      if (!running) {
        return;
      }
      task.run();
      scheduleRepeating(period, period, task);
    }));
  }

  /** Stops at once, as a crash would look to the network: timers and pending requests are dropped. */
  public void stop() {
    running = false;
    for (Scheduler.Cancellable t : timers) {
      t.cancel();
    }
    timers.clear();
    router.stop();
    rpc.stop();
  }

  /**
   * Client mode, for short-lived processes (a CLI resolve or call): requests carry the client flag
   * and peers never add this node to their routing tables, so it leaves no dead entries behind.
   */
  public void setClientMode(boolean clientMode) {
    rpc.setClientMode(clientMode);
  }

  public boolean isRunning() {
    return running;
  }

  /**
   * Joins through {@code bootstrap} endpoints: proves and adds them, looks up this node's own id,
   * then refreshes the buckets farther than its closest neighbour. Completes with the routing
   * table size; fails when no bootstrap node answered.
   */
  public CompletableFuture<Integer> join(List<Endpoint> bootstrap) {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    if (bootstrap.isEmpty()) {
      done.complete(table.size());
      return done;
    }
    int[] outstanding = {bootstrap.size()};
    int[] answered = {0};
    for (Endpoint e : bootstrap) {
      rpc.request(e, null, new Body.Ping(), new ResponseHandler() {
        @Override
        public void onResponse(Contact from, Body body) {
          answered[0]++;
          next();
        }

        @Override
        public void onFailure() {
          next();
        }

        void next() {
          if (--outstanding[0] > 0) {
            return;
          }
          if (answered[0] == 0 && table.size() == 0) {
            done.completeExceptionally(new IllegalStateException("no bootstrap node answered"));
            return;
          }
          findNode(identity.nodeId())
              .thenCompose(ignored -> refreshAll())
              .whenComplete((ok, err) -> done.complete(table.size()));
        }
      });
    }
    return done;
  }

  private CompletableFuture<Void> refreshAll() {
    int deepest = table.deepestBucket();
    List<CompletableFuture<LookupOutcome>> all = new ArrayList<>();
    for (int i = 0; i < deepest; i++) {
      all.add(findNode(table.randomIdInBucket(i, random)));
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  /**
   * Refreshes the buckets {@link RoutingTable#staleBuckets} names: a bucket with room by a lookup
   * of a random id in its range (to find nodes for it), a full bucket by pinging the contacts it
   * has not heard from within the interval (a silent one is evicted and a replacement promoted).
   * Pinging costs two small datagrams per quiet contact where a lookup costs dozens of large ones.
   */
  private void refreshBuckets() {
    long now = scheduler.nowMillis();
    long interval = config.refreshIntervalMillis();
    for (int i : table.staleBuckets(now, interval, table.deepestBucket())) {
      List<Contact> quiet = table.quietContactsOfFullBucket(i, now - interval);
      if (quiet == null) {
        metrics.increment("refresh_lookups");
        findNode(table.randomIdInBucket(i, random));
        continue;
      }
      table.markBucketLookedUp(i, now);
      for (Contact c : quiet) {
        metrics.increment("refresh_pings");
        pingOrEvict(c);
      }
    }
  }

  private void pingOrEvict(Contact c) {
    rpc.request(c.endpoint(), c.id(), new Body.Ping(), new ResponseHandler() {
      @Override
      public void onResponse(Contact from, Body body) {}

      @Override
      public void onFailure() {
        table.markFailed(c.id(), true);
      }
    });
  }

  /** Adds contacts from an earlier run's snapshot; they are proven again on first contact. */
  public void warmStart(List<Contact> contacts) {
    long now = scheduler.nowMillis();
    for (Contact c : contacts) {
      table.touch(c, now);
    }
  }

  /** Iterative FIND_NODE: the k closest live nodes to {@code target}. */
  public CompletableFuture<LookupOutcome> findNode(Id256 target) {
    table.markBucketLookedUp(Math.min(table.bucketIndex(target), 255), scheduler.nowMillis());
    return lookups.findNode(newLookup(target));
  }

  private Lookup newLookup(Id256 target) {
    // seed with 3k: the lookup queries only the k closest not known to have failed, so the rest
    // are used only when the closest entries of the table turn out to be dead
    return new Lookup(target, identity.nodeId(), config.k(), config.alpha(), 8 * config.k(), table.closest(target, 3 * config.k()));
  }

  /**
   * Publishes a record: validates it locally, stores it at the k closest nodes, and keeps
   * republishing it until it expires or {@link #unpublish} is called.
   */
  public CompletableFuture<PutResult> put(DhtRecord record) {
    try {
      validators.validate(record.namespace(), record.key(), record.value(), scheduler.nowMillis());
    } catch (RecordRejectedException e) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("record refused: " + e.getMessage(), e));
    }
    replicator.own(record);
    return replicator.storeAtClosest(record);
  }

  /** Stops republishing this node's record under {@code key}. */
  public void unpublish(byte namespace, Id256 key) {
    replicator.disown(namespace, key);
  }

  /** Resolves {@code key}: the first valid record found by an iterative FIND_VALUE. */
  public CompletableFuture<GetResult> get(Id256 key, byte namespace) {
    DhtRecord local = store.get(namespace, key);
    if (local != null && local.expiresAtMillis() > scheduler.nowMillis()) {
      return CompletableFuture.completedFuture(new GetResult(Optional.of(local), 0, 0));
    }
    table.markBucketLookedUp(Math.min(table.bucketIndex(key), 255), scheduler.nowMillis());
    Lookup hedged = new Lookup(key, identity.nodeId(), config.k(), config.alpha(), 1, 8 * config.k(),
        table.closest(key, 3 * config.k()));
    long started = scheduler.nowMillis();
    return lookups.findValue(hedged, namespace).thenApply(o -> {
      metrics.duration("value_lookup", scheduler.nowMillis() - started);
      return new GetResult(Optional.ofNullable(o.record()), o.hops(), o.rpcs());
    });
  }

  /** Asks the k closest nodes to {@code key} whether they hold seq &ge; {@code seq}. */
  public CompletableFuture<HolderAudit> auditHolders(byte namespace, Id256 key, long seq) {
    return replicator.audit(namespace, key, seq);
  }

  /**
   * Routes {@code payload} (up to 64 KiB) hop by hop to the node whose id is {@code target};
   * completes with that node's reply, or fails with {@link net.switchboard.dht.route.RouteFailedException}.
   */
  public CompletableFuture<RouteReply> route(Id256 target, byte[] payload) {
    long started = scheduler.nowMillis();
    return router.route(target, payload).whenComplete((reply, error) -> {
      if (reply != null) {
        metrics.duration("route", scheduler.nowMillis() - started);
      }
    });
  }

  /** Installs the receiver of messages routed to this node. */
  public void setRouteHandler(RouteHandler handler) {
    router.setHandler(handler);
  }

  /** The receiver of routed messages now installed (never null), for chaining another in front. */
  public RouteHandler routeHandler() {
    return router.handler();
  }

  /** The router, for test hooks (relay tap). */
  public Router router() {
    return router;
  }

  // ---- peers ----------------------------------------------------------------------------------

  private void onProvenContact(Contact contact) {
    TouchResult r = table.touch(contact, scheduler.nowMillis());
    if (r.outcome() == TouchResult.Outcome.ADDED) {
      replicator.handOff(contact);
    } else if (r.toPing() != null) {
      pingOrEvict(r.toPing()); // least recently seen of a full bucket: evicted if silent
    }
  }

  private void onRequestFrom(Endpoint from, Id256 id, boolean proven) {
    if (proven) {
      onProvenContact(new Contact(id, from));
      return;
    }
    Contact known = table.find(id);
    if (known != null && known.endpoint().equals(from)) {
      return; // in the table from a warm start; its next response proves it
    }
    if (!table.hasRoomFor(id)) {
      return; // a full bucket would not take it; it proves itself if we ever ask it something
    }
    if (pingBacksInFlight.size() >= 64 || !pingBacksInFlight.add(from)) {
      return;
    }
    // prove the stranger's id before it may enter the table: ping back and demand a proof
    rpc.request(from, id, new Body.Ping(), new ResponseHandler() {
      @Override
      public void onResponse(Contact c, Body body) {
        pingBacksInFlight.remove(from);
      }

      @Override
      public void onFailure() {
        pingBacksInFlight.remove(from);
      }
    });
  }

  // ---- views ----------------------------------------------------------------------------------

  public Id256 id() {
    return identity.nodeId();
  }

  public Identity identity() {
    return identity;
  }

  public Endpoint endpoint() {
    return transport.localEndpoint();
  }

  public DhtConfig config() {
    return config;
  }

  public int routingTableSize() {
    return table.size();
  }

  /** Every routing-table contact, for a warm-restart snapshot. */
  public List<Contact> routingSnapshot() {
    return table.contacts();
  }

  public RoutingTable routingTable() {
    return table;
  }

  public RecordStore store() {
    return store;
  }

  public DhtMetrics metrics() {
    return metrics;
  }

  /** This node's own published records (those it republishes). */
  public List<DhtRecord> ownRecords() {
    return replicator.owned();
  }

  RpcEngine rpc() {
    return rpc;
  }
}
