package net.switchboard.dht.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.switchboard.dht.identity.Id256;
import net.switchboard.seam.Endpoint;

/**
 * The one growable big-endian writer of every binary codec, the mirror of {@link ByteReader}. A
 * value that does not fit its field (a length over the stated maximum) is a caller's error: {@link
 * IllegalArgumentException}.
 */
public final class ByteWriter {
  private byte[] buf;
  private int pos;

  public ByteWriter() {
    this(64);
  }

  public ByteWriter(int initialCapacity) {
    buf = new byte[Math.max(1, initialCapacity)];
  }

  private void ensure(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
  }

  public ByteWriter u8(int v) {
    ensure(1);
    buf[pos++] = (byte) v;
    return this;
  }

  public ByteWriter u16(int v) {
    ensure(2);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
    return this;
  }

  public ByteWriter u32(long v) {
    return bigEndian(v, 4);
  }

  public ByteWriter u64(long v) {
    return bigEndian(v, 8);
  }

  private ByteWriter bigEndian(long v, int n) {
    ensure(n);
    for (int i = n - 1; i >= 0; i--) {
      buf[pos + i] = (byte) v;
      v >>>= 8;
    }
    pos += n;
    return this;
  }

  public ByteWriter id(Id256 id) {
    ensure(Id256.BYTES);
    id.write(buf, pos);
    pos += Id256.BYTES;
    return this;
  }

  /** The endpoint's address bytes, without copying them first. */
  public ByteWriter address(Endpoint e) {
    ensure(e.addressLength());
    e.copyAddress(buf, pos);
    pos += e.addressLength();
    return this;
  }

  public ByteWriter bytes(byte[] b) {
    return bytes(b, 0, b.length);
  }

  public ByteWriter bytes(byte[] b, int offset, int length) {
    ensure(length);
    System.arraycopy(b, offset, buf, pos, length);
    pos += length;
    return this;
  }

  /** A u8 length, then {@code b}; {@code b} longer than {@code max} (at most 255) is refused. */
  public ByteWriter bytes8(byte[] b, int max) {
    return u8(checked(b.length, Math.min(max, 0xFF))).bytes(b);
  }

  /** A u16 length, then {@code b}; {@code b} longer than {@code max} (at most 65535) is refused. */
  public ByteWriter bytes16(byte[] b, int max) {
    return u16(checked(b.length, Math.min(max, 0xFFFF))).bytes(b);
  }

  /** A u32 length, then {@code b}; {@code b} longer than {@code max} is refused. */
  public ByteWriter bytes32(byte[] b, int max) {
    return u32(checked(b.length, max)).bytes(b);
  }

  /** A u16 length, then {@code s} in UTF-8. */
  public ByteWriter utf8With16(String s, int max) {
    return bytes16(s.getBytes(StandardCharsets.UTF_8), max);
  }

  /** A u32 length, then {@code s} in UTF-8. */
  public ByteWriter utf8With32(String s, int max) {
    return bytes32(s.getBytes(StandardCharsets.UTF_8), max);
  }

  private static int checked(int length, int max) {
    if (length > max) {
      throw new IllegalArgumentException(length + " bytes exceed the field's " + max);
    }
    return length;
  }

  /** Bytes written so far. */
  public int size() {
    return pos;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }
}
