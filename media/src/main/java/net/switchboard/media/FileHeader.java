package net.switchboard.media;

import java.util.HexFormat;
import java.util.Locale;

/**
 * The text message that announces a file on the {@code file} data channel, and the replies.
 *
 * <p>Wire form, one text message each, fields separated by tabs:
 * <pre>
 *   FILE &lt;size&gt; &lt;sha256-hex&gt; &lt;name&gt;     sender: the next &lt;size&gt; bytes of binary messages are the file
 *   OK &lt;sha256-hex&gt;                        receiver: stored, checksum matched
 *   ERR &lt;sha256-hex&gt; &lt;reason&gt;               receiver: refused or checksum mismatch, nothing stored
 * </pre>
 *
 * @param size bytes that follow
 * @param sha256 lowercase hex SHA-256 of the content
 * @param name the sender's file name (sanitized by the receiver before use)
 */
record FileHeader(long size, String sha256, String name) {
  /** The largest file accepted: 16 GiB. */
  static final long MAX_SIZE = 16L << 30;

  /** The header message. */
  String encode() {
    return "FILE\t" + size + "\t" + sha256 + "\t" + name.replace('\t', ' ').replace('\n', ' ');
  }

  /**
   * Parses a header message.
   *
   * @throws IllegalArgumentException when it is not a well-formed header
   */
  static FileHeader decode(String msg) {
    String[] f = msg.split("\t", 4);
    if (f.length != 4 || !f[0].equals("FILE")) {
      throw new IllegalArgumentException("not a file header");
    }
    long size;
    try {
      size = Long.parseLong(f[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad size");
    }
    if (size < 0 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size out of range: " + size);
    }
    String sha = f[2].toLowerCase(Locale.ROOT);
    if (sha.length() != 64 || !sha.chars().allMatch(c -> HexFormat.isHexDigit(c))) {
      throw new IllegalArgumentException("bad sha256");
    }
    return new FileHeader(size, sha, f[3]);
  }

  /** True for a message this protocol uses ({@code FILE}, {@code OK}, {@code ERR}). */
  static boolean isHeader(String msg) {
    return msg.startsWith("FILE\t");
  }

  static String ok(String sha256) {
    return "OK\t" + sha256;
  }

  static String error(String sha256, String reason) {
    return "ERR\t" + sha256 + "\t" + reason.replace('\t', ' ');
  }
}
