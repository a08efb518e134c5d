package net.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeNamesTest {
  @TempDir Path dir;

  @Test
  void keepsOnlyASafeLastPathElement() {
    assertEquals("passwd", SafeNames.sanitize("../../etc/passwd"));
    assertEquals("evil.exe", SafeNames.sanitize("C:\\Windows\\evil.exe"));
    assertEquals("received-file", SafeNames.sanitize(".."));
    assertEquals("received-file", SafeNames.sanitize("  "));
    assertEquals("_bashrc", SafeNames.sanitize(".bashrc"));
    assertEquals("a_b_c", SafeNames.sanitize("a\u0000b?c"));
    assertEquals(200, SafeNames.sanitize("x".repeat(500)).length());
  }

  @Test
  void neverOverwritesAnExistingFile() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "1");
    Files.writeString(dir.resolve("a (1).txt"), "2");
    assertEquals(dir.resolve("a (2).txt"), SafeNames.unique(dir, "a.txt"));
    assertEquals(dir.resolve("b"), SafeNames.unique(dir, "b"));
  }
}
