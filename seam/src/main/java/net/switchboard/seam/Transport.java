package net.switchboard.seam;

/**
 * Unreliable datagram delivery, the only way the protocol core talks to the world.
 *
 * <p>Real: a Vert.x {@code DatagramSocket}. Simulated: a virtual network with modelled latency and
 * loss. Delivery may drop, duplicate or reorder; the core copes with all three.
 */
public interface Transport {

  /** The endpoint other nodes should use to reach this one. */
  Endpoint localEndpoint();

  /** Sends one datagram; never throws for network reasons (a failed send is a lost packet). */
  void send(Endpoint to, byte[] datagram);

  /**
   * Installs the single receiver. Datagrams are delivered on the node's scheduler thread. The array
   * belongs to the receiver afterwards.
   */
  void setReceiver(Receiver receiver);

  /** Largest datagram this transport carries. */
  default int maxDatagramSize() {
    return 8192;
  }

  /** Called for every datagram that arrives. */
  @FunctionalInterface
  interface Receiver {
    void onDatagram(Endpoint from, byte[] datagram);
  }
}
