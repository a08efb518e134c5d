package net.switchboard.signaling.contact.crypto;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The one check every Ed25519 identity key passes before use, wherever it comes from (a contact
 * record, an allow list, a signaling envelope): 32 bytes, a canonical encoding of a curve point,
 * and a point of prime order L, so neither small-order nor mixed-order keys (a proper key plus a
 * torsion point, which no key generator makes) are accepted. BouncyCastle's full validation; the
 * page applies the same rule (noble's {@code zip215: false} plus a prime-order check).
 */
public final class StrictPublicKeys {
  private StrictPublicKeys() {}

  /** True when {@code key} is a valid, prime-order Ed25519 public key. */
  public static boolean valid(byte[] key) {
    return key != null && key.length == 32 && Ed25519.validatePublicKeyFull(key, 0);
  }

  /**
   * The decoded point of {@code key}, for repeated verification.
   *
   * @throws IllegalArgumentException naming {@code what} when the key is not valid
   */
  public static Ed25519.PublicPoint require(byte[] key, String what) {
    Ed25519.PublicPoint p = key == null || key.length != 32 ? null : Ed25519.validatePublicKeyFullExport(key, 0);
    if (p == null) {
      throw new IllegalArgumentException(what + " is not a valid Ed25519 public key (32 bytes, on the curve, prime order)");
    }
    return p;
  }
}
