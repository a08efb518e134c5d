package net.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.switchboard.gateway.bench.GatewayBenchmark;
import org.junit.jupiter.api.Test;

/** The load benchmark end to end at a small size (the 1,000-client figure is in docs/benchmarks.md). */
class GatewayBenchmarkTest {
  @Test
  void clientsAuthenticateAndExchangeSignalingThroughTwoGateways() throws Exception {
    try (VertxTestNet net = VertxTestNet.start(4)) {
      GatewayServer g1 = GatewayFixture.gateway(net, 0, GatewayFixture.local());
      GatewayServer g2 = GatewayFixture.gateway(net, 2, GatewayFixture.local());
      GatewayBenchmark.Result r = GatewayBenchmark.run(net.vertx, g1, g2, "127.0.0.1", 50, 3, 200, s -> {});
      assertEquals(100, r.sessions());
      assertEquals(150, r.roundTrips());
      assertEquals(0, r.failures());
      assertTrue(r.authPerSecond() > 0 && r.rttMedianMillis() > 0 && r.rttP95Millis() >= r.rttMedianMillis(), r.toString());
      g1.close();
      g2.close();
    }
  }
}
