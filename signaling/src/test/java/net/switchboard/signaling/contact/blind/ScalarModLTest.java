package net.switchboard.signaling.contact.blind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The constant-time scalar arithmetic against BigInteger, on edge values and random ones. */
class ScalarModLTest {
  private static final BigInteger L = Edwards25519.L;

  private static byte[] le(BigInteger v, int length) {
    return Edwards25519.littleEndian(v, length);
  }

  private static List<BigInteger> values(int bytes, long seed) {
    BigInteger max = BigInteger.ONE.shiftLeft(8 * bytes).subtract(BigInteger.ONE);
    List<BigInteger> out = new ArrayList<>(List.of(
        BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE), L, L.add(BigInteger.ONE),
        L.shiftLeft(1), max, max.shiftRight(1)));
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      byte[] b = new byte[bytes];
      random.nextBytes(b);
      out.add(Edwards25519.fromLittleEndian(b));
    }
    out.removeIf(v -> v.bitLength() > 8 * bytes);
    return out;
  }

  @Test
  void reduceMatchesBigIntegerModForSixtyFourAndThirtyTwoByteValues() {
    for (int bytes : new int[] {64, 32}) {
      for (BigInteger v : values(bytes, bytes)) {
        assertArrayEquals(le(v.mod(L), 32), ScalarModL.reduce(le(v, bytes)), v.toString(16));
      }
    }
  }

  @Test
  void multiplyAndMultiplyAddMatchBigInteger() {
    List<BigInteger> a = values(32, 1), b = values(32, 2), c = values(32, 3);
    for (int i = 0; i < a.size(); i++) {
      BigInteger x = a.get(i), y = b.get((i * 7) % b.size()), z = c.get((i * 13) % c.size());
      assertArrayEquals(le(x.multiply(y).mod(L), 32), ScalarModL.multiply(le(x, 32), le(y, 32)));
      assertArrayEquals(le(x.multiply(y).add(z).mod(L), 32),
          ScalarModL.multiplyAdd(le(x, 32), le(y, 32), le(z, 32)));
    }
  }

  @Test
  void wrongSizesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ScalarModL.reduce(new byte[65]));
    assertThrows(IllegalArgumentException.class, () -> ScalarModL.multiply(new byte[31], new byte[32]));
  }
}
