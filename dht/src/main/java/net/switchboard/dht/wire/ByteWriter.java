package net.switchboard.dht.wire;

import java.util.Arrays;
import net.switchboard.dht.identity.Id256;

/** Growable big-endian writer. */
final class ByteWriter {
  private byte[] buf;
  private int pos;

  ByteWriter(int initialCapacity) {
    buf = new byte[initialCapacity];
  }

  private void ensure(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
  }

  ByteWriter u8(int v) {
    ensure(1);
    buf[pos++] = (byte) v;
    return this;
  }

  ByteWriter u16(int v) {
    ensure(2);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
    return this;
  }

  ByteWriter i64(long v) {
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buf[pos + i] = (byte) v;
      v >>>= 8;
    }
    pos += 8;
    return this;
  }

  ByteWriter id(Id256 id) {
    ensure(Id256.BYTES);
    id.write(buf, pos);
    pos += Id256.BYTES;
    return this;
  }

  /** The endpoint's address bytes, without copying them first. */
  ByteWriter address(net.switchboard.seam.Endpoint e) {
    ensure(e.addressLength());
    e.copyAddress(buf, pos);
    pos += e.addressLength();
    return this;
  }

  ByteWriter bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
    return this;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }
}
