package net.switchboard.media;

import java.nio.file.Files;
import java.nio.file.Path;

/** Turns a file name chosen by the other side into a safe, unused name in the receive directory. */
final class SafeNames {
  private static final int MAX = 200;

  private SafeNames() {}

  /**
   * Keeps only the last path element, replaces separators, control characters and characters
   * that are special on common file systems with {@code _}, refuses names made of dots, and caps
   * the length.
   */
  static String sanitize(String name) {
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    StringBuilder b = new StringBuilder();
    base.codePoints()
        .forEach(
            c -> {
              boolean bad = c < 0x20 || c == 0x7f || "<>:\"|?*".indexOf(c) >= 0;
              b.appendCodePoint(bad ? '_' : c);
            });
    String s = b.toString().strip();
    if (s.isEmpty() || s.chars().allMatch(c -> c == '.')) {
      s = "received-file";
    }
    if (s.startsWith(".")) {
      s = "_" + s.substring(1);
    }
    if (s.length() > MAX) {
      s = s.substring(0, MAX);
    }
    return s;
  }

  /** {@code dir/name}, or {@code dir/stem (n).ext} for the first n that is free. */
  static Path unique(Path dir, String name) {
    Path p = dir.resolve(name);
    if (!Files.exists(p)) {
      return p;
    }
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 1; ; i++) {
      p = dir.resolve(stem + " (" + i + ")" + ext);
      if (!Files.exists(p)) {
        return p;
      }
    }
  }
}
