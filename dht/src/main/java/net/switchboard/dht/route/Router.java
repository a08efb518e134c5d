package net.switchboard.dht.route;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import net.switchboard.dht.metrics.DhtMetricsSink;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.routing.Contact;
import net.switchboard.dht.routing.RoutingTable;
import net.switchboard.dht.rpc.ResponseHandler;
import net.switchboard.dht.rpc.RpcEngine;
import net.switchboard.seam.Endpoint;
import net.switchboard.seam.Scheduler;
import net.switchboard.dht.wire.Body;
import net.switchboard.dht.wire.Body.RouteAckStatus;
import net.switchboard.dht.wire.Body.RouteKind;
import net.switchboard.dht.wire.WireCodec;

/**
 * Key-based routing: {@link #route} carries a payload (up to 64 KiB, in fragments) toward the node
 * whose id is the target. Each hop picks the closest contact it knows that is closer than itself
 * and not on the path, waits for that hop's acknowledgement, and routes around it when none
 * comes. Each hop remembers where a route came from, so replies travel back the same way.
 * Duplicates are dropped; each previous hop is rate limited. Payloads are opaque here: the
 * signaling layer encrypts them end to end, so relays see ids and sizes only.
 */
public final class Router {
  private static final Id256 NO_TARGET = Id256.of(new byte[32]);

  private final Id256 self;
  private final RoutingTable table;
  private final RpcEngine rpc;
  private final Scheduler scheduler;
  private final RandomGenerator random;
  private final DhtMetricsSink metrics;
  private final RouteConfig config;
  private final RateLimiter limiter;
  private final Reassembler reassembler;
  private final Cache<FragmentKey, Boolean> seen;
  private final Cache<Long, Contact> reversePath;
  private final Cache<Long, Contact> nextHop;
  private final Map<Long, Origin> origins = new HashMap<>();
  private RouteHandler handler = m -> {};
  private Consumer<Body.Route> relayTap = r -> {};

  private record FragmentKey(long routeId, RouteKind kind, int fragment) {}

  private static final class Origin {
    final CompletableFuture<RouteReply> future = new CompletableFuture<>();
    Scheduler.Cancellable timer;
    int hops;
  }

  public Router(
      Id256 self,
      RoutingTable table,
      RpcEngine rpc,
      Scheduler scheduler,
      RandomGenerator random,
      DhtMetricsSink metrics,
      RouteConfig config) {
    this.self = self;
    this.table = table;
    this.rpc = rpc;
    this.scheduler = scheduler;
    this.random = random;
    this.metrics = metrics;
    this.config = config;
    this.limiter = new RateLimiter(config.ratePerSecond(), config.burst(), 4096);
    this.reassembler = new Reassembler(config.timeoutMillis(), config.maxReassemblyBytes());
    Duration ttl = Duration.ofMillis(config.timeoutMillis() * 2);
    this.seen = cache(ttl, 200_000);
    this.reversePath = cache(ttl, 50_000);
    this.nextHop = cache(ttl, 50_000);
  }

  private <K, V> Cache<K, V> cache(Duration ttl, int max) {
    return Caffeine.newBuilder()
        .executor(Runnable::run)
        .ticker(() -> scheduler.nowMillis() * 1_000_000L)
        .expireAfterWrite(ttl)
        .maximumSize(max)
        .build();
  }

  public void setHandler(RouteHandler handler) {
    this.handler = handler == null ? m -> {} : handler;
  }

  /** The installed handler, so a layer can chain in front of it (a gateway before the node's calls). */
  public RouteHandler handler() {
    return handler;
  }

  /** Test hook: sees every fragment this node relays for others. */
  public void setRelayTap(Consumer<Body.Route> tap) {
    this.relayTap = tap;
  }

