package net.switchboard.dht.record;

import java.nio.charset.StandardCharsets;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.wire.ByteReader;
import net.switchboard.dht.wire.ByteWriter;

/**
 * Namespace 1: a mutable record signed by an Ed25519 key and stored under SHA-256 of that key (in
 * the manner of BEP 44 / hyperdht mutable records). Value layout:
 *
 * <pre>publicKey(32) | seq(8) | expiresAt(8) | dataLength(2) | data | signature(64)</pre>
 *
 * The signature covers {@code "switchboard/v1/signed-record" || key || seq || expiresAt || data};
 * the domain string keeps it from being replayed as any other kind of signature.
 */
public final class SignedRecord {
  public static final byte NAMESPACE = 1;
  public static final int OVERHEAD = 32 + 8 + 8 + 2 + 64;
  public static final int MAX_DATA_BYTES = 2048;
  /** Where the data starts: after the key, seq, expiry and data length. */
  static final int DATA_OFFSET = 32 + 8 + 8 + 2;
  static final byte[] DOMAIN = "switchboard/v1/signed-record".getBytes(StandardCharsets.US_ASCII);

  private SignedRecord() {}

  /** Key a publisher's signed record is stored under: SHA-256 of its public key. */
  public static Id256 keyOf(byte[] publicKey) {
    return Identity.nodeIdOf(publicKey);
  }

  /** Creates and signs a record. */
  public static DhtRecord create(Identity publisher, long seq, long expiresAtMillis, byte[] data) {
    if (data.length > MAX_DATA_BYTES) {
      throw new IllegalArgumentException("data of " + data.length + " bytes exceeds " + MAX_DATA_BYTES);
    }
    byte[] pk = publisher.publicKey();
    Id256 key = keyOf(pk);
    byte[] signed = signedBytes(key, seq, expiresAtMillis, data, 0, data.length);
    byte[] value = new ByteWriter(OVERHEAD + data.length)
        .bytes(pk).u64(seq).u64(expiresAtMillis).bytes16(data, MAX_DATA_BYTES).bytes(publisher.sign(signed))
        .toByteArray();
    return new DhtRecord(NAMESPACE, key, value, new RecordMeta(seq, expiresAtMillis));
  }

  static byte[] signedBytes(Id256 key, long seq, long expiresAt, byte[] src, int dataOffset, int dataLength) {
    return new ByteWriter(DOMAIN.length + Id256.BYTES + 16 + dataLength)
        .bytes(DOMAIN).id(key).u64(seq).u64(expiresAt).bytes(src, dataOffset, dataLength).toByteArray();
  }

  /** The data part of a valid namespace-1 value. */
  public static byte[] data(byte[] value) {
    var r = new ByteReader<>(value, IllegalArgumentException::new);
    r.bytes(DATA_OFFSET - 2, "key, seq and expiry");
    return r.bytes16(MAX_DATA_BYTES, "data");
  }

  /** Checks a value's layout and signature; never throws. Used by {@link SignedRecordValidator}. */
  static boolean signatureValid(Id256 key, byte[] value, long seq, long expiresAt, int dataLength,
      net.switchboard.dht.identity.SignatureScheme scheme) {
    byte[] m = signedBytes(key, seq, expiresAt, value, DATA_OFFSET, dataLength);
    return scheme.verify(value, 0, value, DATA_OFFSET + dataLength, m, 0, m.length);
  }

  /** Convenience: UTF-8 text as record data. */
  public static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
