package net.switchboard.signaling.contact.blind;

import java.math.BigInteger;
import net.switchboard.signaling.contact.blind.Edwards25519.Point;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * {@code k * P} on edwards25519 with a signed radix-16 window: the scalar is recoded into digits in
 * [-8, 8), the multiples 1P..8P are precomputed in "cached" form (Y+X, Y-X, 2Z, 2dT), and each
 * digit costs four doublings and at most one addition. All arithmetic works in place on one set of
 * limb arrays, so a multiplication allocates a few dozen small arrays instead of thousands.
 *
 * <p>Doublings skip the T coordinate except before an addition (T is only read there), as
 * ref10 does with its P2/P3 split. Against plain double-and-add this is about 30 % fewer field
 * operations and no per-step allocation; it is what makes deriving a contact record's storage key
 * (one variable-base multiplication) cheap enough for a cold resolve. Not constant time: the digit
 * picks the table entry and the sign (see {@link Edwards25519}).
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

  private WindowedMultiplication() {}

  /** {@code k * p} for any non-negative {@code k} below 2^256 (not reduced mod L). */
  static Point multiply(Point p, BigInteger k, int[] d2Limbs) {
    if (k.signum() < 0) {
      throw new IllegalArgumentException("negative scalar");
    }
    if (k.bitLength() > 256) {
      throw new IllegalArgumentException("scalar wider than 256 bits");
    }
    WindowedMultiplication m = new WindowedMultiplication();
    m.precompute(p, d2Limbs);
    return m.run(digits(k));
  }

  /** Signed radix-16 digits of {@code k}, least significant first: 65 digits in [-8, 8). */
  static int[] digits(BigInteger k) {
    byte[] le = Edwards25519.littleEndian(k, 32);
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
    // start from the neutral element (0, 1, 1, 0)
    F.zero(x);
    F.one(y);
    F.one(z);
    F.zero(t);
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
    int[] qp = negate ? ymx[i] : ypx[i];
    int[] qm = negate ? ypx[i] : ymx[i];
    F.apm(y, x, e, f); // e = Y1 + X1, f = Y1 - X1
    F.carry(e);
    F.carry(f);
    F.mul(f, qm, a); // A = (Y1 - X1)(Y2 - X2)
    F.mul(e, qp, b); // B = (Y1 + X1)(Y2 + X2)
    F.mul(t, t2d[i], c); // C = 2d T1 T2 (for -Q, -C: which swaps G and F below)
    F.mul(z, z2[i], d); // D = 2 Z1 Z2
    F.apm(b, a, h, e); // h = B + A, e = B - A
    F.carry(h);
    F.carry(e);
    if (negate) {
      F.apm(d, c, f, g); // g = D - C, f = D + C
    } else {
      F.apm(d, c, g, f); // g = D + C, f = D - C
    }
    F.carry(g);
    F.carry(f);
    finish(true);
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
