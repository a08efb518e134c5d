package net.switchboard.dht.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.random.RandomGenerator;
import net.switchboard.dht.identity.SignatureScheme;

/**
 * An Ed25519 key pair and the node id derived from it (SHA-256 of the public key). A person's
 * identity and a node's identity have the same shape; a Java node may use one key for both.
 */
public final class Identity {
  private final byte[] secretKey;
  private final byte[] publicKey;
  private final Id256 nodeId;
  private final SignatureScheme scheme;

  private Identity(byte[] secretKey, SignatureScheme scheme) {
    this.secretKey = secretKey;
    this.scheme = scheme;
    this.publicKey = scheme.publicKey(secretKey);
    this.nodeId = nodeIdOf(publicKey);
  }

  /** Wraps an existing 32-byte Ed25519 secret key (seed). */
  public static Identity fromSecretKey(byte[] secretKey) {
    if (secretKey.length != Ed25519Keys.SECRET_KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 secret key is 32 bytes, got " + secretKey.length);
    }
    return new Identity(secretKey.clone(), SignatureScheme.ed25519());
  }

  /** A fresh identity from the injected randomness (SecureRandom in production, seeded in tests). */
  public static Identity generate(RandomGenerator random) {
    return generate(random, SignatureScheme.ed25519());
  }

  /** A fresh identity under {@code scheme} (the simulator's stand-in; Ed25519 everywhere else). */
  public static Identity generate(RandomGenerator random, SignatureScheme scheme) {
    byte[] seed = new byte[Ed25519Keys.SECRET_KEY_BYTES];
    for (int i = 0; i < seed.length; i += 8) {
      long r = random.nextLong();
      for (int j = 0; j < 8; j++) {
        seed[i + j] = (byte) (r >>> (8 * j));
      }
    }
    return new Identity(seed, scheme);
  }

  /** Node id of a public key: SHA-256(publicKey). */
  public static Id256 nodeIdOf(byte[] publicKey) {
    return Id256.of(sha256(publicKey));
  }

  public static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The secret key bytes; for persistence only. */
  public byte[] secretKey() {
    return secretKey.clone();
  }

  public Id256 nodeId() {
    return nodeId;
  }

  public byte[] sign(byte[] message) {
    return scheme.sign(secretKey, message, 0, message.length);
  }

  public byte[] sign(byte[] message, int offset, int length) {
    return scheme.sign(secretKey, message, offset, length);
  }

  /** The signature scheme of this identity (Ed25519 outside the simulator). */
  public SignatureScheme scheme() {
    return scheme;
  }

  /** The printed, checksummed form of the public key. */
  public String printed() {
    return PrintedId.encode(publicKey);
  }

  @Override
  public String toString() {
    return "Identity[" + printed() + "]";
  }
}
