package net.switchboard.signaling.contact.blind;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Just enough edwards25519 arithmetic for key blinding (RFC 8032 section 5.1): point decoding and
 * encoding, addition, doubling and scalar multiplication in extended coordinates. BouncyCastle
 * exposes no raw point API, so this fills the gap on top of its public field arithmetic ({@code
 * X25519Field}); decoding uses {@link BigInteger}. Verification stays on BouncyCastle.
 *
 * <p>Two scalar multiplications: {@link Point#multiply} for public scalars (fast, its time depends
 * on the scalar) and {@link Point#multiplySecret} for secret ones (the same operations and memory
 * reads for every scalar). Signing must use the second: a republish, and so a signature, can be
 * triggered from the network, where an attacker can time it.
 */
public final class Edwards25519 {
  /** BouncyCastle's constant-time field arithmetic mod 2^255 - 19 (ten 25.5-bit limbs). */
  private abstract static class F extends X25519Field {}

  /** The field prime 2^255 - 19. */
  public static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
  /** The prime order of the base point, L in RFC 8032. */
  public static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private static final BigInteger TWO = BigInteger.TWO;
  static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
  private static final BigInteger SQRT_M1 = TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
  private static final BigInteger SQRT_EXP = P.add(BigInteger.valueOf(3)).shiftRight(3);

  /** The neutral element (0, 1). */
  public static final Point IDENTITY;
  /** The standard base point B. */
  public static final Point BASE;
  static final int[] D2_LIMBS = limbs(D.shiftLeft(1).mod(P));
  private static final int[] D_LIMBS = limbs(D.mod(P));

  static {
    int[] zero = F.create();
    int[] one = F.create();
    F.one(one);
    IDENTITY = new Point(zero, one.clone(), one.clone(), zero.clone());
    BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
    BASE = affine(recoverX(y, 0), y);
  }

  private Edwards25519() {}

  /**
   * A point in extended coordinates: x = X/Z, y = Y/Z, x*y = T/Z, each a field element in
   * BouncyCastle's ten-limb {@link F X25519Field} form. Immutable.
   */
  public static final class Point {
    final int[] x, y, z, t;

    Point(int[] x, int[] y, int[] z, int[] t) {
      this.x = x;
      this.y = y;
      this.z = z;
      this.t = t;
    }

    /** this + q (RFC 8032 section 5.1.4, unified addition for a = -1). */
    public Point add(Point q) {
      int[] yp = F.create(), ym = F.create(), qp = F.create(), qm = F.create();
      apm(y, x, yp, ym);
      apm(q.y, q.x, qp, qm);
      int[] a = F.create(), b = F.create(), c = F.create(), d = F.create();
      F.mul(ym, qm, a);
      F.mul(yp, qp, b);
      F.mul(t, q.t, c);
      F.mul(c, D2_LIMBS, c);
      F.add(z, z, d);
      F.carry(d);
      F.mul(d, q.z, d);
      int[] e = F.create(), f = F.create(), g = F.create(), h = F.create();
      apm(b, a, h, e);
      apm(d, c, g, f);
      return combine(e, f, g, h);
    }

    /** 2 * this (RFC 8032 section 5.1.4, dedicated doubling). */
    public Point twice() {
      int[] a = F.create(), b = F.create(), c = F.create(), h = F.create(), g = F.create();
      F.sqr(x, a);
      F.sqr(y, b);
      F.sqr(z, c);
      F.add(c, c, c);
      F.carry(c);
      apm(a, b, h, g);
      int[] xy = F.create();
      F.add(x, y, xy);
      F.carry(xy);
      F.sqr(xy, xy);
      int[] e = F.create(), f = F.create();
      F.sub(h, xy, e);
      F.carry(e);
      F.add(c, g, f);
      F.carry(f);
      return combine(e, f, g, h);
    }

    private static Point combine(int[] e, int[] f, int[] g, int[] h) {
      int[] x3 = F.create(), y3 = F.create(), z3 = F.create(), t3 = F.create();
      F.mul(e, f, x3);
      F.mul(g, h, y3);
      F.mul(f, g, z3);
      F.mul(e, h, t3);
      return new Point(x3, y3, z3, t3);
    }

    /** k * this for a non-negative k below 2^256 (not reduced mod L, as the draft requires). */
    public Point multiply(BigInteger k) {
      return WindowedMultiplication.multiply(this, k, D2_LIMBS);
    }

    /**
     * k * this in constant time, for a secret 32-byte little-endian scalar (not reduced mod L).
     * Field arithmetic, inversion and encoding are BouncyCastle's constant-time routines.
     */
    public Point multiplySecret(byte[] k) {
      return WindowedMultiplication.multiplySecret(this, k, D2_LIMBS, null);
    }

    /** True when this point's order divides 8 (the neutral element and the torsion points). */
    public boolean isSmallOrder() {
      return twice().twice().twice().sameAs(IDENTITY);
    }

    /** RFC 8032 section 5.1.2 encoding: y little-endian, the sign of x in the top bit. */
    public byte[] encode() {
      int[] zi = F.create(), ax = F.create(), ay = F.create();
      F.inv(z, zi);
      F.mul(x, zi, ax);
      F.mul(y, zi, ay);
      F.normalize(ax);
      F.normalize(ay);
      byte[] out = new byte[32];
      F.encode(ay, out, 0);
      byte[] xb = new byte[32];
      F.encode(ax, xb, 0);
      out[31] |= (byte) ((xb[0] & 1) << 7);
      return out;
    }

