package net.switchboard.dht.session;

import java.util.random.RandomGenerator;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The primitives of a wire session, behind a seam like {@link
 * net.switchboard.dht.identity.SignatureScheme}: nodes use {@link #standard()} (X25519,
 * HKDF-SHA256, ChaCha20-Poly1305, HMAC-SHA256, all BouncyCastle's constant-time code); the churn
 * simulator may substitute a cheaper scheme of the same sizes so 10^5 nodes do not spend hours in
 * key agreement.
 */
public interface SessionCrypto {
  int KEY_BYTES = 32;
  int TAG_BYTES = 16;

  /** A fresh 32-byte ephemeral secret. */
  byte[] newSecret(RandomGenerator random);

  /** The 32-byte public value of {@code secret}. */
  byte[] publicOf(byte[] secret);

  /** The shared secret of {@code secret} and {@code peerPublic}; null for a low-order peer value. */
  byte[] agree(byte[] secret, byte[] peerPublic);

  /** HKDF-SHA256 of {@code ikm} with {@code salt} and {@code info}, {@code length} bytes. */
  byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length);

  /** HMAC-SHA256 of {@code data} under {@code key}, truncated to {@code length} bytes. */
  byte[] mac(byte[] key, byte[] data, int length);

  /** AEAD seal: ciphertext || 16-byte tag. The nonce must never repeat under one key. */
  byte[] seal(byte[] key, long nonce, byte[] aad, byte[] plaintext, int offset, int length);

  /** AEAD open; null when the tag does not verify. */
  byte[] open(byte[] key, long nonce, byte[] aad, byte[] sealed, int offset, int length);

  /** X25519 + HKDF-SHA256 + ChaCha20-Poly1305 + HMAC-SHA256. */
  static SessionCrypto standard() {
    return Standard.INSTANCE;
  }

  /** The production scheme. */
  final class Standard implements SessionCrypto {
    static final Standard INSTANCE = new Standard();

    private Standard() {}

    @Override
    public byte[] newSecret(RandomGenerator random) {
      byte[] k = new byte[KEY_BYTES];
      random.nextBytes(k);
      return k;
    }

    @Override
    public byte[] publicOf(byte[] secret) {
      byte[] p = new byte[X25519.POINT_SIZE];
      X25519.scalarMultBase(secret, 0, p, 0);
      return p;
    }

    @Override
    public byte[] agree(byte[] secret, byte[] peerPublic) {
      byte[] shared = new byte[X25519.POINT_SIZE];
      return X25519.calculateAgreement(secret, 0, peerPublic, 0, shared, 0) ? shared : null;
    }

    @Override
    public byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
      HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
      hkdf.init(new HKDFParameters(ikm, salt, info));
      byte[] out = new byte[length];
      hkdf.generateBytes(out, 0, length);
      return out;
    }

    @Override
    public byte[] mac(byte[] key, byte[] data, int length) {
      HMac h = new HMac(new SHA256Digest());
      h.init(new KeyParameter(key));
      h.update(data, 0, data.length);
      byte[] full = new byte[h.getMacSize()];
      h.doFinal(full, 0);
      return java.util.Arrays.copyOf(full, length);
    }

    @Override
    public byte[] seal(byte[] key, long nonce, byte[] aad, byte[] plaintext, int offset, int length) {
      ChaCha20Poly1305 c = cipher(true, key, nonce, aad);
      byte[] out = new byte[c.getOutputSize(length)];
      int n = c.processBytes(plaintext, offset, length, out, 0);
      try {
        c.doFinal(out, n);
      } catch (InvalidCipherTextException e) {
        throw new IllegalStateException("sealing cannot fail", e);
      }
      return out;
    }

    @Override
    public byte[] open(byte[] key, long nonce, byte[] aad, byte[] sealed, int offset, int length) {
      if (length < TAG_BYTES) {
        return null;
      }
      ChaCha20Poly1305 c = cipher(false, key, nonce, aad);
      byte[] out = new byte[c.getOutputSize(length)];
      int n = c.processBytes(sealed, offset, length, out, 0);
      try {
        c.doFinal(out, n);
        return out;
      } catch (InvalidCipherTextException e) {
        return null;
      }
    }

    private static ChaCha20Poly1305 cipher(boolean seal, byte[] key, long nonce, byte[] aad) {
      byte[] iv = new byte[12];
      for (int i = 0; i < 8; i++) {
        iv[4 + i] = (byte) (nonce >>> (56 - 8 * i));
      }
      ChaCha20Poly1305 c = new ChaCha20Poly1305();
      c.init(seal, new AEADParameters(new KeyParameter(key), 8 * TAG_BYTES, iv, aad));
      return c;
    }

    @Override
    public String toString() {
      return "x25519-chacha20poly1305";
    }
  }
}