  /** Sends {@code payload} to the node whose id is {@code target}; completes with its reply. */
  public CompletableFuture<RouteReply> route(Id256 target, byte[] payload) {
    if (payload.length > config.maxPayloadBytes()) {
      return CompletableFuture.failedFuture(new RouteFailedException(
          RouteFailedException.Reason.TOO_LARGE, payload.length + " bytes exceeds " + config.maxPayloadBytes()));
    }
    long routeId = random.nextLong();
    Origin origin = new Origin();
    origins.put(routeId, origin);
    origin.timer = scheduler.schedule(config.timeoutMillis(), () -> {
      if (origins.remove(routeId) != null) {
        origin.future.completeExceptionally(new RouteFailedException(RouteFailedException.Reason.TIMEOUT, "no reply within " + config.timeoutMillis() + " ms"));
      }
    });
    if (target.equals(self)) {
      deliver(routeId, self, payload, 0, null);
      return origin.future;
    }
    List<byte[]> parts = split(payload);
    for (int i = 0; i < parts.size(); i++) {
      forward(new Body.Route(routeId, RouteKind.FORWARD, target, config.maxHops(), i, parts.size(), List.of(self), parts.get(i)), null);
    }
    return origin.future;
  }

  /** Fails every route this node started (on shutdown). */
  public void stop() {
    for (Origin o : origins.values()) {
      o.timer.cancel();
      o.future.completeExceptionally(new RouteFailedException(RouteFailedException.Reason.STOPPED, "node stopped"));
    }
    origins.clear();
  }

  private static List<byte[]> split(byte[] payload) {
    List<byte[]> parts = new ArrayList<>();
    int size = WireCodec.MAX_ROUTE_FRAGMENT_BYTES;
    for (int o = 0; o < payload.length || parts.isEmpty(); o += size) {
      parts.add(Arrays.copyOfRange(payload, o, Math.min(payload.length, o + size)));
    }
    return parts;
  }

  /** Serves an incoming ROUTE fragment from {@code from}; the return value is the hop-level ack. */
  public Body.RouteAck serve(Endpoint from, Id256 claimedId, Body.Route rt) {
    long now = scheduler.nowMillis();
    if (!limiter.tryAcquire(from, now)) {
      metrics.increment("route_rate_limited");
      return new Body.RouteAck(RouteAckStatus.RATE_LIMITED);
    }
    FragmentKey key = new FragmentKey(rt.routeId(), rt.kind(), rt.fragment());
    if (seen.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
      metrics.increment("route_duplicate");
      return new Body.RouteAck(RouteAckStatus.DUPLICATE);
    }
    if (rt.kind() == RouteKind.FORWARD) {
      if (rt.path().isEmpty() || rt.path().contains(self)) {
        metrics.increment("route_refused_loop");
        return new Body.RouteAck(RouteAckStatus.REFUSED);
      }
      reversePath.asMap().putIfAbsent(rt.routeId(), new Contact(claimedId, from));
      if (rt.target().equals(self)) {
        byte[] whole = reassembler.add(rt.routeId() ^ 0x1, rt.fragment(), rt.fragments(), rt.payload(), now);
        if (whole != null) {
          Id256 origin = rt.path().get(0);
          int hops = rt.path().size();
          scheduler.execute(() -> deliver(rt.routeId(), origin, whole, hops, new Contact(claimedId, from)));
        }
      } else {
        relayTap.accept(rt);
        metrics.increment("route_relayed");
        scheduler.execute(() -> forward(rt, from));
      }
    } else {
      scheduler.execute(() -> backward(rt));
    }
    return new Body.RouteAck(RouteAckStatus.ACCEPTED);
  }

  private void deliver(long routeId, Id256 origin, byte[] payload, int hops, Contact previous) {
    RoutedMessage m = new RoutedMessage(routeId, origin, payload, hops, reply -> sendBack(routeId, RouteKind.REPLY, reply, hops));
    try {
      handler.onRouted(m);
    } catch (RuntimeException e) {
      metrics.increment("route_handler_error");
    }
    if (m.needsAutoReply()) {
      m.reply(new byte[0]);
    }
  }

