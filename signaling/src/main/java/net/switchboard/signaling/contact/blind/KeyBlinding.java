package net.switchboard.signaling.contact.blind;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import net.switchboard.signaling.contact.blind.Edwards25519.Point;

/**
 * Ed25519 key blinding as specified by draft-irtf-cfrg-signature-key-blinding, section 4 (the
 * Ed25519 variant): {@code BlindPublicKey}, {@code UnblindPublicKey} and {@code BlindKeySign}. A
 * signature from {@link #blindKeySign} verifies under {@link #blindPublicKey} with plain RFC 8032
 * Ed25519 verification, so storage nodes need nothing beyond a standard verifier.
 *
 * <p>The blinding scalar is derived as the draft says: {@code b = SHA-512(bk || 0x00 || ctx)}, the
 * lower 32 bytes read little-endian without pruning. Tor's rend-spec-v3 (appendix A.2) blinds the
 * same way in spirit but derives the factor differently (a pruned SHA-3 hash); the two are not
 * interchangeable, and this class passes the draft's own test vectors.
 */
public final class KeyBlinding {
  /** Size of a blind key bk (and of Ed25519 public and secret keys). */
  public static final int KEY_BYTES = 32;

  private KeyBlinding() {}

  /** BlindPublicKey(pk, bk, ctx): the encoding of {@code s * pk}. */
  public static byte[] blindPublicKey(byte[] publicKey, byte[] blindKey, byte[] context) {
    return blindPublicKey(Edwards25519.decode(requireKey(publicKey, "public key")), blindKey, context);
  }

  /** BlindPublicKey for a public key the caller has already decoded. */
  public static byte[] blindPublicKey(Point publicKey, byte[] blindKey, byte[] context) {
    return publicKey.multiply(blindScalar(blindKey, context)).encode();
  }

  /** UnblindPublicKey(pkR, bk, ctx): the encoding of {@code s^-1 mod L * pkR}. */
  public static byte[] unblindPublicKey(byte[] blindedPublicKey, byte[] blindKey, byte[] context) {
    Point pkR = Edwards25519.decode(requireKey(blindedPublicKey, "blinded public key"));
    BigInteger inverse = blindScalar(blindKey, context).mod(Edwards25519.L).modInverse(Edwards25519.L);
    return pkR.multiply(inverse).encode();
  }

  /**
   * BlindKeySign(skS, bk, ctx, msg): an Ed25519 signature over {@code message} by the blinded key.
   *
   * @param secretKey the 32-byte Ed25519 private key (seed) skS
   */
  public static byte[] blindKeySign(byte[] secretKey, byte[] blindKey, byte[] context, byte[] message) {
    byte[] h = sha512(requireKey(secretKey, "secret key"));
    byte[] b = sha512(blindInput(blindKey, context));
    byte[] s1 = clamp(Arrays.copyOf(h, 32));
    byte[] s2 = Arrays.copyOf(b, 32);
    byte[] s = ScalarModL.multiply(s1, s2);
    byte[] nonce = sha512(Arrays.copyOfRange(h, 32, 64), Arrays.copyOfRange(b, 32, 64), message);
    byte[] r = ScalarModL.reduce(nonce);
    try {
      // every step that touches s or r is constant time (ScalarModL, multiplySecret)
      byte[] a = Edwards25519.BASE.multiplySecret(s).encode();
      byte[] bigR = Edwards25519.BASE.multiplySecret(r).encode();
      byte[] k = ScalarModL.reduce(sha512(bigR, a, message));
      byte[] sigS = ScalarModL.multiplyAdd(k, s, r);
      byte[] sig = new byte[64];
      System.arraycopy(bigR, 0, sig, 0, 32);
      System.arraycopy(sigS, 0, sig, 32, 32);
      return sig;
    } finally {
      for (byte[] secret : new byte[][] {h, b, s1, s2, s, nonce, r}) {
        Arrays.fill(secret, (byte) 0);
      }
    }
  }

  /** The draft's blinding scalar: lower half of SHA-512(bk || 0x00 || ctx), little-endian, unpruned. */
  static BigInteger blindScalar(byte[] blindKey, byte[] context) {
    byte[] b = sha512(blindInput(blindKey, context));
    return Edwards25519.fromLittleEndian(Arrays.copyOf(b, 32));
  }

  private static byte[] blindInput(byte[] blindKey, byte[] context) {
    requireKey(blindKey, "blind key");
    byte[] in = new byte[KEY_BYTES + 1 + context.length];
    System.arraycopy(blindKey, 0, in, 0, KEY_BYTES);
    System.arraycopy(context, 0, in, KEY_BYTES + 1, context.length);
    return in;
  }

  /** RFC 8032 section 5.1.5 pruning of the first half of SHA-512(sk), in place. */
  private static byte[] clamp(byte[] lower) {
    lower[0] &= (byte) 0xF8;
    lower[31] &= 0x7F;
    lower[31] |= 0x40;
    return lower;
  }

  private static byte[] requireKey(byte[] key, String what) {
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException("the " + what + " must be 32 bytes, got " + (key == null ? "null" : key.length));
    }
    return key;
  }

  static byte[] sha512(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-512");
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 missing from the JDK", e);
    }
  }
}
