package net.switchboard.cli;

import net.switchboard.seam.Failures;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.identity.Identity;
import net.switchboard.seam.Endpoint;
import net.switchboard.overlay.admin.AdminServer;
import net.switchboard.overlay.node.NodeConfig;
import net.switchboard.seam.NodeLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code switchboard node}: runs a long-lived node until SIGINT or SIGTERM. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a long-lived node until SIGINT/SIGTERM, then saves its routing snapshot and stops.",
      "With no --bootstrap it founds a new network (or rejoins through its saved routing snapshot)."
    })
public final class NodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOptions data;
  @Mixin net.switchboard.cli.CallOptions callOptions;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "7400",
      description = "UDP port, 0 for any free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
      description = "Address to bind UDP on, e.g. 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", converter = EndpointConverter.class,
      description = "A node of the network to join (repeatable). None: found a new network.")
  List<Endpoint> bootstrap = new ArrayList<>();

  @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = "7401",
      description = "Admin HTTP API port on 127.0.0.1, 0 for any free port (default: ${DEFAULT-VALUE}).")
  int adminPort;

  @Option(names = "--no-admin", description = "Do not serve the admin HTTP API.")
  boolean noAdmin;

  @Option(names = "--k", paramLabel = "K", description = "Bucket size and replication factor (default: 20).")
  Integer k;

  @Option(names = "--alpha", paramLabel = "N", description = "Parallel requests per lookup (default: 3).")
  Integer alpha;

  @Option(names = "--restricted",
      description = "Restricted mode: only your contacts ('switchboard contacts add') can read your contact record's routes.")
  boolean restricted;

  @Option(names = "--gateway-port", paramLabel = "PORT", defaultValue = "8080",
      description = "Serve the web app and the browser WebSocket API on http://localhost:PORT; 0 any free port, -1 off (default: ${DEFAULT-VALUE}).")
  int gatewayPort;

  @Option(names = "--json", description = "When ready, print {id, node_id, udp, addresses, admin_port} as one JSON line on stdout.")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    NodeConfig config = config();
    net.switchboard.overlay.calls.CallSettings callSettings = callSettings();
    Identity identity = data.loadIdentity(spec.commandLine().getErr()).identity();
    NodeLog log = NodeLog.stderr("node " + identity.nodeId().shortHex());
    RunningNode running = RunningNode.start(config, noAdmin ? -1 : adminPort, identity, log,
        net.switchboard.overlay.contacts.NodeContacts.Options.defaults().withRestricted(restricted));
    net.switchboard.overlay.calls.NodeCalls calls;
    try {
      calls = net.switchboard.overlay.calls.NodeCalls.startBlocking(
          running.vertx, running.node, callSettings, log, running.contacts);
    } catch (RuntimeException e) {
      running.stop();
      throw e;
    }
    net.switchboard.gateway.GatewayServer gateway = startGateway(running, calls, log);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (gateway != null) {
        gateway.close().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
      }
      calls.close(); // media first: the native factory is disposed before the node stops
      running.stop();
      stopped.countDown();
    }, "switchboard-shutdown"));
    if (json) {
      spec.commandLine().getOut().println(readyLine(running).encode());
      spec.commandLine().getOut().flush();
    }
    running.node.keepJoining();
    stopped.await(); // until a signal runs the shutdown hook
    return 0;
  }

  /** The browser gateway on this node (after the node's own calls, whose route handler it chains to). */
  private net.switchboard.gateway.GatewayServer startGateway(RunningNode running,
      net.switchboard.overlay.calls.NodeCalls calls, NodeLog log) {
    if (gatewayPort < 0) {
      return null;
    }
    try {
      net.switchboard.gateway.GatewayServer g = net.switchboard.gateway.GatewayServer.start(running.vertx,
          net.switchboard.gateway.GatewayNode.of(running.node.dht(), running.node.scheduler()),
          net.switchboard.gateway.GatewayConfig.defaults().withPort(gatewayPort))
          .get(30, java.util.concurrent.TimeUnit.SECONDS);
      log.info("web app for browsers on " + g.url());
      running.node.metrics().events("switchboard_gateway_events",
          "Browser gateway: page logins accepted and refused, envelopes forwarded from and delivered to pages",
          g.stats()::snapshot);
      return g;
    } catch (Exception e) {
      calls.close();
      running.stop();
      Throwable cause = Failures.unwrap(e);
      throw new CliException("cannot serve the web app on port " + gatewayPort + " (--gateway-port, -1 to turn off): "
          + cause.getMessage(), cause);
    }
  }

  private NodeConfig config() {
    checkPort("--port", port);
    if (!noAdmin) {
      checkPort("--admin-port", adminPort);
    }
    if (gatewayPort < -1 || gatewayPort > 65535) {
      throw new ParameterException(spec.commandLine(), "--gateway-port must be -1..65535, got " + gatewayPort);
    }
    try {
      InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "--host: unknown host '" + host + "'");
    }
    DhtConfig dht = DhtConfig.defaults();
    try {
      if (k != null) {
        dht = dht.withK(k);
      }
      if (alpha != null) {
        dht = dht.withAlpha(alpha);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
    }
    return NodeConfig.defaults()
        .withHost(host)
        .withPort(port)
        .withBootstrap(bootstrap)
        .withDht(dht)
        .withValidators(NodeConfig.defaultValidators(dht))
        .withDataDir(data.path());
  }

  private net.switchboard.overlay.calls.CallSettings callSettings() {
    try {
      return callOptions.settings(data.path(), net.switchboard.overlay.calls.NodeCalls.isLoopback(host), restricted);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private void checkPort(String option, int value) {
    if (value < 0 || value > 65535) {
      throw new ParameterException(spec.commandLine(), option + " must be 0..65535, got " + value);
    }
  }

  private static JsonObject readyLine(RunningNode running) {
    return new JsonObject()
        .put("id", running.node.identity().printed())
        .put("node_id", running.node.identity().nodeId().toHex())
        .put("udp", running.node.endpoint().toString())
        .put("addresses", new JsonArray(List.copyOf(running.node.addresses())))
        .put("admin_port", running.admin == null ? null : running.admin.port())
        .put("admin_host", running.admin == null ? null : AdminServer.HOST);
  }
}
