package net.switchboard.dht.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.PrintedId.InvalidIdException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The printed id: 56 base32 characters that survive copying and refuse typos. */
class PrintedIdTest {
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
  /** RFC 8032 section 7.1 TEST 1 public key. */
  private static final byte[] RFC_KEY = HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  /** Its printed id, computed independently (Python base64 + a hand-written CRC-16); see docs/wire-format.md. */
  private static final String RFC_KEY_PRINTED = "25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkeneafib";

  private static List<byte[]> keys(int n) {
    SplittableRandom r = new SplittableRandom(1);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Identity.generate(r).publicKey());
    }
    return out;
  }

  private static String withCharAt(String s, int i, char c) {
    return s.substring(0, i) + c + s.substring(i + 1);
  }

  @Test
  void aPrintedIdDecodesToItsPublicKey() throws InvalidIdException {
    for (byte[] pk : keys(100)) {
      String printed = PrintedId.encode(pk);
      assertEquals(PrintedId.LENGTH, printed.length());
      assertTrue(printed.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0), printed);
      assertArrayEquals(pk, PrintedId.decode(printed));
    }
  }

  @Test
  void thePrintedFormIsPinned() throws InvalidIdException {
    assertEquals(RFC_KEY_PRINTED, PrintedId.encode(RFC_KEY));
    assertArrayEquals(RFC_KEY, PrintedId.decode(RFC_KEY_PRINTED));
  }

  @Test
  void upperCaseAndSurroundingSpacesAreForgiven() throws InvalidIdException {
    assertArrayEquals(RFC_KEY, PrintedId.decode("  " + RFC_KEY_PRINTED.toUpperCase() + "\n"));
  }

  /**
   * 64 ids x 56 positions x 31 other characters. With the earlier 16-bit truncated-hash checksum
   * this failed (seed 1, id 25: its first character changed from 'w' to 'l' was accepted); the CRC guarantees it.
   */
  @Test
  void everySingleCharacterSubstitutionIsRefused() {
    for (byte[] pk : keys(64)) {
      String printed = PrintedId.encode(pk);
      for (int i = 0; i < printed.length(); i++) {
        for (char c : ALPHABET.toCharArray()) {
          if (c != printed.charAt(i)) {
            String typo = withCharAt(printed, i, c);
            assertFalse(PrintedId.isValid(typo), () -> "typo accepted: " + printed + " -> " + typo);
          }
        }
      }
    }
  }

  @Test
  void everySwapOfTwoAdjacentDifferentCharactersIsRefused() {
    for (byte[] pk : keys(64)) {
      String printed = PrintedId.encode(pk);
      for (int i = 0; i + 1 < printed.length(); i++) {
        if (printed.charAt(i) != printed.charAt(i + 1)) {
          String swapped = withCharAt(withCharAt(printed, i, printed.charAt(i + 1)), i + 1, printed.charAt(i));
          assertFalse(PrintedId.isValid(swapped), () -> "swap accepted: " + printed + " -> " + swapped);
        }
      }
    }
  }

  @Test
  void aTypoInTheKeyIsReportedAsAChecksumMismatch() {
    String typo = withCharAt(RFC_KEY_PRINTED, 0, RFC_KEY_PRINTED.charAt(0) == 'a' ? 'b' : 'a');
    InvalidIdException e = assertThrows(InvalidIdException.class, () -> PrintedId.decode(typo));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "8", "9", "!", "-", "é"})
  void charactersOutsideTheBase32AlphabetAreRefusedWithTheirPosition(String bad) {
    String typo = withCharAt(RFC_KEY_PRINTED, 9, bad.charAt(0));
    InvalidIdException e = assertThrows(InvalidIdException.class, () -> PrintedId.decode(typo));
    assertTrue(e.getMessage().contains("position 10"), e.getMessage());
  }

  @Test
  void wrongLengthsAreRefused() {
    for (String s : new String[] {"", RFC_KEY_PRINTED.substring(1), RFC_KEY_PRINTED + "a",
        RFC_KEY_PRINTED.substring(0, 52), RFC_KEY_PRINTED + RFC_KEY_PRINTED}) {
      InvalidIdException e = assertThrows(InvalidIdException.class, () -> PrintedId.decode(s));
      assertTrue(e.getMessage().contains("56 characters"), e.getMessage());
    }
    assertThrows(InvalidIdException.class, () -> PrintedId.decode(null));
  }

  /** The last character carries the low five bits of the version byte (1): any other value is another version. */
  @Test
  void anotherVersionByteIsRefusedAsSuch() {
    int last = PrintedId.LENGTH - 1;
    assertEquals('b', RFC_KEY_PRINTED.charAt(last), "version 1 ends in 'b' (00001)");
    for (char c : ALPHABET.toCharArray()) {
      if (c != 'b') {
        InvalidIdException e = assertThrows(InvalidIdException.class,
            () -> PrintedId.decode(withCharAt(RFC_KEY_PRINTED, last, c)));
        assertTrue(e.getMessage().contains("unknown id version " + ALPHABET.indexOf(c)), e.getMessage());
      }
    }
  }

  @Test
  void encodingRefusesKeysThatAreNotThirtyTwoBytes() {
    assertThrows(IllegalArgumentException.class, () -> PrintedId.encode(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> PrintedId.encode(new byte[33]));
  }
}
