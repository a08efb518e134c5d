package net.switchboard.signaling.contact;

import java.nio.charset.StandardCharsets;
import net.switchboard.dht.identity.Ed25519Keys;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.RecordMeta;
import net.switchboard.dht.record.RecordRejectedException;
import net.switchboard.dht.record.RecordRejectedException.Reason;
import net.switchboard.dht.wire.ByteReader;
import net.switchboard.dht.wire.ByteWriter;

/**
 * The value of a namespace-2 DHT record: what storage nodes see and check. Big-endian:
 *
 * <pre>
 * blindedPk(32) | seq(8) | expiresAt(8) | ciphertextLength(2) | ciphertext | signature(64)
 * </pre>
 *
 * The signature is the blinded key's Ed25519 signature over {@code "switchboard/v1/contact-record"
 * || storageKey(32) || seq(8) || expiresAt(8) || ciphertext}; the domain string keeps it from being
 * replayed as any other kind of signature, and the storage key binds it to one DHT key.
 */
public final class ContactEnvelope {
  /** The DHT namespace byte of contact records. */
  public static final byte NAMESPACE = 2;
  /** Largest value a storage node accepts. */
  public static final int MAX_VALUE_BYTES = 2048;
  /** Bytes around the ciphertext. */
  public static final int OVERHEAD = 32 + 8 + 8 + 2 + 64;
  /** Largest ciphertext that fits. */
  public static final int MAX_CIPHERTEXT_BYTES = MAX_VALUE_BYTES - OVERHEAD;

  private static final byte[] DOMAIN = ContactKeys.NAMESPACE.getBytes(StandardCharsets.US_ASCII);

  /** A value split into its fields; {@code ciphertext} and {@code signature} are copies. */
  public record Parts(byte[] blindedPublicKey, long seq, long expiresAtMillis, byte[] ciphertext, byte[] signature) {}

  private ContactEnvelope() {}

  /**
   * Builds and signs the DHT record.
   *
   * @throws IllegalArgumentException when the ciphertext is too large for {@link #MAX_VALUE_BYTES}
   */
  static DhtRecord seal(ContactKeys keys, Identity identity, long seq, long expiresAtMillis, byte[] ciphertext) {
    if (ciphertext.length > MAX_CIPHERTEXT_BYTES) {
      throw new IllegalArgumentException(
          "contact record too large: " + (OVERHEAD + ciphertext.length) + " bytes exceeds " + MAX_VALUE_BYTES
              + " (shorten the allow list or the routes)");
    }
    byte[] sig = keys.sign(identity, signedBytes(keys.storageKey(), seq, expiresAtMillis, ciphertext));
    byte[] value = new ByteWriter(OVERHEAD + ciphertext.length)
        .bytes(keys.blindedPublicKey()).u64(seq).u64(expiresAtMillis)
        .bytes16(ciphertext, MAX_CIPHERTEXT_BYTES).bytes(sig)
        .toByteArray();
    return new DhtRecord(NAMESPACE, keys.storageKey(), value, new RecordMeta(seq, expiresAtMillis));
  }

  /**
   * Splits a value into its fields, checking only its layout.
   *
   * @throws RecordRejectedException with {@link Reason#OVERSIZE} or {@link Reason#MALFORMED}
   */
  public static Parts parse(byte[] value) throws RecordRejectedException {
    if (value == null) {
      throw new RecordRejectedException(Reason.MALFORMED, "no value");
    }
    if (value.length > MAX_VALUE_BYTES) {
      throw new RecordRejectedException(
          Reason.OVERSIZE, "contact record of " + value.length + " bytes exceeds " + MAX_VALUE_BYTES);
    }
    if (value.length < OVERHEAD) {
      throw new RecordRejectedException(Reason.MALFORMED, "contact record shorter than " + OVERHEAD + " bytes");
    }
    var in = new ByteReader<>(value, m -> new RecordRejectedException(Reason.MALFORMED, m));
    byte[] pk = in.bytes(32, "blinded key");
    long seq = in.u64("seq");
    long expiresAt = in.u64("expiresAt");
    int length = in.u16("ciphertext length");
    if (value.length != OVERHEAD + length) {
      throw new RecordRejectedException(
          Reason.MALFORMED, "ciphertext length " + length + " disagrees with a value of " + value.length + " bytes");
    }
    if (seq < 0) {
      throw new RecordRejectedException(Reason.MALFORMED, "negative seq");
    }
    byte[] ct = in.bytes(length, "ciphertext");
    byte[] sig = in.bytes(64, "signature");
    return new Parts(pk, seq, expiresAt, ct, sig);
  }

  /** True when {@code parts} carries a valid blinded-key signature for {@code storageKey}. Never throws. */
  public static boolean signatureValid(Id256 storageKey, Parts parts) {
    byte[] m = signedBytes(storageKey, parts.seq(), parts.expiresAtMillis(), parts.ciphertext());
    return Ed25519Keys.verify(parts.blindedPublicKey(), parts.signature(), m);
  }

  /** SHA-256 of a blinded public key: the only key its records may be stored under. */
  public static Id256 storageKeyOf(byte[] blindedPublicKey) {
    return Id256.of(Identity.sha256(blindedPublicKey));
  }

  private static byte[] signedBytes(Id256 storageKey, long seq, long expiresAt, byte[] ciphertext) {
    return new ByteWriter(DOMAIN.length + Id256.BYTES + 16 + ciphertext.length)
        .bytes(DOMAIN).id(storageKey).u64(seq).u64(expiresAt).bytes(ciphertext).toByteArray();
  }
}
