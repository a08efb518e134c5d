package net.switchboard.cli.bench;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import net.switchboard.gateway.GatewayConfig;
import net.switchboard.gateway.GatewayNode;
import net.switchboard.gateway.GatewayServer;
import net.switchboard.gateway.bench.GatewayBenchmark;
import net.switchboard.overlay.node.OverlayNode;
import net.switchboard.overlay.testnet.LocalTestnet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code switchboard bench gateway}: N simulated browsers per gateway, signaling across two gateways. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = {
      "Starts loopback nodes with two browser gateways, logs N simulated browsers (real WebSocket protocol,",
      "real Ed25519 signatures) into each, has each pair exchange signed, encrypted signaling round trips",
      "through both gateways and the DHT, and prints auth_per_s, signal_round_trip_ms and gateway_heap_mb."})
public final class BenchGatewayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--clients", defaultValue = "1000", description = "Simulated browsers on each gateway (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--rounds", defaultValue = "3", description = "Signaling round trips per pair (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--pause-ms", defaultValue = "10000", description = "Up to this random pause between two round trips of a pair (default ${DEFAULT-VALUE}).")
  long pauseMillis;

  @Option(names = "--nodes", defaultValue = "10", description = "DHT nodes on loopback (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--json", description = "Print the result as one JSON document (else name/value lines).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (clients < 1 || rounds < 1 || nodes < 2 || pauseMillis < 0) {
      throw new ParameterException(spec.commandLine(), "--clients, --rounds must be >= 1, --nodes >= 2, --pause-ms >= 0");
    }
    var err = spec.commandLine().getErr();
    err.println("bench gateway: starting " + nodes + " nodes");
    try (LocalTestnet net = LocalTestnet.start(nodes)) {
      GatewayServer g1 = gateway(net, net.node(0));
      GatewayServer g2 = gateway(net, net.node(nodes / 2));
      GatewayBenchmark.Result r = GatewayBenchmark.run(net.vertx(), g1, g2, "127.0.0.1", clients, rounds, pauseMillis,
          s -> err.println("bench gateway: " + s));
      g1.close().get(10, TimeUnit.SECONDS);
      g2.close().get(10, TimeUnit.SECONDS);
      JsonObject out = new JsonObject()
          .put("clients_per_gateway", r.clientsPerGateway())
          .put("sessions", r.sessions())
          .put("auth_per_s", Math.round(r.authPerSecond() * 10) / 10.0)
          .put("signal_round_trip_ms", new JsonObject()
              .put("median", Math.round(r.rttMedianMillis() * 100) / 100.0)
              .put("p95", Math.round(r.rttP95Millis() * 100) / 100.0))
          .put("round_trips", r.roundTrips())
          .put("failures", r.failures())
          .put("gateway_heap_mb", Math.round(r.heapMb() * 10) / 10.0);
      BenchOutput.print(spec.commandLine().getOut(), out, json);
      spec.commandLine().getOut().flush();
      return r.failures() == 0 ? 0 : 1;
    }
  }

  private static GatewayServer gateway(LocalTestnet net, OverlayNode node) throws Exception {
    return GatewayServer.start(net.vertx(), GatewayNode.of(node.dht(), node.scheduler()),
        GatewayConfig.defaults().withHost("127.0.0.1").withPort(0)).get(10, TimeUnit.SECONDS);
  }
}
