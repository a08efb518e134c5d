package net.switchboard.signaling.contact.blind;

import java.math.BigInteger;
import java.util.Arrays;
import net.switchboard.signaling.contact.blind.Edwards25519.Point;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * {@code k * P} on edwards25519 with a signed radix-16 window: the scalar is recoded into digits in
 * [-8, 8), the multiples 1P..8P are precomputed in "cached" form (Y+X, Y-X, 2Z, 2dT), and each
 * digit costs four doublings and one addition. All arithmetic works in place on one set of limb
 * arrays, so a multiplication allocates a few dozen small arrays instead of thousands.
 *
 * <p>Two loops share the table and the formulas:
 *
 * <ul>
 *   <li>{@link #multiply} is for <em>public</em> scalars (blinding a public key on a resolve): it
 *       skips zero digits, indexes the table by the digit and computes T only before an addition
 *       (as ref10 does with its P2/P3 split). About 30 % fewer field operations than double-and-add;
 *       it is what makes a cold resolve cheap. Its running time depends on the scalar.
 *   <li>{@link #multiplySecret} is for <em>secret</em> scalars (signing): every digit reads all
 *       eight table entries with masked moves, negates under a mask and always adds (a zero digit
 *       adds the neutral element), and every doubling computes T. The sequence of operations and
 *       of memory reads is the same for every scalar; {@link #trace} records it so a test can say
 *       so.
 * </ul>
 */
final class WindowedMultiplication {
  /** BouncyCastle's field arithmetic mod 2^255 - 19 (ten 25.5-bit limbs). */
  private abstract static class F extends X25519Field {}

  private static final int TABLE = 8;

  // accumulator in extended coordinates
  private final int[] x = F.create(), y = F.create(), z = F.create(), t = F.create();
  // multiples 1P..8P, cached form
  private final int[][] ypx = new int[TABLE][], ymx = new int[TABLE][], z2 = new int[TABLE][], t2d = new int[TABLE][];
  // temporaries
  private final int[] a = F.create(), b = F.create(), c = F.create(), d = F.create();
  private final int[] e = F.create(), f = F.create(), g = F.create(), h = F.create();

  // the selected table entry of the constant-time loop
  private final int[] selPlus = F.create(), selMinus = F.create(), selZ2 = F.create(), selT2d = F.create();

  /** Records one letter per operation when a test asks; null in production. */
  private final StringBuilder trace;

  private WindowedMultiplication(StringBuilder trace) {
    this.trace = trace;
  }

  /** {@code k * p} for any non-negative {@code k} below 2^256 (not reduced mod L). */
  static Point multiply(Point p, BigInteger k, int[] d2Limbs) {
    if (k.signum() < 0) {
      throw new IllegalArgumentException("negative scalar");
    }
    if (k.bitLength() > 256) {
      throw new IllegalArgumentException("scalar wider than 256 bits");
    }
    WindowedMultiplication m = new WindowedMultiplication(null);
    m.precompute(p, d2Limbs);
    return m.run(digits(Edwards25519.littleEndian(k, 32)));
  }

  /**
   * {@code k * p} in constant time for a secret 32-byte little-endian scalar {@code k}.
   *
   * @param trace when not null, receives one letter per operation: {@code D} doubling, {@code r}
   *     read of a table entry, {@code N} masked negation, {@code A} addition
   */
  static Point multiplySecret(Point p, byte[] k, int[] d2Limbs, StringBuilder trace) {
    if (k.length != 32) {
      throw new IllegalArgumentException("a scalar is 32 bytes, got " + k.length);
    }
    WindowedMultiplication m = new WindowedMultiplication(trace);
    m.precompute(p, d2Limbs);
    int[] digits = digits(k);
    try {
      return m.runConstantTime(digits);
    } finally {
      Arrays.fill(digits, 0);
    }
  }

  /** Signed radix-16 digits of {@code k}, least significant first: 65 digits in [-8, 8). */
  static int[] digits(BigInteger k) {
    return digits(Edwards25519.littleEndian(k, 32));
  }

  /** The same recoding from 32 little-endian bytes; branch-free, so also for secret scalars. */
  static int[] digits(byte[] le) {
    int[] out = new int[65];
    for (int i = 0; i < 32; i++) {
      out[2 * i] = le[i] & 0x0F;
      out[2 * i + 1] = (le[i] >>> 4) & 0x0F;
    }
    int carry = 0;
    for (int i = 0; i < 64; i++) {
      out[i] += carry;
      carry = (out[i] + 8) >> 4;
      out[i] -= carry << 4;
    }
    out[64] = carry;
    return out;
  }

  private void precompute(Point p, int[] d2Limbs) {
    // 1P
    F.copy(p.x, 0, x, 0);
    F.copy(p.y, 0, y, 0);
    F.copy(p.z, 0, z, 0);
    F.copy(p.t, 0, t, 0);
    store(0, d2Limbs);
    // 2P
    doubling(true);
    store(1, d2Limbs);
    // (i+1)P = iP + P for i = 2..7, the accumulator holding iP
    for (int i = 2; i < TABLE; i++) {
      addCached(0, false);
      store(i, d2Limbs);
    }
  }

  /** Stores the accumulator as table entry {@code i}: (Y+X, Y-X, 2Z, 2dT). */
  private void store(int i, int[] d2Limbs) {
    ypx[i] = F.create();
    ymx[i] = F.create();
    z2[i] = F.create();
    t2d[i] = F.create();
    F.apm(y, x, ypx[i], ymx[i]);
    F.carry(ypx[i]);
    F.carry(ymx[i]);
    F.add(z, z, z2[i]);
    F.carry(z2[i]);
    F.mul(t, d2Limbs, t2d[i]);
  }

  private Point run(int[] digits) {
    startFromNeutral();
    for (int i = 64; i >= 0; i--) {
      if (i < 64) {
        doubling(false);
        doubling(false);
        doubling(false);
        doubling(digits[i] != 0 || i == 0); // T for the addition, and in the result
      }
      int digit = digits[i];
      if (digit != 0) {
        addCached(Math.abs(digit) - 1, digit < 0);
      }
    }
    return new Point(x.clone(), y.clone(), z.clone(), t.clone());
  }

  private Point runConstantTime(int[] digits) {
    startFromNeutral();
    for (int i = 64; i >= 0; i--) {
      if (i < 64) {
        for (int n = 0; n < 4; n++) {
          doubling(true);
          note('D');
        }
      }
      select(digits[i]);
      add(selPlus, selMinus, selZ2, selT2d);
      note('A');
    }
    return new Point(x.clone(), y.clone(), z.clone(), t.clone());
  }

  /**
   * Loads {@code digit * P} in cached form into the sel* arrays without a secret-dependent branch
   * or index: starts from the neutral element (1, 1, 2, 0), moves in entry |digit| - 1 under a mask
   * while reading all eight, then negates under a mask (swap Y+X with Y-X, negate 2dT).
   */
  private void select(int digit) {
    int sign = digit >>> 31;
    int magnitude = (digit ^ -sign) + sign;
    F.one(selPlus);
    F.one(selMinus);
    F.one(selZ2);
    F.add(selZ2, selZ2, selZ2);
    F.zero(selT2d);
    for (int j = 0; j < TABLE; j++) {
      int differs = magnitude ^ (j + 1); // 0 only for the wanted entry; always below 16
      int mask = (differs - 1) >> 31; // all ones when differs == 0
      F.cmov(mask, ypx[j], 0, selPlus, 0);
      F.cmov(mask, ymx[j], 0, selMinus, 0);
      F.cmov(mask, z2[j], 0, selZ2, 0);
      F.cmov(mask, t2d[j], 0, selT2d, 0);
      note('r');
    }
    F.cswap(sign, selPlus, selMinus);
    F.cnegate(sign, selT2d);
    note('N');
  }

  private void note(char op) {
    if (trace != null) {
      trace.append(op);
    }
  }

  /** The accumulator becomes the neutral element (0, 1, 1, 0). */
  private void startFromNeutral() {
    F.zero(x);
    F.one(y);
    F.one(z);
    F.zero(t);
  }

  /** acc = 2 * acc (RFC 8032 section 5.1.4); T is computed only when {@code withT}. */
  private void doubling(boolean withT) {
    F.sqr(x, a);
    F.sqr(y, b);
    F.sqr(z, c);
    F.add(c, c, c);
    F.carry(c);
    F.apm(a, b, h, g); // h = A + B, g = A - B
    F.carry(h);
    F.carry(g);
    F.add(x, y, d);
    F.carry(d);
    F.sqr(d, d);
    F.sub(h, d, e);
    F.carry(e);
    F.add(c, g, f);
    F.carry(f);
    finish(withT);
  }

  /** acc = acc + (+/-) table[i] (RFC 8032 section 5.1.4, unified addition for a = -1). */
  private void addCached(int i, boolean negate) {
    // -Q swaps Y+X with Y-X and has -T: negating C swaps G and F
    addTerms(negate ? ymx[i] : ypx[i], negate ? ypx[i] : ymx[i], z2[i], t2d[i]);
    if (negate) {
      F.apm(d, c, f, g); // g = D - C, f = D + C
    } else {
      F.apm(d, c, g, f); // g = D + C, f = D - C
    }
    F.carry(g);
    F.carry(f);
    finish(true);
  }

  /** acc = acc + Q for Q in cached form (Y+X, Y-X, 2Z, 2dT), whatever its sign. */
  private void add(int[] qp, int[] qm, int[] qz2, int[] qt2d) {
    addTerms(qp, qm, qz2, qt2d);
    F.apm(d, c, g, f);
    F.carry(g);
    F.carry(f);
    finish(true);
  }

  /** The terms A, B, C, D and E, H of the unified addition, left in a, b, c, d, e, h. */
  private void addTerms(int[] qp, int[] qm, int[] qz2, int[] qt2d) {
    F.apm(y, x, e, f); // e = Y1 + X1, f = Y1 - X1
    F.carry(e);
    F.carry(f);
    F.mul(f, qm, a); // A = (Y1 - X1)(Y2 - X2)
    F.mul(e, qp, b); // B = (Y1 + X1)(Y2 + X2)
    F.mul(t, qt2d, c); // C = 2d T1 T2
    F.mul(z, qz2, d); // D = 2 Z1 Z2
    F.apm(b, a, h, e); // h = B + A, e = B - A
    F.carry(h);
    F.carry(e);
  }

  /** X3 = E F, Y3 = G H, Z3 = F G and, when asked, T3 = E H. */
  private void finish(boolean withT) {
    F.mul(e, f, x);
    F.mul(g, h, y);
    F.mul(f, g, z);
    if (withT) {
      F.mul(e, h, t);
    }
  }
}
