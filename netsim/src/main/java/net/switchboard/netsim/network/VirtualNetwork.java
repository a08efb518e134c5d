package net.switchboard.netsim.network;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.switchboard.seam.Endpoint;
import net.switchboard.netsim.engine.Simulator;

/**
 * Delivers datagrams between {@link SimTransport}s on the {@link Simulator}'s clock: each arrives
 * as a fresh copy after the {@link LatencyModel}'s one-way delay (plus up to 10% jitter), or is
 * lost at random with probability {@code lossRate}, or is dropped when its ends sit on two sides
 * of an open partition or the receiver has left. Node {@code i} lives at 10.x.y.z = 10.0.0.1 + i,
 * port 7400; addresses are never reused, so datagrams to a departed node vanish.
 */
public final class VirtualNetwork {
  /** One-way delay of a datagram from node {@code from} to node {@code to}, in milliseconds (&ge; 1). */
  public interface Delay {
    long millis(int from, int to, SplittableRandom packetRandom);
  }

  /** Sees every datagram delivered, in delivery order (for traces and test assertions). */
  public interface Tap {
    void delivered(long atMillis, Endpoint from, Endpoint to, byte[] datagram);
  }

  /** UDP port of every virtual node. */
  public static final int PORT = 7400;
  private static final int BASE_ADDRESS = 0x0A000001; // 10.0.0.1
  private static final int MAX_NODES = (1 << 24) - 2;

  private final Simulator simulator;
  private final LatencyModel latency = new LatencyModel();
  private final SplittableRandom placementRandom;
  private final SplittableRandom packetRandom;
  private final SplittableRandom groupRandom;
  private final double lossRate;
  private final Delay delay;
  private Tap tap;
  private final byte[] scratch = new byte[4];
  private SimTransport[] transports = new SimTransport[1024];
  private int count;
  private boolean partitioned;
  private double partitionFraction;
  private long bytesSent;
  private long datagramsSent;
  private long datagramsDelivered;
  private long datagramsLost;
  private long datagramsPartitioned;
  private long datagramsUnreachable;

  /**
   * @param random split three ways: placement, per-packet draws (loss, jitter), partition groups
   * @param lossRate probability that one datagram is lost, in [0, 1)
   */
  public VirtualNetwork(Simulator simulator, SplittableRandom random, double lossRate) {
    this(simulator, random, lossRate, null);
  }

  /**
   * A network whose one-way delays come from {@code delay} instead of the latency model (null: the
   * model, plus up to 10% jitter); tests use a fixed LAN-like range.
   */
  public VirtualNetwork(Simulator simulator, SplittableRandom random, double lossRate, Delay delay) {
    if (!(lossRate >= 0 && lossRate < 1)) {
      throw new IllegalArgumentException("loss rate must be in [0,1), got " + lossRate);
    }
    this.simulator = simulator;
    this.placementRandom = random.split();
    this.packetRandom = random.split();
    this.groupRandom = random.split();
    this.lossRate = lossRate;
    this.delay = delay != null ? delay
        : (from, to, r) -> Math.max(1, Math.round(latency.oneWayMillis(from, to) * (1 + 0.1 * r.nextDouble())));
  }

  /** A uniform one-way delay of {@code min}..{@code min + jitter} ms, whatever the nodes. */
  public static Delay uniformDelay(long minMillis, long jitterMillis) {
    if (minMillis < 1 || jitterMillis < 0) {
      throw new IllegalArgumentException("delay needs min >= 1 and jitter >= 0, got " + minMillis + "/" + jitterMillis);
    }
    return (from, to, r) -> minMillis + (jitterMillis > 0 ? r.nextLong(jitterMillis + 1) : 0);
  }

  /** Installs {@code tap} (null removes it). */
  public void setTap(Tap tap) {
    this.tap = tap;
  }

  /** The attached node at {@code endpoint}, or null. */
  public SimTransport transportAt(Endpoint endpoint) {
    return lookup(endpoint);
  }

