package net.switchboard.gateway;

import io.vertx.core.http.WebSocketClient;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.switchboard.dht.GetResult;
import net.switchboard.dht.PutResult;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.route.RouteHandler;
import net.switchboard.dht.route.RouteReply;
import net.switchboard.gateway.bench.SimulatedBrowser;

/** Gateways on nodes of a {@link VertxTestNet}, with a clock tests can move forward. */
final class GatewayFixture {
  private GatewayFixture() {}

  /** A node whose clock reads {@code offset} ms ahead of the wall clock. */
  static GatewayNode withClock(GatewayNode n, AtomicLong offset) {
    return new GatewayNode() {
      @Override
      public Id256 nodeId() {
        return n.nodeId();
      }

      @Override
      public long nowMillis() {
        return n.nowMillis() + offset.get();
      }

      @Override
      public CompletableFuture<PutResult> put(DhtRecord record) {
        return n.put(record);
      }

      @Override
      public void unpublish(byte namespace, Id256 key) {
        n.unpublish(namespace, key);
      }

      @Override
      public CompletableFuture<GetResult> get(Id256 key, byte namespace) {
        return n.get(key, namespace);
      }

      @Override
      public CompletableFuture<RouteReply> route(Id256 target, byte[] payload) {
        return n.route(target, payload);
      }

      @Override
      public void setRouteHandler(RouteHandler handler) {
        n.setRouteHandler(handler);
      }

      @Override
      public void execute(Runnable task) {
        n.execute(task);
      }
    };
  }

  static GatewayServer gateway(VertxTestNet net, int i, GatewayConfig config) throws Exception {
    VertxTestNet.Node node = net.node(i);
    return GatewayServer.start(net.vertx, node.gatewayNode(), config).get(10, TimeUnit.SECONDS);
  }

  static GatewayConfig local() {
    return GatewayConfig.defaults().withHost("127.0.0.1").withPort(0);
  }

  static SimulatedBrowser browser(WebSocketClient client, GatewayServer g) throws Exception {
    return SimulatedBrowser.connect(client, "127.0.0.1", g.port(), Identity.generate(new SecureRandom()))
        .get(10, TimeUnit.SECONDS);
  }
}
