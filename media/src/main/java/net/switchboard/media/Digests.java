package net.switchboard.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers for file transfer. */
public final class Digests {
  private Digests() {}

  /** A fresh SHA-256 digest. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Lowercase hex SHA-256 of a file's content. */
  public static String sha256Hex(Path file) {
    MessageDigest d = sha256();
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        d.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new MediaException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
