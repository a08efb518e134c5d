package net.switchboard.gateway.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import net.switchboard.dht.identity.Identity;
import net.switchboard.gateway.GatewayServer;
import net.switchboard.signaling.contact.crypto.X25519Keys;
import net.switchboard.signaling.e2e.SignalingEnvelope;

/**
 * Load on two gateways: {@code clients} simulated browsers log in to each gateway (real challenge
 * signatures), then each caller on gateway 1 exchanges {@code rounds} signaling round trips with its
 * partner on gateway 2: a sealed, signed envelope goes caller -> gateway 1 -> DHT route -> gateway
 * 2 -> callee, which opens and verifies it, acknowledges, and answers with its own envelope the
 * same way back. Round trips are spread over time (a random pause of up to {@code pauseMillis}
 * between two of one pair), as people ring, not as a flood.
 */
public final class GatewayBenchmark {
  /** What the benchmark measured. */
  public record Result(int clientsPerGateway, int sessions, double authPerSecond, double rttMedianMillis,
      double rttP95Millis, double heapMb, long roundTrips, long failures) {}

  private GatewayBenchmark() {}

  public static Result run(Vertx vertx, GatewayServer gw1, GatewayServer gw2, String host, int clients, int rounds,
      long pauseMillis, Consumer<String> progress) throws Exception {
    SecureRandom random = new SecureRandom();
    WebSocketClient ws = SimulatedBrowser.client(vertx);
    List<Identity> callers = new ArrayList<>();
    List<Identity> callees = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      callers.add(Identity.generate(random));
      callees.add(Identity.generate(random));
    }
    progress.accept("logging in " + 2 * clients + " simulated browsers");
    long t0 = System.nanoTime();
    List<SimulatedBrowser> a = login(ws, host, gw1.port(), callers);
    List<SimulatedBrowser> b = login(ws, host, gw2.port(), callees);
    double authSeconds = (System.nanoTime() - t0) / 1e9;
    int sessions = gw1.sessionCount() + gw2.sessionCount();

    ConcurrentLinkedQueue<Long> rtts = new ConcurrentLinkedQueue<>();
    AtomicLong failures = new AtomicLong();
    List<CompletableFuture<Void>> pairs = new ArrayList<>();
    progress.accept("exchanging " + rounds + " signaling round trips per pair");
    for (int i = 0; i < clients; i++) {
      pairs.add(runPair(vertx, a.get(i), b.get(i), gw1, gw2, rounds, pauseMillis, rtts, failures));
    }
    CompletableFuture.allOf(pairs.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
    System.gc();
    double heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    List<Long> sorted = new ArrayList<>(rtts);
    Collections.sort(sorted);
    a.forEach(SimulatedBrowser::close);
    b.forEach(SimulatedBrowser::close);
    ws.close();
    return new Result(clients, sessions, 2 * clients / authSeconds, pct(sorted, 0.5) / 1e6, pct(sorted, 0.95) / 1e6,
        heapMb, sorted.size(), failures.get());
  }

  private static List<SimulatedBrowser> login(WebSocketClient ws, String host, int port, List<Identity> ids) throws Exception {
    Semaphore inFlight = new Semaphore(64);
    List<CompletableFuture<SimulatedBrowser>> fs = new ArrayList<>();
    for (Identity id : ids) {
      inFlight.acquire();
      fs.add(SimulatedBrowser.connect(ws, host, port, id).whenComplete((v, e) -> inFlight.release()));
    }
    List<SimulatedBrowser> out = new ArrayList<>();
    for (CompletableFuture<SimulatedBrowser> f : fs) {
      out.add(f.get(60, TimeUnit.SECONDS));
    }
    return out;
  }

  private static CompletableFuture<Void> runPair(Vertx vertx, SimulatedBrowser caller, SimulatedBrowser callee,
      GatewayServer gw1, GatewayServer gw2, int rounds, long pauseMillis, ConcurrentLinkedQueue<Long> rtts,
      AtomicLong failures) {
    SecureRandom random = new SecureRandom();
    byte[] calleeX = X25519Keys.secretKeyFromEd25519(callee.identity().secretKey());
    byte[] callerX = X25519Keys.secretKeyFromEd25519(caller.identity().secretKey());
    callee.onEnvelope((env, aid) -> {
      try {
        var opened = SignalingEnvelope.open(callee.identity(), calleeX, env);
        callee.ack(aid);
        byte[] reply = SignalingEnvelope.seal(callee.identity(), opened.senderKey(), System.currentTimeMillis(),
            SignalingEnvelope.newMessageId(random), opened.body(), random);
        callee.send(gw1.nodeId(), reply);
      } catch (Exception e) {
        failures.incrementAndGet();
      }
    });
    CompletableFuture<Void> done = new CompletableFuture<>();
    int[] left = {rounds};
    long[] sentAt = {0};
    Runnable[] next = new Runnable[1];
    caller.onEnvelope((env, aid) -> {
      try {
        SignalingEnvelope.open(caller.identity(), callerX, env);
        caller.ack(aid);
        rtts.add(System.nanoTime() - sentAt[0]);
      } catch (Exception e) {
        failures.incrementAndGet();
      }
      if (--left[0] == 0) {
        done.complete(null);
      } else {
        vertx.setTimer(1 + (long) (random.nextDouble() * pauseMillis), t -> next[0].run());
      }
    });
    byte[] ring = new byte[1200]; // about an offer's size
    random.nextBytes(ring);
    next[0] = () -> {
      byte[] env = SignalingEnvelope.seal(caller.identity(), callee.identity().publicKey(), System.currentTimeMillis(),
          SignalingEnvelope.newMessageId(random), ring, random);
      sentAt[0] = System.nanoTime();
      caller.send(gw2.nodeId(), env).whenComplete((r, e) -> {
        if (e != null || !r.getBoolean("ok", false)) {
          failures.incrementAndGet();
          if (--left[0] == 0) {
            done.complete(null);
          } else {
            vertx.setTimer(1 + (long) (random.nextDouble() * pauseMillis), t -> next[0].run());
          }
        }
      });
    };
    vertx.setTimer(1 + (long) (random.nextDouble() * pauseMillis), t -> next[0].run());
    return done.orTimeout(5, TimeUnit.MINUTES);
  }

  private static double pct(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
  }
}
