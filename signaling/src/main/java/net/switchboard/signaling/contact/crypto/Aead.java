package net.switchboard.signaling.contact.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** AES-256-GCM with a 96-bit nonce and a 128-bit tag (BouncyCastle lightweight API, no JCE). */
public final class Aead {
  public static final int KEY_BYTES = 32;
  public static final int NONCE_BYTES = 12;
  public static final int TAG_BYTES = 16;

  private Aead() {}

  /** Encrypts and authenticates; the result is {@code plaintext.length + TAG_BYTES} long. */
  public static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    GCMModeCipher gcm = cipher(true, key, nonce, aad);
    byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
    int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
    try {
      gcm.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("GCM encryption cannot fail", e);
    }
    return out;
  }

  /**
   * Checks and decrypts {@code ciphertext[offset, offset + length)}.
   *
   * @throws AuthenticationFailedException when the key, nonce, aad or ciphertext are not the ones
   *     sealed together
   */
  public static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext, int offset, int length)
      throws AuthenticationFailedException {
    if (length < TAG_BYTES) {
      throw new AuthenticationFailedException("ciphertext shorter than its tag");
    }
    GCMModeCipher gcm = cipher(false, key, nonce, aad);
    byte[] out = new byte[gcm.getOutputSize(length)];
    int n = gcm.processBytes(ciphertext, offset, length, out, 0);
    try {
      gcm.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new AuthenticationFailedException("authentication tag mismatch");
    }
    return out;
  }

  private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
    if (key.length != KEY_BYTES || nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException("AES-256-GCM needs a 32-byte key and a 12-byte nonce");
    }
    GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BYTES * 8, nonce, aad));
    return gcm;
  }

  /** Decryption refused: the ciphertext was not sealed under this key, nonce and aad. */
  public static final class AuthenticationFailedException extends Exception {
    public AuthenticationFailedException(String message) {
      super(message, null, false, false);
    }
  }
}
