package net.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileHeaderTest {
  private static final String SHA = "ab".repeat(32);

  @Test
  void roundTripsNamesWithSpacesAndUnicode() {
    FileHeader h = new FileHeader(5_242_880, SHA, "my report – final.pdf");
    assertEquals(h, FileHeader.decode(h.encode()));
    assertTrue(FileHeader.isHeader(h.encode()));
  }

  @Test
  void tabsAndNewlinesInNamesCannotBreakTheFraming() {
    FileHeader h = new FileHeader(1, SHA, "a\tb\nc");
    assertEquals("a b c", FileHeader.decode(h.encode()).name());
  }

  @Test
  void refusesMalformedHeaders() {
    assertThrows(IllegalArgumentException.class, () -> FileHeader.decode("FILE\t1\t" + SHA));
    assertThrows(IllegalArgumentException.class, () -> FileHeader.decode("FILE\t-1\t" + SHA + "\tx"));
    assertThrows(IllegalArgumentException.class, () -> FileHeader.decode("FILE\tten\t" + SHA + "\tx"));
    assertThrows(IllegalArgumentException.class, () -> FileHeader.decode("FILE\t1\tabc\tx"));
    assertThrows(
        IllegalArgumentException.class,
        () -> FileHeader.decode("FILE\t" + (FileHeader.MAX_SIZE + 1) + "\t" + SHA + "\tx"));
    assertThrows(IllegalArgumentException.class, () -> FileHeader.decode("OK\t" + SHA));
  }
}
