package net.switchboard.dht.identity;



/**
 * The signature primitive behind identities, node-id proofs and signed records. Production uses
 * {@link #ed25519()}; the simulator may substitute a stand-in with the same key and signature sizes
 * (so every message keeps its exact size and flow) because 10^5 virtual nodes cannot afford
 * ~115 µs of Ed25519 per proof. Nothing outside the simulator may use anything but Ed25519.
 */
public interface SignatureScheme {
  int PUBLIC_KEY_BYTES = 32;
  int SECRET_KEY_BYTES = 32;
  int SIGNATURE_BYTES = 64;

  /** The 32-byte public key of a 32-byte secret key. */
  byte[] publicKey(byte[] secretKey);

  /** A 64-byte signature over {@code message[offset, offset+length)}. */
  byte[] sign(byte[] secretKey, byte[] message, int offset, int length);

  /** True when the signature verifies; never throws on malformed input. */
  boolean verify(byte[] publicKey, int pkOffset, byte[] signature, int sigOffset, byte[] message, int offset, int length);

  /** RFC 8032 Ed25519 (BouncyCastle). */
  static SignatureScheme ed25519() {
    return Ed25519Scheme.INSTANCE;
  }

  /** The production scheme. */
  final class Ed25519Scheme implements SignatureScheme {
    static final Ed25519Scheme INSTANCE = new Ed25519Scheme();

    private Ed25519Scheme() {}

    @Override
    public byte[] publicKey(byte[] secretKey) {
      return Ed25519Keys.publicKeyOf(secretKey);
    }

    @Override
    public byte[] sign(byte[] secretKey, byte[] message, int offset, int length) {
      return Ed25519Keys.sign(secretKey, message, offset, length);
    }

    @Override
    public boolean verify(byte[] publicKey, int pkOffset, byte[] signature, int sigOffset, byte[] message, int offset, int length) {
      return Ed25519Keys.verify(publicKey, pkOffset, signature, sigOffset, message, offset, length);
    }

    @Override
    public String toString() {
      return "ed25519";
    }
  }
}
