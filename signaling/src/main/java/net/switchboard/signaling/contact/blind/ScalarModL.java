package net.switchboard.signaling.contact.blind;

/**
 * Constant-time arithmetic modulo L (the order of edwards25519's base point) on little-endian byte
 * arrays, for secret scalars. {@link java.math.BigInteger} is not used for secrets: its running
 * time and allocation depend on the value's magnitude.
 *
 * <p>Reduction is binary long division with a branch-free conditional subtraction: the value's
 * bits are shifted in from the top into an accumulator kept below L, and after each bit L is
 * subtracted under a mask computed from the borrow. The loop count depends only on the input's
 * length, never on its value; no branch and no array index depends on a secret. About 512 steps of
 * eight 32-bit limbs for a 64-byte value: a few microseconds, against the ~100 us of the two
 * point multiplications in a signature.
 */
final class ScalarModL {
  /** Size of a reduced scalar's encoding. */
  static final int BYTES = 32;

  private static final int LIMBS = 8;
  /** L = 2^252 + 27742317777372353535851937790883648493, as eight little-endian 32-bit limbs. */
  private static final int[] L = {
    0x5cf5d3ed, 0x5812631a, 0xa2f79cd6, 0x14def9de, 0x00000000, 0x00000000, 0x00000000, 0x10000000
  };

  private ScalarModL() {}

  /** {@code x mod L} for a little-endian value of up to 64 bytes, as 32 little-endian bytes. */
  static byte[] reduce(byte[] x) {
    if (x.length > 2 * BYTES) {
      throw new IllegalArgumentException("at most 64 bytes, got " + x.length);
    }
    int[] acc = new int[LIMBS];
    for (int bit = 8 * x.length - 1; bit >= 0; bit--) {
      // acc < L < 2^253, so 2 acc + 1 < 2^254 still fits in eight limbs
      int in = (x[bit >>> 3] >>> (bit & 7)) & 1;
      shiftLeftOne(acc, in);
      subtractLIfNotBelow(acc);
    }
    return toBytes(acc);
  }

  /** {@code a * b mod L} for 32-byte little-endian values (not necessarily reduced). */
  static byte[] multiply(byte[] a, byte[] b) {
    return reduce(product(a, b, new byte[BYTES]));
  }

  /** {@code a * b + c mod L} for 32-byte little-endian values: the S of an Ed25519 signature. */
  static byte[] multiplyAdd(byte[] a, byte[] b, byte[] c) {
    return reduce(product(a, b, c));
  }

  /** The 64-byte value {@code a * b + c}; it fits because (2^256 - 1)^2 + 2^256 - 1 < 2^512. */
  private static byte[] product(byte[] a, byte[] b, byte[] c) {
    int[] x = fromBytes(a), y = fromBytes(b), z = fromBytes(c);
    long[] wide = new long[2 * LIMBS];
    for (int i = 0; i < LIMBS; i++) {
      wide[i] = z[i] & 0xFFFFFFFFL;
    }
    for (int i = 0; i < LIMBS; i++) {
      long carry = 0;
      long xi = x[i] & 0xFFFFFFFFL;
      for (int j = 0; j < LIMBS; j++) {
        // at most (2^32 - 1)^2 + 2 (2^32 - 1) = 2^64 - 1: unsigned, so split with >>> below
        long t = xi * (y[j] & 0xFFFFFFFFL);
        long lo = (t & 0xFFFFFFFFL) + wide[i + j] + carry;
        wide[i + j] = lo & 0xFFFFFFFFL;
        carry = (t >>> 32) + (lo >>> 32);
      }
      int k = i + LIMBS;
      wide[k] += carry; // the limb is still empty at this point (0), so no further carry
    }
    byte[] out = new byte[4 * wide.length];
    for (int i = 0; i < wide.length; i++) {
      putLimb(out, i, (int) wide[i]);
    }
    return out;
  }

  /** acc = 2 acc + bit. */
  private static void shiftLeftOne(int[] acc, int bit) {
    int carry = bit;
    for (int i = 0; i < LIMBS; i++) {
      int top = acc[i] >>> 31;
      acc[i] = (acc[i] << 1) | carry;
      carry = top;
    }
  }

  /** acc = acc - L when acc >= L, chosen by a mask rather than a branch. */
  private static void subtractLIfNotBelow(int[] acc) {
    int[] diff = new int[LIMBS];
    long borrow = 0;
    for (int i = 0; i < LIMBS; i++) {
      long d = (acc[i] & 0xFFFFFFFFL) - (L[i] & 0xFFFFFFFFL) - borrow;
      diff[i] = (int) d;
      borrow = (d >>> 63); // 1 when the limb went negative
    }
    int keep = (int) -borrow; // all ones when acc < L: keep acc
    for (int i = 0; i < LIMBS; i++) {
      acc[i] = (acc[i] & keep) | (diff[i] & ~keep);
    }
  }

  private static int[] fromBytes(byte[] b) {
    if (b.length != BYTES) {
      throw new IllegalArgumentException("a scalar is 32 bytes, got " + b.length);
    }
    int[] out = new int[LIMBS];
    for (int i = 0; i < LIMBS; i++) {
      out[i] = (b[4 * i] & 0xFF) | (b[4 * i + 1] & 0xFF) << 8 | (b[4 * i + 2] & 0xFF) << 16 | (b[4 * i + 3] & 0xFF) << 24;
    }
    return out;
  }

  private static byte[] toBytes(int[] limbs) {
    byte[] out = new byte[BYTES];
    for (int i = 0; i < LIMBS; i++) {
      putLimb(out, i, limbs[i]);
    }
    return out;
  }

  private static void putLimb(byte[] out, int i, int v) {
    out[4 * i] = (byte) v;
    out[4 * i + 1] = (byte) (v >>> 8);
    out[4 * i + 2] = (byte) (v >>> 16);
    out[4 * i + 3] = (byte) (v >>> 24);
  }
}
