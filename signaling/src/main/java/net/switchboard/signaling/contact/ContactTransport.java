package net.switchboard.signaling.contact;

/**
 * A signaling transport a publisher accepts offers on. Each has a fixed bit in the record's
 * transport flags byte; a caller picks the first it supports, falling back in this order.
 */
public enum ContactTransport {
  /** Routed through the overlay to one of the introduction routes (the default). */
  OVERLAY(0x01),
  /** Straight to one of the record's direct endpoints. */
  DIRECT(0x02),
  /** Through the browser gateway named as an introduction route. */
  GATEWAY(0x04),
  /** Through a PeerJS signaling server. */
  PEERJS(0x08);

  final int bit;

  ContactTransport(int bit) {
    this.bit = bit;
  }

  /** Every flag bit this version defines; the others must be zero. */
  static final int KNOWN_BITS = 0x0F;
}
