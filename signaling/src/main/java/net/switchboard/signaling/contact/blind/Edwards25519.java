package net.switchboard.signaling.contact.blind;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Just enough edwards25519 arithmetic for key blinding (RFC 8032 section 5.1): point decoding and
 * encoding, addition, doubling and scalar multiplication in extended coordinates, over {@link
 * BigInteger}. BouncyCastle exposes no raw point API, so this fills the gap; it runs once per
 * period (blinding) and once per publish (signing). Verification stays on BouncyCastle.
 *
 * <p>Not constant time: the scalar-dependent branches of {@link #multiply} leak timing. Acceptable
 * here because the secret scalars are used rarely and locally, never in response to a network
 * request an attacker could time.
 */
public final class Edwards25519 {
  /** The field prime 2^255 - 19. */
  public static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
  /** The prime order of the base point, L in RFC 8032. */
  public static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private static final BigInteger TWO = BigInteger.TWO;
  static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
  private static final BigInteger D2 = D.shiftLeft(1).mod(P);
  private static final BigInteger SQRT_M1 = TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
  private static final BigInteger SQRT_EXP = P.add(BigInteger.valueOf(3)).shiftRight(3);

  /** The neutral element (0, 1). */
  public static final Point IDENTITY = new Point(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);
  /** The standard base point B. */
  public static final Point BASE;

  static {
    BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
    BASE = affine(recoverX(y, 0), y);
  }

  private Edwards25519() {}

  /** A point in extended coordinates: x = X/Z, y = Y/Z, x*y = T/Z. Immutable. */
  public static final class Point {
    final BigInteger x, y, z, t;

    Point(BigInteger x, BigInteger y, BigInteger z, BigInteger t) {
      this.x = x;
      this.y = y;
      this.z = z;
      this.t = t;
    }

    /** this + q (RFC 8032 section 5.1.4, unified addition for a = -1). */
    public Point add(Point q) {
      BigInteger a = y.subtract(x).multiply(q.y.subtract(q.x)).mod(P);
      BigInteger b = y.add(x).multiply(q.y.add(q.x)).mod(P);
      BigInteger c = t.multiply(D2).mod(P).multiply(q.t).mod(P);
      BigInteger d = z.shiftLeft(1).multiply(q.z).mod(P);
      BigInteger e = b.subtract(a), f = d.subtract(c), g = d.add(c), h = b.add(a);
      return new Point(e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P));
    }

    /** 2 * this (RFC 8032 section 5.1.4, dedicated doubling). */
    public Point twice() {
      BigInteger a = x.multiply(x).mod(P);
      BigInteger b = y.multiply(y).mod(P);
      BigInteger c = z.multiply(z).shiftLeft(1).mod(P);
      BigInteger h = a.add(b);
      BigInteger xy = x.add(y);
      BigInteger e = h.subtract(xy.multiply(xy)).mod(P);
      BigInteger g = a.subtract(b);
      BigInteger f = c.add(g);
      return new Point(e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P));
    }

    /** k * this for a non-negative k of any size (not reduced mod L, as the draft requires). */
    public Point multiply(BigInteger k) {
      if (k.signum() < 0) {
        throw new IllegalArgumentException("negative scalar");
      }
      Point acc = IDENTITY;
      for (int i = k.bitLength() - 1; i >= 0; i--) {
        acc = acc.twice();
        if (k.testBit(i)) {
          acc = acc.add(this);
        }
      }
      return acc;
    }

    /** RFC 8032 section 5.1.2 encoding: y little-endian, the sign of x in the top bit. */
    public byte[] encode() {
      BigInteger zi = z.modInverse(P);
      BigInteger ax = x.multiply(zi).mod(P);
      BigInteger ay = y.multiply(zi).mod(P);
      byte[] out = littleEndian(ay, 32);
      if (ax.testBit(0)) {
        out[31] |= (byte) 0x80;
      }
      return out;
    }

    /** True when both points are the same group element. */
    public boolean sameAs(Point q) {
      return x.multiply(q.z).subtract(q.x.multiply(z)).mod(P).signum() == 0
          && y.multiply(q.z).subtract(q.y.multiply(z)).mod(P).signum() == 0;
    }
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
    BigInteger y = fromLittleEndian(b);
    if (y.compareTo(P) >= 0) {
      throw new IllegalArgumentException("y coordinate not reduced");
    }
    BigInteger x = recoverX(y, sign);
    return affine(x, y);
  }

  private static Point affine(BigInteger x, BigInteger y) {
    return new Point(x, y, BigInteger.ONE, x.multiply(y).mod(P));
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
    Point pt = decode(edwardsPoint);
    BigInteger y = pt.y; // z = 1 after decode
    BigInteger den = BigInteger.ONE.subtract(y).mod(P);
    if (den.signum() == 0) {
      throw new IllegalArgumentException("the neutral point has no Montgomery form");
    }
    return littleEndian(BigInteger.ONE.add(y).multiply(den.modInverse(P)).mod(P), 32);
  }
}
