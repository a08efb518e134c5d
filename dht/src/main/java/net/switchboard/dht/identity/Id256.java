package net.switchboard.dht.identity;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A point in the 256-bit XOR space: a node id (SHA-256 of a node's public key) or a record key.
 * Held as four longs so that XOR distance comparisons are four word operations. Immutable.
 */
public final class Id256 implements Comparable<Id256> {
  public static final int BYTES = 32;
  public static final int BITS = 256;

  private final long w0, w1, w2, w3; // w0 holds the most significant bits

  private Id256(long w0, long w1, long w2, long w3) {
    this.w0 = w0;
    this.w1 = w1;
    this.w2 = w2;
    this.w3 = w3;
  }

  /** Reads 32 bytes at {@code offset}. */
  public static Id256 read(byte[] bytes, int offset) {
    if (offset < 0 || bytes.length - offset < BYTES) {
      throw new IllegalArgumentException("need 32 bytes at offset " + offset + ", have " + (bytes.length - offset));
    }
    return new Id256(
        longAt(bytes, offset), longAt(bytes, offset + 8), longAt(bytes, offset + 16), longAt(bytes, offset + 24));
  }

  public static Id256 of(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("an id is 32 bytes, got " + bytes.length);
    }
    return read(bytes, 0);
  }

  public static Id256 fromHex(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  private static long longAt(byte[] b, int o) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[o + i] & 0xFF);
    }
    return v;
  }

  public byte[] toBytes() {
    byte[] out = new byte[BYTES];
    write(out, 0);
    return out;
  }

  public void write(byte[] dst, int offset) {
    putLong(dst, offset, w0);
    putLong(dst, offset + 8, w1);
    putLong(dst, offset + 16, w2);
    putLong(dst, offset + 24, w3);
  }

  private static void putLong(byte[] b, int o, long v) {
    for (int i = 7; i >= 0; i--) {
      b[o + i] = (byte) v;
      v >>>= 8;
    }
  }

  /** XOR distance to {@code other}, itself an id-shaped value. */
  public Id256 xor(Id256 other) {
    return new Id256(w0 ^ other.w0, w1 ^ other.w1, w2 ^ other.w2, w3 ^ other.w3);
  }

  /**
   * Compares the XOR distances of {@code a} and {@code b} to this id without allocating: negative
   * when {@code a} is closer.
   */
  public int compareDistance(Id256 a, Id256 b) {
    int c = Long.compareUnsigned(w0 ^ a.w0, w0 ^ b.w0);
    if (c != 0) return c;
    c = Long.compareUnsigned(w1 ^ a.w1, w1 ^ b.w1);
    if (c != 0) return c;
    c = Long.compareUnsigned(w2 ^ a.w2, w2 ^ b.w2);
    if (c != 0) return c;
    return Long.compareUnsigned(w3 ^ a.w3, w3 ^ b.w3);
  }

  /**
   * Length of the common bit prefix with {@code other}: 256 when equal, 0 when the top bits
   * differ. Bucket index of {@code other} in this node's routing table.
   */
  public int commonPrefixLength(Id256 other) {
    long x = w0 ^ other.w0;
    if (x != 0) return Long.numberOfLeadingZeros(x);
    x = w1 ^ other.w1;
    if (x != 0) return 64 + Long.numberOfLeadingZeros(x);
    x = w2 ^ other.w2;
    if (x != 0) return 128 + Long.numberOfLeadingZeros(x);
    x = w3 ^ other.w3;
    if (x != 0) return 192 + Long.numberOfLeadingZeros(x);
    return BITS;
  }

  /** Bit {@code i} counted from the most significant (0) to the least (255). */
  public boolean bit(int i) {
    long w = i < 64 ? w0 : i < 128 ? w1 : i < 192 ? w2 : w3;
    return ((w >>> (63 - (i & 63))) & 1) != 0;
  }

  /** This id with bit {@code i} flipped. */
  public Id256 flipBit(int i) {
    long m = 1L << (63 - (i & 63));
    return i < 64
        ? new Id256(w0 ^ m, w1, w2, w3)
        : i < 128 ? new Id256(w0, w1 ^ m, w2, w3) : i < 192 ? new Id256(w0, w1, w2 ^ m, w3) : new Id256(w0, w1, w2, w3 ^ m);
  }

  /** The most significant 64 bits, as an unsigned magnitude (used for distance estimates). */
  public long topBits() {
    return w0;
  }

  @Override
  public int compareTo(Id256 o) {
    int c = Long.compareUnsigned(w0, o.w0);
    if (c != 0) return c;
    c = Long.compareUnsigned(w1, o.w1);
    if (c != 0) return c;
    c = Long.compareUnsigned(w2, o.w2);
    if (c != 0) return c;
    return Long.compareUnsigned(w3, o.w3);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Id256 i && i.w0 == w0 && i.w1 == w1 && i.w2 == w2 && i.w3 == w3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(w0 ^ w3);
  }

  public String toHex() {
    return HexFormat.of().formatHex(toBytes());
  }

  /** First 8 hex digits, for logs. */
  public String shortHex() {
    return toHex().substring(0, 8);
  }

  @Override
  public String toString() {
    return toHex();
  }

  /** Deterministic equality on raw bytes (for tests). */
  public boolean sameBytes(byte[] other) {
    return Arrays.equals(toBytes(), other);
  }
}
