package net.switchboard.dht.testing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import net.switchboard.seam.Endpoint;
import net.switchboard.seam.Transport;

/**
 * Datagrams between in-process nodes on a {@link ManualClock}: each is delivered after a latency
 * drawn from a seeded generator, or lost with a given probability. Every delivery is folded into a
 * running SHA-256 (the message trace), so two runs can be compared byte for byte.
 */
public final class InMemoryNetwork {
  private final ManualClock clock;
  private final SplittableRandom random;
  private final long minLatencyMillis;
  private final long jitterMillis;
  private final double lossRate;
  private final Map<Endpoint, Port> ports = new HashMap<>();
  private final MessageDigest trace;
  private int nextAddress = 0x0A000001; // 10.0.0.1
  private long delivered;

  public InMemoryNetwork(ManualClock clock, long seed, long minLatencyMillis, long jitterMillis, double lossRate) {
    this.clock = clock;
    this.random = new SplittableRandom(seed);
    this.minLatencyMillis = minLatencyMillis;
    this.jitterMillis = jitterMillis;
    this.lossRate = lossRate;
    try {
      this.trace = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new transport at a fresh virtual address. */
  public Port newPort() {
    Endpoint e = Endpoint.ipv4(nextAddress++, 7400);
    Port p = new Port(e);
    ports.put(e, p);
    return p;
  }

  /** Takes {@code endpoint} off the network: datagrams to it vanish. */
  public void disconnect(Endpoint endpoint) {
    Port p = ports.get(endpoint);
    if (p != null) {
      p.connected = false;
    }
  }

  public long delivered() {
    return delivered;
  }

  /** Hex SHA-256 over every delivered datagram (time, from, to, bytes) in delivery order. */
  public String traceDigest() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) trace.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One node's transport. */
  public final class Port implements Transport {
    private final Endpoint endpoint;
    private Receiver receiver;
    private boolean connected = true;

    Port(Endpoint endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public Endpoint localEndpoint() {
      return endpoint;
    }

    @Override
    public void send(Endpoint to, byte[] datagram) {
      if (!connected || random.nextDouble() < lossRate) {
        return;
      }
      byte[] copy = datagram.clone();
      long latency = minLatencyMillis + (jitterMillis > 0 ? random.nextLong(jitterMillis + 1) : 0);
      clock.at(latency, () -> deliver(endpoint, to, copy));
    }

    @Override
    public void setReceiver(Receiver receiver) {
      this.receiver = receiver;
    }
  }

  private void deliver(Endpoint from, Endpoint to, byte[] data) {
    Port p = ports.get(to);
    if (p == null || !p.connected || p.receiver == null) {
      return;
    }
    delivered++;
    long t = clock.nowMillis();
    for (int i = 0; i < 8; i++) {
      trace.update((byte) (t >>> (8 * i)));
    }
    trace.update(from.toString().getBytes());
    trace.update(to.toString().getBytes());
    trace.update(data);
    p.receiver.onDatagram(from, data);
  }
}