  /** Attaches a new node at a fresh address and a fresh place in the latency space. */
  public SimTransport attach() {
    if (count >= MAX_NODES) {
      throw new IllegalStateException("virtual address space exhausted after " + count + " nodes");
    }
    int index = count++;
    if (index == transports.length) {
      transports = Arrays.copyOf(transports, transports.length * 2);
    }
    latency.place(index, placementRandom);
    SimTransport t = new SimTransport(this, index, Endpoint.ipv4(BASE_ADDRESS + index, PORT));
    if (partitioned) {
      t.group = (byte) (groupRandom.nextDouble() < partitionFraction ? 1 : 0);
    }
    transports[index] = t;
    return t;
  }

  /** Takes a node off the network (it left): datagrams to it, even those in flight, vanish. */
  public void detach(SimTransport t) {
    t.detach();
    transports[t.index()] = null;
  }

  /** Opens a partition: each attached node joins group 1 with probability {@code fraction}. */
  public void openPartition(double fraction) {
    partitioned = true;
    partitionFraction = fraction;
    for (int i = 0; i < count; i++) {
      if (transports[i] != null) {
        transports[i].group = (byte) (groupRandom.nextDouble() < fraction ? 1 : 0);
      }
    }
  }

  /** Heals the partition: every node can reach every other again. */
  public void healPartition() {
    partitioned = false;
  }

  public boolean isPartitioned() {
    return partitioned;
  }

  /** True when a datagram from {@code a} could reach {@code b} now (ignoring random loss). */
  public boolean canReach(SimTransport a, SimTransport b) {
    return b.isAttached() && (!partitioned || a.group == b.group);
  }

  /** Round-trip time between two nodes of the latency space, milliseconds. */
  public double rttMillis(SimTransport a, SimTransport b) {
    return latency.rttMillis(a.index(), b.index());
  }

  public LatencyModel latency() {
    return latency;
  }

  void send(SimTransport from, Endpoint to, byte[] datagram) {
    bytesSent += datagram.length;
    datagramsSent++;
    SimTransport target = lookup(to);
    if (target == null) {
      datagramsUnreachable++;
      return;
    }
    if (lossRate > 0 && packetRandom.nextDouble() < lossRate) {
      datagramsLost++;
      return;
    }
    long oneWay = delay.millis(from.index(), target.index(), packetRandom);
    byte[] copy = datagram.clone();
    simulator.post(oneWay, () -> deliver(from, target, copy));
  }

  private void deliver(SimTransport from, SimTransport to, byte[] datagram) {
    if (partitioned && from.group != to.group) {
      datagramsPartitioned++;
      return;
    }
    if (!to.isAttached()) {
      datagramsUnreachable++;
      return;
    }
    datagramsDelivered++;
    if (tap != null) {
      tap.delivered(simulator.nowMillis(), from.localEndpoint(), to.localEndpoint(), datagram);
    }
    to.deliver(from.localEndpoint(), datagram);
  }

  private SimTransport lookup(Endpoint to) {
    if (to.addressLength() != 4 || to.port() != PORT) {
      return null;
    }
    to.copyAddress(scratch, 0);
    int address = ((scratch[0] & 0xFF) << 24) | ((scratch[1] & 0xFF) << 16) | ((scratch[2] & 0xFF) << 8) | (scratch[3] & 0xFF);
    int index = address - BASE_ADDRESS;
    if (index < 0 || index >= count) {
      return null;
    }
    return transports[index];
  }

  /** Bytes handed to {@link SimTransport#send} by all nodes so far (lost ones included). */
  public long bytesSent() {
    return bytesSent;
  }

  public long datagramsSent() {
    return datagramsSent;
  }

  public long datagramsDelivered() {
    return datagramsDelivered;
  }

  public long datagramsLost() {
    return datagramsLost;
  }

  public long datagramsPartitioned() {
    return datagramsPartitioned;
  }

  /** Datagrams to an address with no node (departed, never existed). */
  public long datagramsUnreachable() {
    return datagramsUnreachable;
  }
}
