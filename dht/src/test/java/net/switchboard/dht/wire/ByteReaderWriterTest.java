package net.switchboard.dht.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The shared reader and writer: big-endian layout, bounds, length limits, and the codec's own refusal. */
class ByteReaderWriterTest {
  private static final HexFormat HEX = HexFormat.of();

  /** A codec's checked exception, standing in for each codec's own. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  private static ByteReader<Refused> reader(String hex) {
    return new ByteReader<>(HEX.parseHex(hex), Refused::new);
  }

  @Test
  void integersAreBigEndianAndRoundTrip() throws Exception {
    byte[] b = new ByteWriter(1).u8(0xAB).u16(0xBEEF).u32(0xFFFFFFFEL).u64(-2).toByteArray();
    assertEquals("abbeeffffffffefffffffffffffffe", HEX.formatHex(b));
    ByteReader<Refused> r = new ByteReader<>(b, Refused::new);
    assertEquals(0xAB, r.u8("a"));
    assertEquals(0xBEEF, r.u16("b"));
    assertEquals(0xFFFFFFFEL, r.u32("c"));
    assertEquals(-2, r.u64("d"));
    r.expectEnd();
  }

  @Test
  void lengthPrefixedFieldsRoundTripAndTheirMaxIsEnforcedBothWays() throws Exception {
    byte[] b = new ByteWriter().bytes8(new byte[] {1}, 4).bytes16(new byte[] {2, 3}, 4).bytes32(new byte[0], 4)
        .utf8With16("é", 4).utf8With32("x", 4).toByteArray();
    assertEquals("0101" + "00020203" + "00000000" + "0002c3a9" + "0000000178", HEX.formatHex(b));
    ByteReader<Refused> r = new ByteReader<>(b, Refused::new);
    assertArrayEquals(new byte[] {1}, r.bytes8(4, "a"));
    assertArrayEquals(new byte[] {2, 3}, r.bytes16(4, "b"));
    assertArrayEquals(new byte[0], r.bytes32(4, "c"));
    assertEquals("é", r.utf8With16(4, "d"));
    assertEquals("x", r.utf8With32(4, "e"));
    assertEquals(0, r.remaining());
    assertThrows(IllegalArgumentException.class, () -> new ByteWriter().bytes16(new byte[5], 4));
    Refused e = assertThrows(Refused.class, () -> reader("0005").bytes16(4, "payload"));
    assertTrue(e.getMessage().contains("payload of 5 bytes exceeds 4"), e.getMessage());
  }

  @Test
  void aHugeU32LengthIsRefusedNotAllocated() {
    assertThrows(Refused.class, () -> reader("ffffffff").bytes32(Integer.MAX_VALUE, "blob"));
    assertThrows(Refused.class, () -> reader("7fffffff00").bytes32(Integer.MAX_VALUE, "blob"));
  }

  @Test
  void everyOverrunIsTheCodecsExceptionNamingTheField() {
    Refused e = assertThrows(Refused.class, () -> reader("01").u16("port"));
    assertTrue(e.getMessage().contains("port"), e.getMessage());
    assertThrows(Refused.class, () -> reader("").u8("a"));
    assertThrows(Refused.class, () -> reader("00000000000000").u64("a"));
    assertThrows(Refused.class, () -> reader("000000").u32("a"));
    assertThrows(Refused.class, () -> reader("00").id("a"));
    assertThrows(Refused.class, () -> reader("00").bytes(-1, "a"));
  }

  @Test
  void invalidUtf8AndTrailingBytesAreRefused() throws Exception {
    assertThrows(Refused.class, () -> reader("c3").utf8(1, "host"));
    assertThrows(Refused.class, () -> reader("eda080").utf8(3, "host")); // a lone surrogate
    ByteReader<Refused> r = reader("0102");
    r.u8("a");
    Refused e = assertThrows(Refused.class, r::expectEnd);
    assertEquals("1 trailing bytes", e.getMessage());
    assertArrayEquals(new byte[] {2}, r.rest());
    r.expectEnd();
  }

  @Test
  void anUncheckedRefusalWorksForCodecsThatThrowOne() {
    assertThrows(IllegalStateException.class, () -> new ByteReader<>(new byte[0], IllegalStateException::new).u8("a"));
  }
}
