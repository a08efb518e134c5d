package net.switchboard.simulations.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.NamespaceValidator;
import net.switchboard.seam.Scheduler;
import net.switchboard.dht.identity.SignatureScheme;
import net.switchboard.dht.wire.MessageType;
import net.switchboard.netsim.engine.Simulator;
import net.switchboard.netsim.network.SimTransport;
import net.switchboard.netsim.network.VirtualNetwork;

/**
 * The live nodes: creates production {@link DhtNode}s on the {@link VirtualNetwork}, joins each
 * through a random live node it can reach (retrying through another when that one is gone), and
 * takes nodes off the network when they leave. Keeps an index of live node ids (to find the k
 * closest live nodes to a key, the ground truth the metrics compare with) and the counters of
 * departed nodes, so totals survive churn.
 */
public final class Population {
  private static final long JOIN_RETRY_MILLIS = 5_000;
  private static final MessageType[] TYPES = MessageType.values();

  /** Told when a node finished joining and after a node left. */
  public interface Listener {
    void joined(SimNode node);

    void left(SimNode node);
  }

  private final Simulator simulator;
  private final VirtualNetwork network;
  private final SplittableRandom random;
  private final DhtConfig config;
  private final List<NamespaceValidator> validators;
  private final Scheduler scheduler;
  private final SignatureScheme signatures;
  private final List<SimNode> live = new ArrayList<>();
  private final TreeMap<Id256, SimNode> byId = new TreeMap<>();
  /** Named core counters summed over all nodes for the summary. */
  public static final List<String> COUNTERS = List.of(
      "handoff", "republish_own", "republish_held", "rpc_timeouts", "rpc_retries", "dropped_unsolicited");
  private final long[] departedSent = new long[256];
  private final long[] departedCounters = new long[COUNTERS.size()];
  private long departedBytesSent;
  private Listener listener = new Listener() {
    @Override
    public void joined(SimNode node) {}

    @Override
    public void left(SimNode node) {}
  };
  private int created;
  private long joins;
  private long leaves;
  private long joinRetries;

  public Population(Simulator simulator, VirtualNetwork network, SplittableRandom random, DhtConfig config,
      List<NamespaceValidator> validators, SignatureScheme signatures) {
    this.signatures = signatures;
    this.simulator = simulator;
    this.network = network;
    this.random = random;
    this.config = config;
    this.validators = validators;
    this.scheduler = simulator.scheduler();
  }

  public void setListener(Listener listener) {
    this.listener = listener;
  }

  /**
   * Starts a fresh node (new identity, unless {@code identity} is given) and joins it through a
   * random live node; the first node founds the network.
   */
  public SimNode spawn(Identity identity, String traceLabel) {
    SplittableRandom nodeRandom = random.split();
    Identity id = identity != null ? identity : Identity.generate(nodeRandom.split(), signatures);
    SimTransport transport = network.attach();
    DhtNode dht = new DhtNode(id, transport, scheduler, nodeRandom, config, validators);
    SimNode node = new SimNode(created++, dht, transport, simulator.nowMillis(), traceLabel);
    dht.start();
    node.liveSlot = live.size();
    live.add(node);
    byId.put(dht.id(), node);
    join(node);
    return node;
  }

  private void join(SimNode node) {
    if (!node.alive) {
      return;
    }
    SimNode boot = randomJoined(node);
    if (boot == null && joins > 0) {
      // nobody reachable has finished joining yet: try again shortly
      joinRetries++;
      simulator.schedule(JOIN_RETRY_MILLIS, () -> join(node));
      return;
    }
    List<net.switchboard.seam.Endpoint> bootstrap = boot == null ? List.of() : List.of(boot.dht.endpoint());
    node.dht.join(bootstrap).whenComplete((size, err) -> {
      if (!node.alive) {
        return;
      }
      if (err != null) {
        joinRetries++;
        simulator.schedule(JOIN_RETRY_MILLIS, () -> join(node));
        return;
      }
      node.joined = true;
      joins++;
      listener.joined(node);
    });
  }

  private SimNode randomJoined(SimNode self) {
    for (int attempt = 0; attempt < 32 && !live.isEmpty(); attempt++) {
      SimNode n = live.get(random.nextInt(live.size()));
      if (n != self && n.joined && network.canReach(self.transport, n.transport)) {
        return n;
      }
    }
    return null;
  }

