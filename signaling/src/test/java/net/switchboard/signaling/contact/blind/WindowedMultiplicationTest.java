package net.switchboard.signaling.contact.blind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.signaling.contact.blind.Edwards25519.Point;
import org.junit.jupiter.api.Test;

/** The windowed multiplication against plain double-and-add, on the scalars that stress recoding. */
class WindowedMultiplicationTest {

  /** The textbook reference: most significant bit first, one doubling per bit. */
  private static Point doubleAndAdd(Point p, BigInteger k) {
    Point acc = Edwards25519.IDENTITY;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      acc = acc.twice();
      if (k.testBit(i)) {
        acc = acc.add(p);
      }
    }
    return acc;
  }

  private static List<BigInteger> scalars() {
    List<BigInteger> out = new ArrayList<>();
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    out.add(BigInteger.ZERO);
    out.add(BigInteger.ONE);
    out.add(BigInteger.valueOf(7));
    out.add(BigInteger.valueOf(8)); // first digit that recodes to -8 with a carry
    out.add(BigInteger.valueOf(0x88));
    out.add(max); // every nibble 15: a carry through all 64 digits into the 65th
    out.add(max.shiftRight(1));
    out.add(new BigInteger("8".repeat(64), 16)); // every digit at the -8 boundary
    out.add(new BigInteger("7".repeat(64), 16));
    out.add(Edwards25519.L);
    out.add(Edwards25519.L.subtract(BigInteger.ONE));
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 24; i++) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      out.add(Edwards25519.fromLittleEndian(b));
    }
    return out;
  }

  @Test
  void agreesWithDoubleAndAddOnTheBasePointAndAnotherPoint() {
    Point other = Edwards25519.decode(HexFormat.of().parseHex(
        "cd875d3f46a8e8742cf4a6a9f9645d4153a394a5a0a8028c9041cd455d093cd5"));
    for (Point p : List.of(Edwards25519.BASE, other)) {
      for (BigInteger k : scalars()) {
        Point fast = p.multiply(k);
        Point slow = doubleAndAdd(p, k);
        assertTrue(fast.sameAs(slow), "k = " + k.toString(16));
        assertEquals(HexFormat.of().formatHex(slow.encode()), HexFormat.of().formatHex(fast.encode()));
        // the result's T coordinate is right too: adding to it gives the right point
        assertTrue(fast.add(p).sameAs(slow.add(p)), "k * P + P for k = " + k.toString(16));
      }
    }
  }

  @Test
  void digitsAreSignedRadix16AndSumBackToTheScalar() {
    for (BigInteger k : scalars()) {
      int[] d = WindowedMultiplication.digits(k);
      BigInteger sum = BigInteger.ZERO;
      for (int i = d.length - 1; i >= 0; i--) {
        assertTrue(d[i] >= -8 && d[i] < 8 || (i == 64 && (d[i] == 0 || d[i] == 1)), "digit " + i + " = " + d[i]);
        sum = sum.shiftLeft(4).add(BigInteger.valueOf(d[i]));
      }
      assertEquals(k, sum);
    }
  }

  @Test
  void refusesNegativeAndOverwideScalars() {
    assertThrows(IllegalArgumentException.class, () -> Edwards25519.BASE.multiply(BigInteger.valueOf(-1)));
    assertThrows(IllegalArgumentException.class, () -> Edwards25519.BASE.multiply(BigInteger.ONE.shiftLeft(256)));
  }

  @Test
  void smallOrderPointsAreRecognised() {
    assertTrue(Edwards25519.IDENTITY.isSmallOrder());
    // (0, -1) has order 2
    byte[] minusOne = HexFormat.of().parseHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    assertTrue(Edwards25519.decode(minusOne).isSmallOrder());
    assertFalse(Edwards25519.BASE.isSmallOrder());
  }
}
