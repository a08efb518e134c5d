package net.switchboard.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.switchboard.gateway.GatewayConfig;
import net.switchboard.gateway.GatewayNode;
import net.switchboard.gateway.GatewayServer;
import net.switchboard.overlay.node.OverlayNode;
import net.switchboard.overlay.testnet.LocalTestnet;
import net.switchboard.seam.Failures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code switchboard demo}: a local network with two browser gateways, for trying calls across gateways. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts N nodes on 127.0.0.1 in this process, two of them browser gateways, and runs until Ctrl-C.",
      "Open the first gateway's URL in one browser profile and the second's in another, exchange ids, call."})
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "20", description = "Nodes to start (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--gateway-port", defaultValue = "8080",
      description = "HTTP port of the first gateway; the second uses the next port (default ${DEFAULT-VALUE}).")
  int gatewayPort;

  @Override
  public Integer call() throws Exception {
    if (nodes < 2) {
      throw new ParameterException(spec.commandLine(), "--nodes must be at least 2, got " + nodes);
    }
    if (gatewayPort < 1 || gatewayPort > 65534) {
      throw new ParameterException(spec.commandLine(), "--gateway-port must be 1..65534, got " + gatewayPort);
    }
    var err = spec.commandLine().getErr();
    err.println("demo: starting " + nodes + " nodes on 127.0.0.1");
    LocalTestnet net = LocalTestnet.start(nodes);
    GatewayServer g1;
    GatewayServer g2;
    try {
      g1 = gateway(net, net.node(1 % nodes), gatewayPort);
      g2 = gateway(net, net.node(nodes - 1), gatewayPort + 1);
    } catch (Exception e) {
      net.close();
      throw new CliException("cannot start the gateways on ports " + gatewayPort + "/" + (gatewayPort + 1) + ": "
          + Failures.message(e), e);
    }
    var out = spec.commandLine().getOut();
    out.println("gateway 1: " + g1.url() + "   (node " + g1.nodeId().shortHex() + ")");
    out.println("gateway 2: " + g2.url() + "   (node " + g2.nodeId().shortHex() + ")");
    out.println("Open each in its own browser profile (or one normal and one private window), add each other's id, call.");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        g1.close().get(5, TimeUnit.SECONDS);
        g2.close().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        // shutting down
      }
      net.close();
      stopped.countDown();
    }, "switchboard-demo-shutdown"));
    stopped.await();
    return 0;
  }

  private static GatewayServer gateway(LocalTestnet net, OverlayNode node, int port) throws Exception {
    return GatewayServer.start(net.vertx(), GatewayNode.of(node.dht(), node.scheduler()),
        GatewayConfig.defaults().withPort(port)).get(10, TimeUnit.SECONDS);
  }
}
