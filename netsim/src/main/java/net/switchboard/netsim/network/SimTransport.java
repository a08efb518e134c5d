package net.switchboard.netsim.network;

import net.switchboard.seam.Endpoint;
import net.switchboard.seam.Transport;

/** One node's attachment to the {@link VirtualNetwork}: a virtual IPv4 endpoint and a receiver. */
public final class SimTransport implements Transport {
  private final VirtualNetwork network;
  private final int index;
  private final Endpoint endpoint;
  private Receiver receiver;
  private boolean attached = true;
  byte group;

  SimTransport(VirtualNetwork network, int index, Endpoint endpoint) {
    this.network = network;
    this.index = index;
    this.endpoint = endpoint;
  }

  @Override
  public Endpoint localEndpoint() {
    return endpoint;
  }

  @Override
  public void send(Endpoint to, byte[] datagram) {
    if (attached) {
      network.send(this, to, datagram);
    }
  }

  @Override
  public void setReceiver(Receiver receiver) {
    this.receiver = receiver;
  }

  /** Dense index of this node in the network (its place in the latency space). */
  public int index() {
    return index;
  }

  /** Partition group (0 or 1); meaningful only while a partition is open. */
  public int group() {
    return group;
  }

  public boolean isAttached() {
    return attached;
  }

  void detach() {
    attached = false;
    receiver = null;
  }

  void deliver(Endpoint from, byte[] datagram) {
    Receiver r = receiver;
    if (attached && r != null) {
      r.onDatagram(from, datagram);
    }
  }
}
