package net.switchboard.dht.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.testing.Testnet;
import net.switchboard.dht.wire.Body;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key-based routing over real nodes on the deterministic testnet. */
class KeyBasedRoutingTest {
  private Testnet net;
  private final Map<DhtNode, List<Body.Route>> relayed = new HashMap<>();

  @BeforeEach
  void buildSparseNetwork() {
    // k=2 keeps routing tables small, which forces multi-hop routes
    net = new Testnet(21, DhtConfig.defaults().withK(2).withAlpha(2)).grow(80);
    for (DhtNode n : net.nodes) {
      List<Body.Route> seen = new ArrayList<>();
      relayed.put(n, seen);
      n.router().setRelayTap(seen::add);
      n.setRouteHandler(m -> m.reply(("echo:" + new String(m.payload(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
    }
  }

  private DhtNode[] pairWithHopsAtLeast(int minHops) {
    SplittableRandom r = new SplittableRandom(3);
    for (int attempt = 0; attempt < 200; attempt++) {
      DhtNode a = net.nodes.get(r.nextInt(net.nodes.size()));
      DhtNode b = net.nodes.get(r.nextInt(net.nodes.size()));
      if (a == b || a.routingTable().contains(b.id())) {
        continue;
      }
      RouteReply reply = net.await(a.route(b.id(), new byte[] {1}), 20_000);
      if (reply.hops() >= minHops) {
        return new DhtNode[] {a, b};
      }
    }
    throw new AssertionError("no pair needs " + minHops + " hops");
  }

  private List<DhtNode> relaysOf(long routeIdUnknown) {
    List<DhtNode> out = new ArrayList<>();
    for (Map.Entry<DhtNode, List<Body.Route>> e : relayed.entrySet()) {
      if (!e.getValue().isEmpty()) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  @Test
  void messageCrossesThreeOrMoreHopsAndTheReplyComesBack() {
    DhtNode[] pair = pairWithHopsAtLeast(3);
    relayed.values().forEach(List::clear);
    RouteReply reply = net.await(pair[0].route(pair[1].id(), "hello".getBytes(StandardCharsets.UTF_8)), 20_000);
    assertEquals("echo:hello", new String(reply.payload(), StandardCharsets.UTF_8));
    assertTrue(reply.hops() >= 3, "hops " + reply.hops());
    assertTrue(relaysOf(0).size() >= 2, "at least two relays carried it");
  }

  @Test
  void aRelayKilledMidRouteIsRoutedAround() {
    DhtNode[] pair = pairWithHopsAtLeast(3);
    relayed.values().forEach(List::clear);
    net.await(pair[0].route(pair[1].id(), new byte[] {2}), 20_000);
    List<DhtNode> relays = relaysOf(0);
    assertFalse(relays.isEmpty());
    DhtNode victim = relays.get(0);
    victim.stop();
    net.disconnect(victim.endpoint());
    relayed.values().forEach(List::clear);
    RouteReply reply = net.await(pair[0].route(pair[1].id(), "again".getBytes(StandardCharsets.UTF_8)), 20_000);
    assertEquals("echo:again", new String(reply.payload(), StandardCharsets.UTF_8));
    assertTrue(relayed.get(victim).isEmpty(), "the dead relay carried nothing");
  }

  @Test
  void a64KibPayloadArrivesIntact() {
    DhtNode[] pair = pairWithHopsAtLeast(2);
    byte[] big = new byte[65536];
    new SplittableRandom(9).nextBytes(big);
    byte[][] received = new byte[1][];
    pair[1].setRouteHandler(m -> {
      received[0] = m.payload();
      m.reply(m.payload());
    });
    RouteReply reply = net.await(pair[0].route(pair[1].id(), big), 20_000);
    assertArrayEquals(big, received[0]);
    assertArrayEquals(big, reply.payload());
  }

  @Test
  void anUnknownTargetFailsWithNotFoundRatherThanHanging() {
    Id256 nobody = Id256.of(new byte[32]).flipBit(0).flipBit(77);
    CompletableFuture<RouteReply> f = net.nodes.get(5).route(nobody, new byte[] {3});
    assertTrue(net.runUntil(f::isDone, 20_000));
    CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, f::join);
    RouteFailedException cause = (RouteFailedException) e.getCause();
    assertEquals(RouteFailedException.Reason.NOT_FOUND, cause.reason());
  }

  @Test
  void tooLargePayloadIsRefusedUpFront() {
    CompletableFuture<RouteReply> f = net.nodes.get(1).route(net.nodes.get(2).id(), new byte[65537]);
    CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, f::join);
    assertEquals(RouteFailedException.Reason.TOO_LARGE, ((RouteFailedException) e.getCause()).reason());
  }

  @Test
  void duplicatesAreDroppedAndAFloodingPeerIsRateLimited() {
    DhtNode target = net.nodes.get(10);
    DhtNode flooder = net.nodes.get(11);
    int[] deliveries = {0};
    target.setRouteHandler(m -> deliveries[0]++);
    Router router = target.router();
    Body.Route fragment = new Body.Route(42, Body.RouteKind.FORWARD, target.id(), 5, 0, 1, List.of(flooder.id()), new byte[] {1});
    assertEquals(Body.RouteAckStatus.ACCEPTED, router.serve(flooder.endpoint(), flooder.id(), fragment).status());
    assertEquals(Body.RouteAckStatus.DUPLICATE, router.serve(flooder.endpoint(), flooder.id(), fragment).status());
    net.advance(10);
    assertEquals(1, deliveries[0]);
    int limited = 0;
    for (int i = 0; i < 5000; i++) {
      Body.Route f = new Body.Route(1000 + i, Body.RouteKind.FORWARD, target.id(), 5, 0, 1, List.of(flooder.id()), new byte[] {1});
      if (router.serve(flooder.endpoint(), flooder.id(), f).status() == Body.RouteAckStatus.RATE_LIMITED) {
        limited++;
      }
    }
    assertTrue(limited > 3000, "rate limited " + limited + " of 5000 instant fragments");
    assertNotNull(target.metrics().snapshot().get("route_rate_limited"));
  }
}
