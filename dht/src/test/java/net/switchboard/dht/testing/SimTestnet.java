package net.switchboard.dht.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.NamespaceValidator;
import net.switchboard.dht.record.SignedRecordValidator;
import net.switchboard.seam.Endpoint;

/**
 * One call builds a network of real {@link DhtNode}s on an {@link InMemoryNetwork} and a {@link
 * ManualClock}, all randomness split from one seed (like holepunch's testnet.js, but
 * deterministic). Nodes join one after another through the first node.
 */
public final class SimTestnet {
  public static final long START_MILLIS = 1_700_000_000_000L;
  public final ManualClock clock = new ManualClock(START_MILLIS);
  public final InMemoryNetwork network;
  public final List<DhtNode> nodes = new ArrayList<>();
  private final SplittableRandom seeds;
  private final DhtConfig config;
  private final net.switchboard.dht.identity.SignatureScheme scheme;

  public SimTestnet(long seed, DhtConfig config) {
    this(seed, config, net.switchboard.dht.identity.SignatureScheme.ed25519());
  }

  /** A testnet whose identities sign with {@code scheme} (the simulation stand-in for large runs). */
  public SimTestnet(long seed, DhtConfig config, net.switchboard.dht.identity.SignatureScheme scheme) {
    this.scheme = scheme;
    this.seeds = new SplittableRandom(seed);
    this.network = new InMemoryNetwork(clock, seeds.nextLong(), 2, 8, 0.0);
    this.config = config;
  }

  public static List<NamespaceValidator> validators() {
    return validators(net.switchboard.dht.identity.SignatureScheme.ed25519());
  }

  public static List<NamespaceValidator> validators(net.switchboard.dht.identity.SignatureScheme scheme) {
    return List.of(new SignedRecordValidator(50 * DhtConfig.HOUR, scheme));
  }

  /** Builds and joins {@code n} nodes; fails if any join fails. */
  public SimTestnet grow(int n) {
    for (int i = 0; i < n; i++) {
      DhtNode node = addNode();
      List<Endpoint> boot = nodes.size() == 1 ? List.of() : List.of(nodes.get(0).endpoint());
      CompletableFuture<Integer> joined = node.join(boot);
      if (!clock.runUntil(joined::isDone, 60_000) || joined.isCompletedExceptionally()) {
        throw new IllegalStateException("node " + i + " failed to join");
      }
    }
    return this;
  }

  /** A started node that has not joined yet. */
  public DhtNode addNode() {
    SplittableRandom r = seeds.split();
    DhtNode node = new DhtNode(Identity.generate(r.split(), scheme), network.newPort(), clock.scheduler(), r, config, validators(scheme));
    node.start();
    nodes.add(node);
    return node;
  }

  /** Runs the clock until {@code f} completes (at most {@code maxMillis} virtual ms) and returns its value. */
  public <T> T await(CompletableFuture<T> f, long maxMillis) {
    if (!clock.runUntil(f::isDone, maxMillis)) {
      throw new IllegalStateException("not done after " + maxMillis + " virtual ms");
    }
    return f.join();
  }
}
