package net.switchboard.cli.bench;


import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.overlay.calls.CallSettings;
import net.switchboard.overlay.calls.NodeCalls;
import net.switchboard.signaling.directory.ContactLookup;
import net.switchboard.cli.bench.BareHandshakeBench;
import net.switchboard.media.WebRtcFactory;
import net.switchboard.seam.NodeLog;
import net.switchboard.overlay.node.OverlayNode;
import net.switchboard.overlay.testnet.LocalTestnet;
import net.switchboard.signaling.call.CallPolicy;
import net.switchboard.signaling.call.CallSession;
import net.switchboard.signaling.call.CallState;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.ContactPublisher;
import net.switchboard.signaling.contact.Reachability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard bench call}: N real nodes on loopback, each publishing its contact record and
 * answering calls with webrtc-java; M calls between random pairs, one after another, each timed
 * from the start of resolving the callee's record until the caller's data channel opens (offer and
 * answer, and trickled ICE candidates, routed hop by hop through the overlay). The caller creates
 * its offer while the record resolves ({@code CallManager.call(key, future)}), as {@code switchboard
 * call} does; each call waits for the previous call's peer connections to close. The same run
 * measures WebRTC's own handshake with signaling handed over in-process, as the baseline (before
 * the factory is asked to keep spare connections, so the baseline runs as it always did).
 */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = {
      "Starts N nodes on 127.0.0.1 in this JVM, publishes each node's contact record, then places M calls",
      "between random pairs: resolve the record, ring through the overlay, until the data channel opens.",
      "Also measures the bare webrtc-java handshake (signaling in-process) and prints one JSON object."})
public final class BenchCallCommand implements Callable<Integer> {
  private static final long CALL_TIMEOUT_SECONDS = 30;

