package net.switchboard.dht.testing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.identity.SignatureScheme;
import net.switchboard.dht.record.NamespaceValidator;
import net.switchboard.dht.record.SignedRecordValidator;
import net.switchboard.netsim.engine.Simulator;
import net.switchboard.netsim.network.SimTransport;
import net.switchboard.netsim.network.VirtualNetwork;
import net.switchboard.seam.Endpoint;
import net.switchboard.seam.Scheduler;

/**
 * The one test network of every module: real {@link DhtNode}s on the simulator's engine (netsim's
 * {@link Simulator} and {@link VirtualNetwork}, the same code the churn simulations run), all
 * randomness split from one seed, so a test is deterministic and never sleeps; like hyperdht's
 * {@code createTestnet}, one call builds it: {@code new Testnet(seed, config).grow(50)}.
 *
 * <p>Datagrams take 2..10 ms by default (a LAN, so tests reason about protocol timeouts, not
 * geography); {@link #withLatencyModel} gives the simulations' calibrated latency space instead.
 * Every delivery is folded into a SHA-256 trace, so two runs can be compared bit for bit. Virtual
 * time moves only inside {@link #advance}, {@link #runUntil} and {@link #await}.
 */
public final class Testnet {
  public static final long START_MILLIS = Simulator.DEFAULT_START_MILLIS;

  public final Simulator simulator = new Simulator(START_MILLIS);
  public final VirtualNetwork network;
  public final List<DhtNode> nodes = new ArrayList<>();
  private final SplittableRandom seeds;
  private final DhtConfig config;
  private final SignatureScheme scheme;
  private final Scheduler scheduler = simulator.scheduler();
  private final MessageDigest trace;

  /** A network of no nodes yet, Ed25519 identities. */
  public Testnet(long seed, DhtConfig config) {
    this(seed, config, SignatureScheme.ed25519(), VirtualNetwork.uniformDelay(2, 8), 0.0);
  }

  /** A network of nodes whose identities sign with {@code scheme}. */
  public Testnet(long seed, DhtConfig config, SignatureScheme scheme) {
    this(seed, config, scheme, VirtualNetwork.uniformDelay(2, 8), 0.0);
  }

  private Testnet(long seed, DhtConfig config, SignatureScheme scheme, VirtualNetwork.Delay delay, double lossRate) {
    this.seeds = new SplittableRandom(seed);
    this.config = config;
    this.scheme = scheme;
    this.network = new VirtualNetwork(simulator, seeds.split(), lossRate, delay);
    try {
      this.trace = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    network.setTap(this::record);
  }

  /** A network with no nodes and default DHT parameters (for tests that bring their own parties). */
  public static Testnet empty(long seed) {
    return new Testnet(seed, DhtConfig.defaults());
  }

  /** The same network with the simulations' latency space and a loss rate. */
  public static Testnet withLatencyModel(long seed, DhtConfig config, double lossRate) {
    return new Testnet(seed, config, SignatureScheme.ed25519(), null, lossRate);
  }

  public static List<NamespaceValidator> validators() {
    return validators(SignatureScheme.ed25519());
  }

  public static List<NamespaceValidator> validators(SignatureScheme scheme) {
    return List.of(new SignedRecordValidator(50 * DhtConfig.HOUR, scheme));
  }

  /** Builds and joins {@code n} nodes, each through the first; fails if any join fails. */
  public Testnet grow(int n) {
    for (int i = 0; i < n; i++) {
      DhtNode node = addNode();
      List<Endpoint> boot = nodes.size() == 1 ? List.of() : List.of(nodes.get(0).endpoint());
      CompletableFuture<Integer> joined = node.join(boot);
      if (!runUntil(joined::isDone, 60_000) || joined.isCompletedExceptionally()) {
        throw new IllegalStateException("node " + i + " failed to join");
      }
    }
    return this;
  }

  /** A started node that has not joined yet. */
  public DhtNode addNode() {
    SplittableRandom r = seeds.split();
    DhtNode node = new DhtNode(Identity.generate(r.split(), scheme), port(), scheduler, r, config, validators(scheme));
    node.start();
    nodes.add(node);
    return node;
  }

  /** A fresh attachment at a new virtual address (for a node built by hand or a {@link FakePeer}). */
  public SimTransport port() {
    return network.attach();
  }

  /** Takes the node at {@code endpoint} off the network: datagrams to it, even in flight, vanish. */
  public void disconnect(Endpoint endpoint) {
    SimTransport t = network.transportAt(endpoint);
    if (t != null) {
      network.detach(t);
    }
  }

  /** The scheduler every node of this network runs on. */
  public Scheduler scheduler() {
    return scheduler;
  }

  public long nowMillis() {
    return simulator.nowMillis();
  }

  /** Runs every event due in the next {@code millis} of virtual time. */
  public void advance(long millis) {
    simulator.runUntil(simulator.nowMillis() + millis);
  }

  /** Runs events until {@code done} holds or {@code maxMillis} of virtual time passed; whether it held. */
  public boolean runUntil(BooleanSupplier done, long maxMillis) {
    return simulator.runUntil(done, simulator.nowMillis() + maxMillis);
  }

  /** Runs until {@code f} completes (at most {@code maxMillis} virtual ms) and returns its value. */
  public <T> T await(CompletableFuture<T> f, long maxMillis) {
    if (!runUntil(f::isDone, maxMillis)) {
      throw new IllegalStateException("not done after " + maxMillis + " virtual ms");
    }
    return f.join();
  }

  /** Datagrams delivered so far. */
  public long delivered() {
    return network.datagramsDelivered();
  }

  /** Hex SHA-256 over every delivered datagram (time, from, to, bytes) in delivery order. */
  public String traceDigest() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) trace.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  private void record(long atMillis, Endpoint from, Endpoint to, byte[] datagram) {
    for (int i = 0; i < 8; i++) {
      trace.update((byte) (atMillis >>> (8 * i)));
    }
    trace.update(from.toString().getBytes());
    trace.update(to.toString().getBytes());
    trace.update(datagram);
  }
}