  /** Moves a FORWARD fragment one hop closer to its target, routing around hops that do not ack. */
  private void forward(Body.Route rt, Endpoint from) {
    if (rt.hopsLeft() <= 0) {
      metrics.increment("route_hop_limit");
      sendBack(rt.routeId(), RouteKind.NOT_FOUND, new byte[0], 0);
      return;
    }
    List<Id256> path = new ArrayList<>(rt.path());
    if (!path.get(path.size() - 1).equals(self)) {
      path.add(self);
    }
    Body.Route next = new Body.Route(rt.routeId(), RouteKind.FORWARD, rt.target(), rt.hopsLeft() - 1,
        rt.fragment(), rt.fragments(), path, rt.payload());
    List<Contact> candidates = new ArrayList<>();
    Contact cached = nextHop.getIfPresent(rt.routeId());
    if (cached != null) {
      candidates.add(cached);
    }
    for (Contact c : table.closest(rt.target(), table.k())) {
      boolean closer = c.id().equals(rt.target()) || rt.target().compareDistance(c.id(), self) < 0;
      if (closer && !path.contains(c.id()) && !c.equals(cached)) {
        candidates.add(c);
      }
    }
    tryHops(next, candidates, 0);
  }

  private void tryHops(Body.Route rt, List<Contact> candidates, int index) {
    if (index >= candidates.size() || index >= config.attemptsPerHop()) {
      metrics.increment("route_no_next_hop");
      sendBack(rt.routeId(), RouteKind.NOT_FOUND, new byte[0], 0);
      return;
    }
    Contact c = candidates.get(index);
    rpc.request(c.endpoint(), c.id(), rt, config.hopTimeoutMillis(), 0, new ResponseHandler() {
      @Override
      public void onResponse(Contact responder, Body body) {
        if (body instanceof Body.RouteAck a
            && (a.status() == RouteAckStatus.ACCEPTED || a.status() == RouteAckStatus.DUPLICATE)) {
          nextHop.put(rt.routeId(), c);
        } else {
          metrics.increment("route_hop_refused");
          tryHops(rt, candidates, index + 1);
        }
      }

      @Override
      public void onFailure() {
        metrics.increment("route_hop_failed");
        nextHop.invalidate(rt.routeId());
        tryHops(rt, candidates, index + 1);
      }
    });
  }

  /** Sends a REPLY or NOT_FOUND (all fragments) back toward the origin. */
  private void sendBack(long routeId, RouteKind kind, byte[] payload, int hops) {
    List<byte[]> parts = split(payload);
    for (int i = 0; i < parts.size(); i++) {
      // the hop count rides in hopsLeft of the first reply fragment's target-less header
      backward(new Body.Route(routeId, kind, NO_TARGET, Math.min(hops, 255), i, parts.size(), List.of(), parts.get(i)));
    }
  }

  private void backward(Body.Route rt) {
    Origin origin = origins.get(rt.routeId());
    if (origin != null) {
      if (rt.kind() == RouteKind.NOT_FOUND) {
        finish(rt.routeId(), null, 0);
        return;
      }
      byte[] whole = reassembler.add(rt.routeId(), rt.fragment(), rt.fragments(), rt.payload(), scheduler.nowMillis());
      if (whole != null) {
        finish(rt.routeId(), whole, rt.hopsLeft());
      }
      return;
    }
    Contact prev = reversePath.getIfPresent(rt.routeId());
    if (prev == null) {
      metrics.increment("route_reply_no_path");
      return;
    }
    rpc.request(prev.endpoint(), null, rt, config.hopTimeoutMillis(), 1, IGNORE_ACK);
  }

  private void finish(long routeId, byte[] reply, int hops) {
    Origin o = origins.remove(routeId);
    if (o == null) {
      return;
    }
    o.timer.cancel();
    if (reply == null) {
      o.future.completeExceptionally(new RouteFailedException(RouteFailedException.Reason.NOT_FOUND, "no node knows a route to the target"));
    } else {
      o.future.complete(new RouteReply(reply, hops));
    }
  }

  private static final ResponseHandler IGNORE_ACK = new ResponseHandler() {
    @Override
    public void onResponse(Contact from, Body body) {}

    @Override
    public void onFailure() {}
  };
}
