package net.switchboard.simulations.scenario;

import net.switchboard.dht.DhtNode;
import net.switchboard.netsim.network.SimTransport;

/** One production {@link DhtNode} in the simulation, with its attachment and lifecycle state. */
public final class SimNode {
  final int serial;
  final DhtNode dht;
  final SimTransport transport;
  final long startedAtMillis;
  final String traceLabel;
  boolean joined;
  boolean alive = true;
  int liveSlot = -1;

  SimNode(int serial, DhtNode dht, SimTransport transport, long startedAtMillis, String traceLabel) {
    this.serial = serial;
    this.dht = dht;
    this.transport = transport;
    this.startedAtMillis = startedAtMillis;
    this.traceLabel = traceLabel;
  }

  /** The production node. */
  public DhtNode dht() {
    return dht;
  }

  public SimTransport transport() {
    return transport;
  }

  /** Order of creation, from 0. */
  public int serial() {
    return serial;
  }

  /** True once its join completed. */
  public boolean joined() {
    return joined;
  }

  public boolean alive() {
    return alive;
  }
}
