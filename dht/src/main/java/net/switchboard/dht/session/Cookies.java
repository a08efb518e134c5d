package net.switchboard.dht.session;

import java.security.MessageDigest;
import java.util.random.RandomGenerator;
import net.switchboard.seam.Endpoint;

/**
 * Stateless address validation, as QUIC's Retry token and WireGuard's cookie do: the cookie for a
 * HELLO is a MAC of its source endpoint and ephemeral key under a secret of the current minute.
 * Only whoever receives datagrams at that endpoint learns it, so an INIT carrying it proves the
 * source address, and the responder keeps no state for a HELLO. Cookies of the previous minute
 * are accepted too, so a cookie lives 1 to 2 minutes.
 */
final class Cookies {
  static final long EPOCH_MILLIS = 60_000;

  private final SessionCrypto crypto;
  private final byte[] master;

  Cookies(SessionCrypto crypto, RandomGenerator random) {
    this.crypto = crypto;
    this.master = new byte[32];
    random.nextBytes(master);
  }

  byte[] make(Endpoint source, byte[] ephemeral, long nowMillis) {
    return forEpoch(source, ephemeral, Math.floorDiv(nowMillis, EPOCH_MILLIS));
  }

  boolean valid(Endpoint source, byte[] ephemeral, byte[] cookie, long nowMillis) {
    long epoch = Math.floorDiv(nowMillis, EPOCH_MILLIS);
    // both compared in full, in constant time: no early exit tells which epoch matched
    boolean current = MessageDigest.isEqual(cookie, forEpoch(source, ephemeral, epoch));
    boolean previous = MessageDigest.isEqual(cookie, forEpoch(source, ephemeral, epoch - 1));
    return current | previous;
  }

  private byte[] forEpoch(Endpoint source, byte[] ephemeral, long epoch) {
    byte[] secret = crypto.mac(master, longBytes(epoch), SessionCrypto.KEY_BYTES);
    byte[] material = SessionPacket.concat(SessionPacket.endpointMaterial(source), ephemeral);
    return crypto.mac(secret, material, SessionPacket.COOKIE_BYTES);
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (56 - 8 * i));
    }
    return b;
  }
}
