package net.switchboard.gateway;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.SignedRecordValidator;
import net.switchboard.seam.Endpoint;
import net.switchboard.seam.Scheduler;
import net.switchboard.seam.Transport;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.ContactRecordValidator;

/**
 * Real {@link DhtNode}s in this JVM, each on its own Vert.x event-loop context with wall-clock
 * timers, exchanging datagrams in memory (no sockets): the production protocol, routing and record
 * validation, without the overlay module (which depends on this one).
 */
final class VertxTestNet implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final List<Node> nodes = new ArrayList<>();
  private final Map<Endpoint, Node> byEndpoint = new ConcurrentHashMap<>();

  static final class Node {
    final Identity identity = Identity.generate(new SecureRandom());
    final Context context;
    final Scheduler scheduler;
    final Endpoint endpoint;
    DhtNode dht;
    Transport.Receiver receiver = (f, d) -> {};

    Node(Vertx vertx, Endpoint endpoint) {
      this.context = vertx.getOrCreateContext();
      this.endpoint = endpoint;
      this.scheduler = new Scheduler() {
        @Override
        public long nowMillis() {
          return System.currentTimeMillis();
        }

        @Override
        public Cancellable schedule(long delayMillis, Runnable task) {
          long[] id = {-1};
          boolean[] cancelled = {false};
          context.runOnContext(v -> {
            if (!cancelled[0]) {
              id[0] = vertx.setTimer(Math.max(1, delayMillis), t -> task.run());
            }
          });
          return () -> {
            cancelled[0] = true;
            if (id[0] >= 0) {
              vertx.cancelTimer(id[0]);
            }
          };
        }

        @Override
        public void execute(Runnable task) {
          context.runOnContext(v -> task.run());
        }

        @Override
        public boolean onSchedulerThread() {
          return io.vertx.core.Vertx.currentContext() == context;
        }
      };
    }

    GatewayNode gatewayNode() {
      return GatewayNode.of(dht, scheduler);
    }

    <T> T onNode(java.util.function.Function<DhtNode, T> f) throws Exception {
      CompletableFuture<T> r = new CompletableFuture<>();
      scheduler.execute(() -> {
        try {
          r.complete(f.apply(dht));
        } catch (Throwable t) {
          r.completeExceptionally(t);
        }
      });
      return r.get(10, TimeUnit.SECONDS);
    }
  }

  /** {@code n} nodes; node 0 founds the network, the others join through it. */
  static VertxTestNet start(int n) throws Exception {
    VertxTestNet net = new VertxTestNet();
    DhtConfig config = DhtConfig.defaults();
    for (int i = 0; i < n; i++) {
      Node node = new Node(net.vertx, Endpoint.ipv4(0x0A000001 + i, 7400));
      net.nodes.add(node);
      net.byEndpoint.put(node.endpoint, node);
      Transport transport = new Transport() {
        @Override
        public Endpoint localEndpoint() {
          return node.endpoint;
        }

        @Override
        public void send(Endpoint to, byte[] datagram) {
          Node target = net.byEndpoint.get(to);
          if (target != null) {
            byte[] copy = datagram.clone();
            target.scheduler.execute(() -> target.receiver.onDatagram(node.endpoint, copy));
          }
        }

        @Override
        public void setReceiver(Receiver receiver) {
          node.receiver = receiver;
        }
      };
      CompletableFuture<Void> started = new CompletableFuture<>();
      node.scheduler.execute(() -> {
        node.dht = new DhtNode(node.identity, transport, node.scheduler, new SecureRandom(), config, List.of(
            new SignedRecordValidator(config.maxRecordLifetimeMillis()),
            ContactRecordValidator.forPeriods(ContactPeriods.defaults())));
        node.dht.start();
        started.complete(null);
      });
      started.get(10, TimeUnit.SECONDS);
    }
    List<CompletableFuture<Integer>> joins = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      Node node = net.nodes.get(i);
      CompletableFuture<Integer> j = new CompletableFuture<>();
      node.scheduler.execute(() -> node.dht.join(List.of(net.nodes.get(0).endpoint)).whenComplete((v, e) -> {
        if (e != null) {
          j.completeExceptionally(e);
        } else {
          j.complete(v);
        }
      }));
      joins.add(j);
      j.get(20, TimeUnit.SECONDS);
    }
    return net;
  }

  Node node(int i) {
    return nodes.get(i);
  }

  @Override
  public void close() throws Exception {
    for (Node n : nodes) {
      n.scheduler.execute(() -> n.dht.stop());
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
