package net.switchboard.signaling.contact.blind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.signaling.contact.blind.Edwards25519.Point;
import org.junit.jupiter.api.Test;

/**
 * The secret-scalar multiplication: right, and the same sequence of operations and table reads
 * for every scalar (operations counted, not time measured).
 */
class ConstantTimeMultiplicationTest {
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private static byte[] le(BigInteger v) {
    return Edwards25519.littleEndian(v, 32);
  }

  private static String trace(BigInteger k) {
    StringBuilder trace = new StringBuilder();
    WindowedMultiplication.multiplySecret(Edwards25519.BASE, le(k), Edwards25519.D2_LIMBS, trace);
    return trace.toString();
  }

  @Test
  void agreesWithTheVariableTimeMultiplication() {
    Point other = Edwards25519.decode(HexFormat.of().parseHex(
        "cd875d3f46a8e8742cf4a6a9f9645d4153a394a5a0a8028c9041cd455d093cd5"));
    SplittableRandom random = new SplittableRandom(9);
    List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE,
        BigInteger.valueOf(8), MAX, new BigInteger("8".repeat(64), 16), Edwards25519.L));
    for (int i = 0; i < 30; i++) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      scalars.add(Edwards25519.fromLittleEndian(b));
    }
    for (Point p : List.of(Edwards25519.BASE, other)) {
      for (BigInteger k : scalars) {
        Point secret = p.multiplySecret(le(k));
        Point reference = p.multiply(k);
        assertEquals(HexFormat.of().formatHex(reference.encode()), HexFormat.of().formatHex(secret.encode()),
            "k = " + k.toString(16));
        assertTrue(secret.add(p).sameAs(reference.add(p)), "T coordinate, k = " + k.toString(16));
      }
    }
  }

  @Test
  void denseSparseAndZeroScalarsTakeTheSameOperationsAndReads() {
    String expectedPerDigit = "r".repeat(8) + "NA"; // all eight entries read, masked negation, one addition
    String dense = trace(MAX.shiftRight(1)); // 255 one bits
    String sparse = trace(BigInteger.ONE.shiftLeft(200)); // one bit
    String zero = trace(BigInteger.ZERO);
    String boundary = trace(new BigInteger("8".repeat(64), 16)); // every digit -8 with a carry
    assertEquals(dense, sparse);
    assertEquals(dense, zero);
    assertEquals(dense, boundary);
    // 65 digits, each after four doublings except the first
    assertEquals(expectedPerDigit + ("DDDD" + expectedPerDigit).repeat(64), dense);
  }
}
