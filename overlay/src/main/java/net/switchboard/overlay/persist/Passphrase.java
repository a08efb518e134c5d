package net.switchboard.overlay.persist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the key passphrase comes from: a file (first line) or the SWITCHBOARD_PASSPHRASE variable. */
public final class Passphrase {
  /** Environment variable read when no passphrase file is given. */
  public static final String ENV = "SWITCHBOARD_PASSPHRASE";

  private Passphrase() {}

  /**
   * The passphrase, or null for an unencrypted key. A file wins over the environment; a trailing
   * newline in the file is not part of the passphrase.
   *
   * @throws KeyFileException when the file cannot be read or the passphrase is empty
   */
  public static char[] resolve(Path file, Map<String, String> env) throws KeyFileException {
    String value;
    String source;
    if (file != null) {
      try {
        value = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new KeyFileException("cannot read passphrase file " + file + ": " + e.getMessage(), e);
      }
      int nl = value.indexOf('\n');
      if (nl >= 0) {
        value = value.substring(0, nl);
      }
      if (value.endsWith("\r")) {
        value = value.substring(0, value.length() - 1);
      }
      source = "passphrase file " + file;
    } else {
      value = env.get(ENV);
      if (value == null) {
        return null;
      }
      source = ENV;
    }
    if (value.isEmpty()) {
      throw new KeyFileException(source + " is empty");
    }
    return value.toCharArray();
  }
}