    /** True when both points are the same group element. */
    public boolean sameAs(Point q) {
      return crossEqual(x, q.z, q.x, z) && crossEqual(y, q.z, q.y, z);
    }

    private static boolean crossEqual(int[] a, int[] b, int[] c, int[] d) {
      int[] l = F.create(), r = F.create();
      F.mul(a, b, l);
      F.mul(c, d, r);
      F.sub(l, r, l);
      F.normalize(l);
      return F.isZeroVar(l);
    }
  }

  /** zp = x + y, zm = x - y, both carried so they can feed a multiplication. */
  private static void apm(int[] x, int[] y, int[] zp, int[] zm) {
    F.apm(x, y, zp, zm);
    F.carry(zp);
    F.carry(zm);
  }

  /**
   * Decodes a 32-byte point (RFC 8032 section 5.1.3).
   *
   * @throws IllegalArgumentException when the bytes do not encode a curve point
   */
  public static Point decode(byte[] encoded) {
    if (encoded.length != 32) {
      throw new IllegalArgumentException("a point is 32 bytes, got " + encoded.length);
    }
    byte[] b = encoded.clone();
    int sign = (b[31] & 0x80) >>> 7;
    b[31] &= 0x7F;
    if (fromLittleEndian(b).compareTo(P) >= 0) {
      throw new IllegalArgumentException("y coordinate not reduced");
    }
    // x^2 = (y^2 - 1) / (d y^2 + 1), solved in limb arithmetic (BigInteger modPow/modInverse made
    // decoding the most expensive step of a contact-record resolve)
    int[] y = F.create(), u = F.create(), v = F.create(), x = F.create();
    F.decode(b, 0, y);
    F.sqr(y, u);
    F.mul(D_LIMBS, u, v);
    F.subOne(u);
    F.addOne(v);
    if (!F.sqrtRatioVar(u, v, x)) {
      throw new IllegalArgumentException("not a point on edwards25519");
    }
    F.normalize(x);
    if (F.isZeroVar(x) && sign == 1) {
      throw new IllegalArgumentException("x = 0 with the sign bit set");
    }
    if ((x[0] & 1) != sign) {
      F.negate(x, x);
      F.normalize(x);
    }
    F.normalize(y);
    int[] one = F.create(), t = F.create();
    F.one(one);
    F.mul(x, y, t);
    return new Point(x, y, one, t);
  }

  private static Point affine(BigInteger x, BigInteger y) {
    int[] one = F.create();
    F.one(one);
    return new Point(limbs(x), limbs(y), one, limbs(x.multiply(y).mod(P)));
  }

  /** A reduced field element as limbs. */
  private static int[] limbs(BigInteger v) {
    int[] out = F.create();
    F.decode(littleEndian(v, 32), 0, out);
    return out;
  }

  private static BigInteger recoverX(BigInteger y, int sign) {
    BigInteger y2 = y.multiply(y).mod(P);
    BigInteger u = y2.subtract(BigInteger.ONE).mod(P);
    BigInteger v = D.multiply(y2).add(BigInteger.ONE).mod(P);
    BigInteger x2 = u.multiply(v.modInverse(P)).mod(P);
    if (x2.signum() == 0) {
      if (sign == 1) {
        throw new IllegalArgumentException("x = 0 with the sign bit set");
      }
      return BigInteger.ZERO;
    }
    BigInteger x = x2.modPow(SQRT_EXP, P);
    if (x.multiply(x).subtract(x2).mod(P).signum() != 0) {
      x = x.multiply(SQRT_M1).mod(P);
    }
    if (x.multiply(x).subtract(x2).mod(P).signum() != 0) {
      throw new IllegalArgumentException("not a point on edwards25519");
    }
    if (x.testBit(0) != (sign == 1)) {
      x = P.subtract(x);
    }
    return x;
  }

  /** Reads an unsigned little-endian integer. */
  public static BigInteger fromLittleEndian(byte[] bytes) {
    byte[] be = new byte[bytes.length + 1];
    for (int i = 0; i < bytes.length; i++) {
      be[be.length - 1 - i] = bytes[i];
    }
    return new BigInteger(be);
  }

  /** Writes a non-negative integer below 2^(8*length) as little-endian bytes. */
  public static byte[] littleEndian(BigInteger v, int length) {
    byte[] be = v.toByteArray();
    byte[] out = new byte[length];
    for (int i = 0; i < length && i < be.length; i++) {
      out[i] = be[be.length - 1 - i];
    }
    if (be.length > length && !(be.length == length + 1 && be[0] == 0)) {
      Arrays.fill(out, (byte) 0);
      throw new IllegalArgumentException("value does not fit in " + length + " bytes");
    }
    return out;
  }

  /** The Montgomery u coordinate (RFC 7748) of an encoded Edwards point: u = (1 + y) / (1 - y). */
  public static byte[] toMontgomeryU(byte[] edwardsPoint) {
    decode(edwardsPoint); // validates
    byte[] b = edwardsPoint.clone();
    b[31] &= 0x7F;
    BigInteger y = fromLittleEndian(b);
    BigInteger den = BigInteger.ONE.subtract(y).mod(P);
    if (den.signum() == 0) {
      throw new IllegalArgumentException("the neutral point has no Montgomery form");
    }
    return littleEndian(BigInteger.ONE.add(y).multiply(den.modInverse(P)).mod(P), 32);
  }
}
