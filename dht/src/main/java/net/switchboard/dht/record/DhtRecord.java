package net.switchboard.dht.record;

import java.util.Arrays;
import net.switchboard.dht.identity.Id256;

/**
 * A record as the DHT carries it: a namespace byte, a 256-bit key and an opaque value that only
 * the namespace's validator interprets. {@code seq} and {@code expiresAtMillis} are filled in by
 * validation and are not sent on the wire separately.
 */
public final class DhtRecord {
  private final byte namespace;
  private final Id256 key;
  private final byte[] value;
  private final long seq;
  private final long expiresAtMillis;

  public DhtRecord(byte namespace, Id256 key, byte[] value, RecordMeta meta) {
    this.namespace = namespace;
    this.key = key;
    this.value = value;
    this.seq = meta.seq();
    this.expiresAtMillis = meta.expiresAtMillis();
  }

  public byte namespace() {
    return namespace;
  }

  public Id256 key() {
    return key;
  }

  /** The value bytes (shared, do not modify). */
  public byte[] value() {
    return value;
  }

  public long seq() {
    return seq;
  }

  public long expiresAtMillis() {
    return expiresAtMillis;
  }

  public int size() {
    return value.length;
  }

  /** Equal when namespace, key, value bytes, seq and expiry all are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof DhtRecord r && r.namespace == namespace && r.seq == seq
        && r.expiresAtMillis == expiresAtMillis && r.key.equals(key) && Arrays.equals(r.value, value);
  }

  @Override
  public int hashCode() {
    return (key.hashCode() * 31 + Arrays.hashCode(value)) * 31 + Long.hashCode(seq);
  }

  @Override
  public String toString() {
    return "DhtRecord[ns=" + namespace + " key=" + key.shortHex() + " seq=" + seq + " size=" + value.length + "]";
  }
}
