package net.switchboard.signaling.e2e;

import net.switchboard.dht.identity.Identity;
import net.switchboard.signaling.contact.crypto.X25519Keys;

/** Opens envelopes for one local identity: decrypt, verify, then the time window and replay check. */
public final class EnvelopeOpener {
  private final Identity identity;
  private final byte[] x25519Secret;
  private final byte[] x25519Public;
  private final ReplayGuard guard;
  private final PeerKeys peers;

  public EnvelopeOpener(Identity identity, ReplayGuard guard) {
    this(identity, guard, new PeerKeys());
  }

  /** An opener keeping senders' decoded keys in {@code peers} (which a sealer may share). */
  public EnvelopeOpener(Identity identity, ReplayGuard guard, PeerKeys peers) {
    this.identity = identity;
    this.x25519Secret = X25519Keys.secretKeyFromEd25519(identity.secretKey());
    this.x25519Public = X25519Keys.publicKey(x25519Secret);
    this.guard = guard;
    this.peers = peers;
  }

  public Identity identity() {
    return identity;
  }

  /**
   * The verified message, accepted once.
   *
   * @throws EnvelopeRejectedException with the reason to count
   */
  public OpenedEnvelope open(byte[] envelope, long nowMillis) throws EnvelopeRejectedException {
    OpenedEnvelope opened = SignalingEnvelope.open(identity, x25519Secret, x25519Public, envelope, peers);
    guard.check(opened, nowMillis);
    return opened;
  }
}