  @Spec CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "100", description = "Nodes to start (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--calls", defaultValue = "50", description = "Calls to place (default ${DEFAULT-VALUE}).")
  int calls;

  @Option(names = "--warmup", defaultValue = "3",
      description = "Calls placed first and not counted, in both measurements (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--seed", defaultValue = "1", description = "Seed for identities and pairs (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the result as one JSON document (else name/value lines).")
  boolean json;

  /** A call at one end. */
  record Key(net.switchboard.signaling.call.CallId id, CallSession.Role role) {
    static Key of(CallSession s) {
      return new Key(s.id(), s.role());
    }
  }

  static CompletableFuture<CallSession> future(Map<Key, CompletableFuture<CallSession>> m, Key k) {
    return m.computeIfAbsent(k, x -> new CompletableFuture<>());
  }

  /** One call's timeline, in ms from the start of its resolve. */
  record Sample(boolean ok, double resolveMs, double ringAckedMs, double acceptedMs, double setupMs, int hops, String error) {}

  @Override
  public Integer call() throws Exception {
    if (nodes < 2 || calls < 1 || warmup < 0) {
      throw new ParameterException(spec.commandLine(), "need --nodes >= 2, --calls >= 1, --warmup >= 0");
    }
    PrintStream progress = System.err;
    long t0 = System.nanoTime();
    progress.printf("starting %d nodes on 127.0.0.1...%n", nodes);
    List<NodeCalls> all = new ArrayList<>();
    Map<Key, CompletableFuture<CallSession>> active = new ConcurrentHashMap<>();
    Map<Key, CompletableFuture<CallSession>> ended = new ConcurrentHashMap<>();
    Map<Key, Long> accepted = new ConcurrentHashMap<>();
    Map<Id256, Integer> lastHops = new ConcurrentHashMap<>();
    Map<Id256, Long> ringAcked = new ConcurrentHashMap<>();
    JsonObject out = new JsonObject().put("nodes", nodes).put("calls", calls).put("warmup_calls", warmup);
    try (LocalTestnet net = LocalTestnet.start(nodes,
        LocalTestnet.Options.defaults().withDht(DhtConfig.defaults()).withSeed(seed).withParallelJoins(32))) {
      double startSeconds = (System.nanoTime() - t0) / 1e9;
      progress.printf("%d nodes joined in %.1f s; starting calls and publishing contact records%n", nodes, startSeconds);
      for (OverlayNode n : net.nodes()) {
        NodeCalls.Events events = new NodeCalls.Events() {
          @Override
          public void onStateChanged(CallSession call, CallState from, CallState to) {
            if (to == CallState.CONNECTING) {
              accepted.put(Key.of(call), System.nanoTime());
            }
            if (to == CallState.ACTIVE) {
              future(active, Key.of(call)).complete(call);
            }
          }

          @Override
          public void onEnded(CallSession call) {
            future(active, Key.of(call)).complete(call);
            future(ended, Key.of(call)).complete(call);
          }

          @Override
          public void onRouted(Id256 target, int hops) {
            lastHops.putIfAbsent(target, hops);
            ringAcked.putIfAbsent(target, System.nanoTime());
          }
        };
        CallSettings settings = CallSettings.defaults()
            .withPolicy((key, now) -> CallPolicy.Decision.ACCEPT)
            .withLoopbackMedia(true)
            .withDirect(false, false);
        all.add(NodeCalls.start(net.vertx(), n, settings, NodeLog.silent(), events).get(30, TimeUnit.SECONDS));
      }
      publishRecords(net);
      progress.printf("records published; measuring the bare WebRTC handshake (%d + %d calls)%n", warmup, calls);
      List<Double> bare = BareHandshakeBench.measure(warmup + calls);
      bare = bare.subList(warmup, bare.size());
      // each node keeps one native connection made ahead for its next call (SafeMediaEngine); the
      // nodes here share the process's factory and both ends of a call are in this process: two
      WebRtcFactory.shared().keepSpareConnections(2);

      SplittableRandom pick = new SplittableRandom(seed);
      ContactLookup lookup = new ContactLookup(ContactPeriods.defaults());
      List<Sample> samples = new ArrayList<>();
      for (int i = 0; i < warmup + calls; i++) {
        int a = pick.nextInt(nodes);
        int b = pick.nextInt(nodes - 1);
        if (b >= a) {
          b++;
        }
        Sample s = oneCall(net.node(a), all.get(a), net.node(b), all.get(b), lookup, active, ended, accepted, lastHops, ringAcked);
        if (i >= warmup) {
          samples.add(s);
          if (!s.ok()) {
            progress.printf("call %d (%d -> %d) failed: %s%n", i - warmup + 1, a, b, s.error());
          }
          if ((i - warmup + 1) % 10 == 0) {
            progress.printf("%d/%d calls%n", i - warmup + 1, calls);
          }
        }
      }
      report(out, samples, bare, startSeconds);
    } finally {
      for (NodeCalls c : all) {
        c.close();
      }
      WebRtcFactory.shared().close();
    }
    BenchOutput.print(spec.commandLine().getOut(), out, json);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static void publishRecords(LocalTestnet net) throws Exception {
    List<CompletableFuture<?>> puts = new ArrayList<>();
    for (OverlayNode n : net.nodes()) {
      ContactPublisher publisher = ContactPublisher.forNode(n.identity(), new SecureRandom());
      List<DhtRecord> records = publisher.recordsToPublish(System.currentTimeMillis());
      for (DhtRecord r : records) {
        puts.add(n.callAsync(d -> d.put(r)));
      }
    }
    CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
  }

  private static Sample oneCall(OverlayNode caller, NodeCalls callerCalls, OverlayNode callee, NodeCalls calleeCalls,
      ContactLookup lookup,
      Map<Key, CompletableFuture<CallSession>> active, Map<Key, CompletableFuture<CallSession>> ended,
      Map<Key, Long> accepted, Map<Id256, Integer> lastHops, Map<Id256, Long> ringAcked) {
    byte[] key = callee.identity().publicKey();
    lastHops.remove(callee.identity().nodeId());
    ringAcked.remove(callee.identity().nodeId());
    long start = System.nanoTime();
    double resolveMs = -1;
    CallSession session = null;
    try {
      // resolve and media setup run in parallel: the session creates its offer while the lookup
      // runs, and rings once both are done
      long[] resolvedAt = new long[1];
      session = caller.call(d -> {
        CompletableFuture<Reachability> reachability =
            lookup.resolve(d, key, caller.scheduler().nowMillis(), 0, Optional.empty())
                .thenApply(r -> {
                  resolvedAt[0] = System.nanoTime();
                  return r.record().reachability();
                });
        return callerCalls.manager().call(key, reachability);
      }).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      CallSession s = session;
      Key k = Key.of(s);
      CallSession done = future(active, k).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      double setupMs = (System.nanoTime() - start) / 1e6;
      resolveMs = resolvedAt[0] == 0 ? -1 : (resolvedAt[0] - start) / 1e6;
      Long acceptedAt = accepted.remove(k);
      double acceptedMs = acceptedAt == null ? -1 : (acceptedAt - start) / 1e6;
      if (done.state() != CallState.ACTIVE) {
        return new Sample(false, resolveMs, -1, acceptedMs, setupMs, -1, done.endReason() + ": " + done.endDetail());
      }
      Integer hops = lastHops.get(callee.identity().nodeId());
      Long ringAt = ringAcked.get(callee.identity().nodeId());
      double ringMs = ringAt == null ? -1 : (ringAt - start) / 1e6;
      List<CompletableFuture<String>> peersClosed = new ArrayList<>();
      callerCalls.peer(s).ifPresent(p -> peersClosed.add(p.closed()));
      calleeCalls.media().peer(s.id()).ifPresent(p -> peersClosed.add(p.closed()));
      callerCalls.onNodeThread(s::hangup);
      future(ended, k).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      // the callee ends when the HANGUP arrives: wait, so that the next call to it does not hear BUSY
      future(ended, new Key(s.id(), CallSession.Role.CALLEE)).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      // and both peer connections are torn down, as the bare loop closes each pair before the next
      // one, so that no teardown competes with the next call for the native threads
      CompletableFuture.allOf(peersClosed.toArray(CompletableFuture[]::new)).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      active.remove(k);
      ended.remove(k);
      ended.remove(new Key(s.id(), CallSession.Role.CALLEE));
      return new Sample(true, resolveMs, ringMs, acceptedMs, setupMs, hops == null ? -1 : hops, null);
    } catch (Exception e) {
      if (session != null) {
        CallSession s = session;
        callerCalls.onNodeThread(s::hangup);
      }
      return new Sample(false, resolveMs, -1, -1, (System.nanoTime() - start) / 1e6, -1, String.valueOf(e));
    }
  }


  private static void report(JsonObject out, List<Sample> samples, List<Double> bare, double startSeconds) {
    List<Sample> ok = samples.stream().filter(Sample::ok).toList();
    double[] setup = ok.stream().mapToDouble(Sample::setupMs).toArray();
    double[] resolve = ok.stream().mapToDouble(Sample::resolveMs).toArray();
    double[] ring = ok.stream().filter(x -> x.ringAckedMs() >= 0).mapToDouble(x -> x.ringAckedMs() - x.resolveMs()).toArray();
    double[] ringing = ok.stream().filter(x -> x.acceptedMs() >= 0 && x.ringAckedMs() >= 0)
        .mapToDouble(x -> x.acceptedMs() - x.ringAckedMs()).toArray();
    double[] connecting = ok.stream().filter(x -> x.acceptedMs() >= 0).mapToDouble(x -> x.setupMs() - x.acceptedMs()).toArray();
    double[] hops = ok.stream().filter(s -> s.hops() >= 0).mapToDouble(Sample::hops).toArray();
    Stats setupStats = new Stats(setup);
    Stats bareStats = new Stats(bare.stream().mapToDouble(Double::doubleValue).toArray());
    Stats hopStats = new Stats(hops);
    Stats resolveStats = new Stats(resolve);
    out.put("success_rate", round((double) ok.size() / samples.size()))
        .put("setup_ms", new JsonObject().put("median", round(setupStats.median())).put("p95", round(setupStats.percentile(95))))
        .put("bare_webrtc_ms", new JsonObject().put("median", round(bareStats.median())).put("p95", round(bareStats.percentile(95))))
        .put("overlay_overhead_ratio", bareStats.median() == 0 ? null : round(setupStats.median() / bareStats.median()))
        .put("route_hops", new JsonObject().put("median", hopStats.median()).put("max", hopStats.max()))
        .put("breakdown_ms_median", new JsonObject()
            .put("resolve", round(resolveStats.median()))
            .put("offer_and_ring_delivered", round(new Stats(ring).median()))
            .put("callee_answer_delivered", round(new Stats(ringing).median()))
            .put("answer_to_open", round(new Stats(connecting).median())))
        .put("startup_s", round(startSeconds));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
