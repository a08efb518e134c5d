package net.switchboard.dht.session;

import net.switchboard.dht.identity.Id256;
import net.switchboard.seam.Endpoint;

/**
 * An authenticated session with one peer at one endpoint: both node keys proven by signatures over
 * the handshake, keys from an ephemeral X25519 exchange, every DATA datagram sealed with them.
 * Only the layer's thread touches it.
 */
public final class Session {
  private final Endpoint endpoint;
  private final Id256 peerId;
  private final boolean peerClient;
  private final Endpoint peerClaim;
  private final Endpoint observedSelf;
  final byte[] sendKey;
  final byte[] receiveKey;
  /** The tag the peer expects on DATA it receives (ours to send). */
  final long sendTag;
  /** The tag DATA for us carries; the layer finds the session by it. */
  final long receiveTag;
  final ReplayWindow window = new ReplayWindow();
  /** The responder side keeps the INIT's ephemeral and its ACCEPT to answer a retransmitted INIT. */
  final byte[] initiatorEphemeral;
  final byte[] acceptPacket;
  long sendCounter;
  long lastReceivedMillis;

  Session(Endpoint endpoint, Id256 peerId, boolean peerClient, Endpoint peerClaim, Endpoint observedSelf,
      byte[] sendKey, byte[] receiveKey, long sendTag, long receiveTag, byte[] initiatorEphemeral,
      byte[] acceptPacket, long nowMillis) {
    this.endpoint = endpoint;
    this.peerId = peerId;
    this.peerClient = peerClient;
    this.peerClaim = peerClaim;
    this.observedSelf = observedSelf;
    this.sendKey = sendKey;
    this.receiveKey = receiveKey;
    this.sendTag = sendTag;
    this.receiveTag = receiveTag;
    this.initiatorEphemeral = initiatorEphemeral;
    this.acceptPacket = acceptPacket;
    this.lastReceivedMillis = nowMillis;
  }

  /** Where the peer's datagrams come from and ours go. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** The peer's node id, proven by its signature in the handshake. */
  public Id256 peerId() {
    return peerId;
  }

  /** The peer said it is a client: never enter it in a routing table. */
  public boolean peerClient() {
    return peerClient;
  }

  /** The endpoint the peer signed as its own, or null when it did not claim one. */
  public Endpoint peerClaim() {
    return peerClaim;
  }

  /**
   * True when the peer signed, as its own, the very endpoint this session talks to. Only then may
   * the peer enter a routing table at that endpoint: a node that relays someone else's handshake
   * is talking from its own address, which the relayed peer did not sign.
   */
  public boolean addressConfirmed() {
    return !peerClient && peerClaim != null && peerClaim.equals(endpoint);
  }

  /** Our endpoint as the responder saw it (signed by the responder); null on the responder side. */
  public Endpoint observedSelf() {
    return observedSelf;
  }

  @Override
  public String toString() {
    return "Session[" + peerId.shortHex() + "@" + endpoint + (addressConfirmed() ? "" : ", unconfirmed") + "]";
  }
}
