package net.switchboard.dht.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.switchboard.dht.identity.Id256;

/**
 * The one bounds-checked big-endian reader of every binary codec. Each read names its field; any
 * overrun, over-long length prefix, invalid UTF-8 or trailing byte is refused with the codec's own
 * exception, made by the {@link Refusal} it passed in, so no codec throws anything it did not
 * declare on bad input.
 *
 * @param <E> the exception the codec refuses malformed input with
 */
public final class ByteReader<E extends Exception> {
  /** Makes a codec's exception from a message saying what is wrong. */
  @FunctionalInterface
  public interface Refusal<E extends Exception> {
    E refuse(String message);
  }

  private final byte[] buf;
  private final Refusal<E> refusal;
  private int pos;

  /** Reads {@code buf} from its start; the array is not copied. */
  public ByteReader(byte[] buf, Refusal<E> refusal) {
    this.buf = buf;
    this.refusal = refusal;
  }

  /** Bytes not yet read. */
  public int remaining() {
    return buf.length - pos;
  }

  /** Offset of the next byte. */
  public int position() {
    return pos;
  }

  /** The codec's exception for {@code message}, for the checks a codec makes on what it read. */
  public E refuse(String message) {
    return refusal.refuse(message);
  }

  private void need(int n, String what) throws E {
    if (n < 0 || remaining() < n) {
      throw refusal.refuse(
          "truncated: " + what + " needs " + n + " bytes at offset " + pos + ", " + remaining() + " left");
    }
  }

  public int u8(String what) throws E {
    need(1, what);
    return buf[pos++] & 0xFF;
  }

  public int u16(String what) throws E {
    need(2, what);
    int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  /** An unsigned 32-bit integer (as a long: it may exceed {@link Integer#MAX_VALUE}). */
  public long u32(String what) throws E {
    return bigEndian(4, what);
  }

  /** Eight bytes as a long (two's complement: the caller checks a sign it does not allow). */
  public long u64(String what) throws E {
    return bigEndian(8, what);
  }

  private long bigEndian(int n, String what) throws E {
    need(n, what);
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (buf[pos + i] & 0xFF);
    }
    pos += n;
    return v;
  }

  public Id256 id(String what) throws E {
    need(Id256.BYTES, what);
    Id256 id = Id256.read(buf, pos);
    pos += Id256.BYTES;
    return id;
  }

  /** Exactly {@code n} bytes (a copy). */
  public byte[] bytes(int n, String what) throws E {
    need(n, what);
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  /** Everything left (a copy). */
  public byte[] rest() {
    byte[] out = new byte[remaining()];
    System.arraycopy(buf, pos, out, 0, out.length);
    pos = buf.length;
    return out;
  }

  /** A u8 length, refused above {@code max}, then that many bytes. */
  public byte[] bytes8(int max, String what) throws E {
    return bytes(length(u8(what + " length"), max, what), what);
  }

  /** A u16 length, refused above {@code max}, then that many bytes. */
  public byte[] bytes16(int max, String what) throws E {
    return bytes(length(u16(what + " length"), max, what), what);
  }

  /** A u32 length, refused above {@code max}, then that many bytes. */
  public byte[] bytes32(int max, String what) throws E {
    return bytes(length(u32(what + " length"), max, what), what);
  }

  private int length(long n, int max, String what) throws E {
    if (n > max) {
      throw refusal.refuse(what + " of " + n + " bytes exceeds " + max);
    }
    return (int) n;
  }

  /** {@code n} bytes of strict UTF-8: malformed or unmappable input is refused, never replaced. */
  public String utf8(int n, String what) throws E {
    byte[] b = bytes(n, what);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw refusal.refuse(what + " is not UTF-8");
    }
  }

  /** A u16 length, refused above {@code max}, then that many bytes of strict UTF-8. */
  public String utf8With16(int max, String what) throws E {
    return utf8(length(u16(what + " length"), max, what), what);
  }

  /** A u32 length, refused above {@code max}, then that many bytes of strict UTF-8. */
  public String utf8With32(int max, String what) throws E {
    return utf8(length(u32(what + " length"), max, what), what);
  }

  /** Refuses anything left unread. */
  public void expectEnd() throws E {
    if (remaining() != 0) {
      throw refusal.refuse(remaining() + " trailing bytes");
    }
  }
}
