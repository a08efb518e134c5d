package net.switchboard.dht.identity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The printed form of an identity, in the style of Tor v3 onion addresses: lowercase RFC 4648
 * base32 (no padding) of {@code publicKey(32) || checksum(2) || version(1)}, where {@code checksum
 * = CRC-16/CCITT-FALSE("switchboard-id-checksum" || version || publicKey)}, big-endian. 56
 * characters. The CRC (unlike a truncated hash, which lets one typo in 65,536 through) detects every
 * error burst of up to 16 bits in {@code publicKey || checksum}, so every single-character
 * substitution and every swap of two adjacent characters is refused rather than resolved to a
 * stranger.
 */
public final class PrintedId {
  public static final byte VERSION = 1;
  public static final int LENGTH = 56;
  private static final byte[] DOMAIN = "switchboard-id-checksum".getBytes(StandardCharsets.US_ASCII);
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

  private PrintedId() {}

  public static String encode(byte[] publicKey) {
    if (publicKey.length != 32) {
      throw new IllegalArgumentException("public key must be 32 bytes");
    }
    byte[] raw = new byte[35];
    System.arraycopy(publicKey, 0, raw, 0, 32);
    byte[] sum = checksum(publicKey, VERSION);
    raw[32] = sum[0];
    raw[33] = sum[1];
    raw[34] = VERSION;
    return base32(raw);
  }

  /**
   * Decodes a printed id into the 32-byte public key.
   *
   * @throws InvalidIdException with a message saying what is wrong
   */
  public static byte[] decode(String text) throws InvalidIdException {
    if (text == null) {
      throw new InvalidIdException("no id given");
    }
    String s = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (s.length() != LENGTH) {
      throw new InvalidIdException("an id is " + LENGTH + " characters, got " + s.length());
    }
    byte[] raw = new byte[35];
    long buffer = 0;
    int bits = 0;
    int out = 0;
    for (int i = 0; i < s.length(); i++) {
      int v = ALPHABET.indexOf(s.charAt(i));
      if (v < 0) {
        throw new InvalidIdException("character '" + s.charAt(i) + "' at position " + (i + 1) + " is not base32");
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        raw[out++] = (byte) (buffer >>> bits);
      }
    }
    if (raw[34] != VERSION) {
      throw new InvalidIdException("unknown id version " + (raw[34] & 0xFF) + " (expected " + VERSION + ")");
    }
    byte[] pk = Arrays.copyOf(raw, 32);
    byte[] sum = checksum(pk, raw[34]);
    if (sum[0] != raw[32] || sum[1] != raw[33]) {
      throw new InvalidIdException("checksum mismatch: the id is mistyped");
    }
    return pk;
  }

  /** True when {@code text} is a well-formed printed id. */
  public static boolean isValid(String text) {
    try {
      decode(text);
      return true;
    } catch (InvalidIdException e) {
      return false;
    }
  }

  private static byte[] checksum(byte[] publicKey, byte version) {
    // version before the key, so that key and checksum are adjacent in the CRC's codeword
    int crc = crc16(crc16(crc16(0xFFFF, DOMAIN), new byte[] {version}), publicKey);
    return new byte[] {(byte) (crc >>> 8), (byte) crc};
  }

  /** CRC-16/CCITT-FALSE (polynomial 0x1021, no reflection, no final xor), continued from {@code crc}. */
  private static int crc16(int crc, byte[] data) {
    for (byte b : data) {
      crc ^= (b & 0xFF) << 8;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      crc &= 0xFFFF;
    }
    return crc;
  }

  private static String base32(byte[] data) {
    StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        sb.append(ALPHABET.charAt((buffer >>> bits) & 31));
      }
    }
    if (bits > 0) {
      sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    return sb.toString();
  }

  /** A printed id that cannot be decoded; the message says why. */
  public static final class InvalidIdException extends Exception {
    public InvalidIdException(String message) {
      super(message);
    }
  }
}