  /** The node leaves at once, as a crash looks to the network. */
  public void leave(SimNode node) {
    if (!node.alive) {
      return;
    }
    node.alive = false;
    int slot = node.liveSlot;
    SimNode last = live.remove(live.size() - 1);
    if (last != node) {
      live.set(slot, last);
      last.liveSlot = slot;
    }
    node.liveSlot = -1;
    byId.remove(node.dht.id());
    node.dht.stop();
    network.detach(node.transport);
    for (MessageType t : TYPES) {
      departedSent[t.code] += node.dht.metrics().sent(t);
    }
    departedBytesSent += node.dht.metrics().bytesSent();
    for (int i = 0; i < COUNTERS.size(); i++) {
      departedCounters[i] += node.dht.metrics().get(COUNTERS.get(i));
    }
    leaves++;
    listener.left(node);
  }

  /** A random live node that finished joining, or null after a few misses. */
  public SimNode randomJoined(SplittableRandom r) {
    for (int attempt = 0; attempt < 32 && !live.isEmpty(); attempt++) {
      SimNode n = live.get(r.nextInt(live.size()));
      if (n.joined) {
        return n;
      }
    }
    return null;
  }

  /** Live nodes, in no meaningful but deterministic order. Do not modify. */
  public List<SimNode> live() {
    return live;
  }

  public int liveCount() {
    return live.size();
  }

  /** The live node with id {@code id}, or null. */
  public SimNode byId(Id256 id) {
    return byId.get(id);
  }

  /**
   * The {@code k} live nodes closest to {@code key} by XOR, nearest first. The k closest lie in
   * the smallest id prefix subtree around {@code key} that holds at least k live nodes, a
   * contiguous range of the sorted index; only that range is examined.
   */
  public List<SimNode> closestLive(Id256 key, int k) {
    byte[] bytes = key.toBytes();
    int start = Math.min(255, 64 - Long.numberOfLeadingZeros(Math.max(1, byId.size())) + 2);
    NavigableMap<Id256, SimNode> range = byId;
    for (int prefix = start; prefix >= 0; prefix--) {
      NavigableMap<Id256, SimNode> sub = byId.subMap(bound(bytes, prefix, false), true, bound(bytes, prefix, true), true);
      int n = 0;
      for (var it = sub.keySet().iterator(); it.hasNext() && n < k; it.next()) {
        n++;
      }
      if (n >= k) {
        range = sub;
        break;
      }
    }
    List<SimNode> all = new ArrayList<>(range.values());
    all.sort((a, b) -> key.compareDistance(a.dht.id(), b.dht.id()));
    return all.size() > k ? new ArrayList<>(all.subList(0, k)) : all;
  }

  private static Id256 bound(byte[] key, int prefix, boolean high) {
    byte[] b = key.clone();
    for (int bit = prefix; bit < 256; bit++) {
      int mask = 0x80 >>> (bit & 7);
      if (high) {
        b[bit >>> 3] |= (byte) mask;
      } else {
        b[bit >>> 3] &= (byte) ~mask;
      }
    }
    return Id256.of(b);
  }

  /** Messages of {@code type} sent so far by all nodes, live and departed. */
  public long sentTotal(MessageType type) {
    long sum = departedSent[type.code];
    for (SimNode n : live) {
      sum += n.dht.metrics().sent(type);
    }
    return sum;
  }

  /** Bytes sent so far by the DHT of all nodes, live and departed (its own count). */
  public long bytesSentTotal() {
    long sum = departedBytesSent;
    for (SimNode n : live) {
      sum += n.dht.metrics().bytesSent();
    }
    return sum;
  }

  /** A named core counter (one of {@link #COUNTERS}) summed over all nodes, live and departed. */
  public long counterTotal(String name) {
    int i = COUNTERS.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("not a tracked counter: " + name);
    }
    long sum = departedCounters[i];
    for (SimNode n : live) {
      sum += n.dht.metrics().get(name);
    }
    return sum;
  }

  public int created() {
    return created;
  }

  /** Completed joins. */
  public long joins() {
    return joins;
  }

  public long leaves() {
    return leaves;
  }

  public long joinRetries() {
    return joinRetries;
  }
}
