package net.switchboard.simulations.scenario;

import net.switchboard.dht.identity.SignatureScheme;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A stand-in for Ed25519 used only by the churn simulator: same key and signature sizes, so every
 * message keeps its exact bytes count and flow, at ~1 µs instead of ~115 µs per sign+verify.
 *
 * <p><b>It is not a signature scheme</b>: anyone who knows a public key can "sign" for it
 * ({@code sig = SHA-512(publicKey || message)}). The simulator models honest nodes only, so it
 * measures what it is meant to (availability, hops, traffic) unchanged. A node never uses it:
 * {@code Identity.fromSecretKey} and every production validator are Ed25519.
 */
public final class SimulationSignatureScheme implements SignatureScheme {
  public static final SimulationSignatureScheme INSTANCE = new SimulationSignatureScheme();
  private static final byte[] PK_DOMAIN = "switchboard-sim-pk".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private SimulationSignatureScheme() {}

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public byte[] publicKey(byte[] secretKey) {
    MessageDigest md = digest("SHA-256");
    md.update(PK_DOMAIN);
    md.update(secretKey);
    return md.digest();
  }

  @Override
  public byte[] sign(byte[] secretKey, byte[] message, int offset, int length) {
    return tag(publicKey(secretKey), 0, message, offset, length);
  }

  private static byte[] tag(byte[] publicKey, int pkOffset, byte[] message, int offset, int length) {
    MessageDigest md = digest("SHA-512");
    md.update(publicKey, pkOffset, PUBLIC_KEY_BYTES);
    md.update(message, offset, length);
    return md.digest();
  }

  @Override
  public boolean verify(byte[] publicKey, int pkOffset, byte[] signature, int sigOffset, byte[] message, int offset, int length) {
    if (publicKey.length - pkOffset < PUBLIC_KEY_BYTES || signature.length - sigOffset < SIGNATURE_BYTES) {
      return false;
    }
    byte[] expected = tag(publicKey, pkOffset, message, offset, length);
    return MessageDigest.isEqual(expected, java.util.Arrays.copyOfRange(signature, sigOffset, sigOffset + SIGNATURE_BYTES));
  }

  @Override
  public String toString() {
    return "simulation-stand-in";
  }
}
