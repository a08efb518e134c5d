package net.switchboard.dht.wire;

import net.switchboard.dht.identity.Id256;

/** Bounds-checked big-endian reader; every overrun becomes a {@link MalformedMessageException}. */
final class ByteReader {
  private final byte[] buf;
  private int pos;

  ByteReader(byte[] buf) {
    this.buf = buf;
  }

  int remaining() {
    return buf.length - pos;
  }

  private void need(int n, String what) throws MalformedMessageException {
    if (n < 0 || remaining() < n) {
      throw new MalformedMessageException("truncated: " + what + " needs " + n + " bytes, " + remaining() + " left");
    }
  }

  int u8(String what) throws MalformedMessageException {
    need(1, what);
    return buf[pos++] & 0xFF;
  }

  int u16(String what) throws MalformedMessageException {
    need(2, what);
    int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  long i64(String what) throws MalformedMessageException {
    need(8, what);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos + i] & 0xFF);
    }
    pos += 8;
    return v;
  }

  Id256 id(String what) throws MalformedMessageException {
    need(Id256.BYTES, what);
    Id256 id = Id256.read(buf, pos);
    pos += Id256.BYTES;
    return id;
  }

  byte[] bytes(int n, String what) throws MalformedMessageException {
    need(n, what);
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  void expectEnd() throws MalformedMessageException {
    if (remaining() != 0) {
      throw new MalformedMessageException(remaining() + " trailing bytes");
    }
  }
}
