package net.switchboard.dht.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;

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
    byte[] value = new byte[OVERHEAD + data.length];
    ByteBuffer b = ByteBuffer.wrap(value);
    b.put(pk).putLong(seq).putLong(expiresAtMillis).putShort((short) data.length).put(data);
    byte[] sig = publisher.sign(signedBytes(key, seq, expiresAtMillis, value, 50, data.length));
    b.put(sig);
    return new DhtRecord(NAMESPACE, key, value, new RecordMeta(seq, expiresAtMillis));
  }

  static byte[] signedBytes(Id256 key, long seq, long expiresAt, byte[] src, int dataOffset, int dataLength) {
    byte[] m = new byte[DOMAIN.length + 32 + 16 + dataLength];
    ByteBuffer b = ByteBuffer.wrap(m);
    b.put(DOMAIN);
    key.write(m, DOMAIN.length);
    b.position(DOMAIN.length + 32);
    b.putLong(seq).putLong(expiresAt).put(src, dataOffset, dataLength);
    return m;
  }

  /** The data part of a valid namespace-1 value. */
  public static byte[] data(byte[] value) {
    int len = ((value[48] & 0xFF) << 8) | (value[49] & 0xFF);
    byte[] out = new byte[len];
    System.arraycopy(value, 50, out, 0, len);
    return out;
  }

  /** Checks a value's layout and signature; never throws. Used by {@link SignedRecordValidator}. */
  static boolean signatureValid(Id256 key, byte[] value, long seq, long expiresAt, int dataLength,
      net.switchboard.dht.identity.SignatureScheme scheme) {
    byte[] m = signedBytes(key, seq, expiresAt, value, 50, dataLength);
    return scheme.verify(value, 0, value, 50 + dataLength, m, 0, m.length);
  }

  /** The data length field of a namespace-1 value (caller checked the minimum size). */
  static int dataLength(byte[] value) {
    return ((value[48] & 0xFF) << 8) | (value[49] & 0xFF);
  }

  /** Convenience: UTF-8 text as record data. */
  public static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
