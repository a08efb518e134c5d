package net.switchboard.dht.identity;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Thin, allocation-light wrappers around BouncyCastle's RFC 8032 Ed25519. */
public final class Ed25519Keys {
  public static final int PUBLIC_KEY_BYTES = 32;
  public static final int SECRET_KEY_BYTES = 32;
  public static final int SIGNATURE_BYTES = 64;

  static {
    Ed25519.precompute();
  }

  private Ed25519Keys() {}

  public static byte[] publicKeyOf(byte[] secretKey) {
    byte[] pk = new byte[PUBLIC_KEY_BYTES];
    Ed25519.generatePublicKey(secretKey, 0, pk, 0);
    return pk;
  }

  public static byte[] sign(byte[] secretKey, byte[] message, int offset, int length) {
    byte[] sig = new byte[SIGNATURE_BYTES];
    Ed25519.sign(secretKey, 0, message, offset, length, sig, 0);
    return sig;
  }

  /** Verifies; returns false (never throws) on any malformed key or signature. */
  public static boolean verify(
      byte[] publicKey, int pkOffset, byte[] signature, int sigOffset, byte[] message, int offset, int length) {
    try {
      return Ed25519.verify(signature, sigOffset, publicKey, pkOffset, message, offset, length);
    } catch (RuntimeException e) {
      return false;
    }
  }

  public static boolean verify(byte[] publicKey, byte[] signature, byte[] message) {
    if (publicKey.length != PUBLIC_KEY_BYTES || signature.length != SIGNATURE_BYTES) {
      return false;
    }
    return verify(publicKey, 0, signature, 0, message, 0, message.length);
  }
}
