package net.switchboard.signaling.contact.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import net.switchboard.signaling.contact.blind.Edwards25519;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * X25519 keys derived from Ed25519 identity keys (the birational map of RFC 7748 section 4.1, as
 * libsodium's {@code crypto_sign_ed25519_pk_to_curve25519} does), so that an allow list can be a
 * list of identity public keys: nobody needs to publish a second key.
 */
public final class X25519Keys {
  public static final int KEY_BYTES = 32;

  private X25519Keys() {}

  /**
   * The X25519 public key (Montgomery u) of an Ed25519 public key.
   *
   * @throws IllegalArgumentException when {@code ed25519PublicKey} is not a usable curve point
   */
  public static byte[] publicKeyFromEd25519(byte[] ed25519PublicKey) {
    return Edwards25519.toMontgomeryU(ed25519PublicKey);
  }

  /** The X25519 private scalar of an Ed25519 seed: the first half of SHA-512(seed); X25519 clamps it. */
  public static byte[] secretKeyFromEd25519(byte[] ed25519Seed) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-512").digest(ed25519Seed);
      byte[] sk = Arrays.copyOf(h, KEY_BYTES);
      Arrays.fill(h, (byte) 0);
      return sk;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 missing from the JDK", e);
    }
  }

  /** The X25519 public key of a 32-byte private scalar. */
  public static byte[] publicKey(byte[] secretKey) {
    byte[] pk = new byte[KEY_BYTES];
    X25519.generatePublicKey(secretKey, 0, pk, 0);
    return pk;
  }

  /**
   * The shared secret X25519(sk, pk), or null when {@code pk} is a low-order point (the all-zero
   * result RFC 7748 section 6.1 says to refuse).
   */
  public static byte[] agree(byte[] secretKey, byte[] publicKey) {
    byte[] shared = new byte[KEY_BYTES];
    return X25519.calculateAgreement(secretKey, 0, publicKey, 0, shared, 0) ? shared : null;
  }
}
