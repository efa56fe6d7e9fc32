/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.curve25519;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * An integer modulo the group order l = 2^252 + 27742317777372353535851937790883648493, immutable
 * and always fully reduced.
 *
 * <p>Arithmetic uses eight 32-bit limbs and Montgomery multiplication (R = 2^256) with fixed loop
 * counts and masked final subtractions, so it runs in time independent of the values: secret keys
 * and nonces go through here. Only {@link #nonAdjacentForm} and {@link #toBigInteger} are
 * variable-time, and they are used on public values only.
 */
public final class Scalar {
  /** The group order l. */
  public static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private static final int LIMBS = 8;
  private static final long MASK32 = 0xffffffffL;
  private static final long[] N = limbsOf(L);

  /** -l^-1 mod 2^32. */
  private static final long N_PRIME =
      BigInteger.ONE.shiftLeft(32).subtract(L.modInverse(BigInteger.ONE.shiftLeft(32))).longValue();

  /** R^2 mod l, R = 2^256. */
  private static final long[] R2 = limbsOf(BigInteger.ONE.shiftLeft(512).mod(L));

  public static final Scalar ZERO = new Scalar(new long[LIMBS]);
  public static final Scalar ONE = fromLong(1);

  /** Little-endian unsigned 32-bit limbs of a value in [0, l). */
  private final long[] limbs;

  private Scalar(long[] limbs) {
    this.limbs = limbs;
  }

  public static Scalar fromLong(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative scalar literal " + value);
    }
    long[] z = new long[LIMBS];
    z[0] = value & MASK32;
    z[1] = value >>> 32;
    return new Scalar(z);
  }

  /** Reduces 32 little-endian bytes (any 256-bit value) modulo l. */
  public static Scalar fromBytesModOrder(byte[] bytes) {
    requireLength(bytes, 32);
    return new Scalar(reduce256(load(bytes, 0)));
  }

  /** Reduces 64 little-endian bytes (a 512-bit value, e.g. a hash) modulo l. */
  public static Scalar fromBytesModOrderWide(byte[] bytes) {
    requireLength(bytes, 64);
    long[] lo = reduce256(load(bytes, 0));
    long[] hi = montMul(load(bytes, 32), R2); // hi * 2^256 mod l
    return new Scalar(addMod(lo, hi));
  }

  /** Accepts 32 bytes only if they encode a value below l (the canonical encoding). */
  public static Optional<Scalar> fromCanonicalBytes(byte[] bytes) {
    if (bytes.length != 32) {
      return Optional.empty();
    }
    long[] z = load(bytes, 0);
    return subtractBorrow(z, N) != 0 ? Optional.of(new Scalar(z)) : Optional.empty();
  }

  /** Variable-time conversion from an integer, reduced modulo l; for tests and constants. */
  public static Scalar fromBigInteger(BigInteger value) {
    return new Scalar(limbsOf(value.mod(L)));
  }

  public Scalar add(Scalar other) {
    return new Scalar(addMod(limbs, other.limbs));
  }

  public Scalar subtract(Scalar other) {
    long[] z = new long[LIMBS];
    long borrow = 0;
    for (int i = 0; i < LIMBS; i++) {
      long d = limbs[i] - other.limbs[i] - borrow;
      z[i] = d & MASK32;
      borrow = (d >>> 63);
    }
    // If we borrowed, add l back: mask is all ones iff borrow == 1.
    long mask = -borrow & MASK32;
    long carry = 0;
    for (int i = 0; i < LIMBS; i++) {
      long s = z[i] + (N[i] & mask) + carry;
      z[i] = s & MASK32;
      carry = s >>> 32;
    }
    return new Scalar(z);
  }

  public Scalar negate() {
    return ZERO.subtract(this);
  }

  public Scalar multiply(Scalar other) {
    return new Scalar(montMul(montMul(limbs, other.limbs), R2));
  }

  /** {@code this * a + b}. */
  public Scalar multiplyAdd(Scalar a, Scalar b) {
    return multiply(a).add(b);
  }

  /** The canonical 32-byte little-endian encoding. */
  public byte[] toBytes() {
    byte[] out = new byte[32];
    for (int i = 0; i < LIMBS; i++) {
      long v = limbs[i];
      out[4 * i] = (byte) v;
      out[4 * i + 1] = (byte) (v >>> 8);
      out[4 * i + 2] = (byte) (v >>> 16);
      out[4 * i + 3] = (byte) (v >>> 24);
    }
    return out;
  }

  public BigInteger toBigInteger() {
    byte[] le = toBytes();
    byte[] be = new byte[33];
    for (int i = 0; i < 32; i++) {
      be[32 - i] = le[i];
    }
    return new BigInteger(be);
  }

  public boolean isZero() {
    long acc = 0;
    for (long limb : limbs) {
      acc |= limb;
    }
    return acc == 0;
  }

  /**
   * The signed radix-16 digits of this scalar, 64 of them in [-8, 8], least significant first, so
   * that {@code sum(d[i] * 16^i)} equals the scalar. Constant time (used for secret scalars).
   */
  byte[] toRadix16() {
    byte[] bytes = toBytes();
    byte[] digits = new byte[64];
    for (int i = 0; i < 32; i++) {
      digits[2 * i] = (byte) (bytes[i] & 15);
      digits[2 * i + 1] = (byte) ((bytes[i] >>> 4) & 15);
    }
    int carry = 0;
    for (int i = 0; i < 63; i++) {
      int d = digits[i] + carry;
      carry = (d + 8) >> 4;
      digits[i] = (byte) (d - (carry << 4));
    }
    digits[63] = (byte) (digits[63] + carry);
    return digits;
  }

  /**
   * The width-{@code w} non-adjacent form: 256 signed digits, each zero or odd with absolute value
   * below 2^(w-1), least significant first. Variable time: for public scalars only.
   */
  byte[] nonAdjacentForm(int width) {
    byte[] bytes = toBytes();
    long[] words = new long[5];
    for (int i = 0; i < 32; i++) {
      words[i / 8] |= (bytes[i] & 0xffL) << (8 * (i % 8));
    }
    byte[] naf = new byte[256];
    int windowSize = 1 << width;
    long windowMask = windowSize - 1L;
    int carry = 0;
    int pos = 0;
    while (pos < 256) {
      int index = pos / 64;
      int bit = pos % 64;
      long buffer =
          bit < 64 - width
              ? words[index] >>> bit
              : (words[index] >>> bit) | (words[index + 1] << (64 - bit));
      int window = carry + (int) (buffer & windowMask);
      if ((window & 1) == 0) {
        pos++;
        continue;
      }
      if (window < windowSize / 2) {
        carry = 0;
        naf[pos] = (byte) window;
      } else {
        carry = 1;
        naf[pos] = (byte) (window - windowSize);
      }
      pos += width;
    }
    return naf;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scalar other && MessageDigest.isEqual(toBytes(), other.toBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(limbs);
  }

  /** Scalars are often secrets: the string form never shows the value. */
  @Override
  public String toString() {
    return "Scalar(<redacted>)";
  }

  // ---------------------------------------------------------------------------------------------

  private static void requireLength(byte[] bytes, int length) {
    if (bytes.length != length) {
      throw new IllegalArgumentException(
          "a scalar encoding is " + length + " bytes, got " + bytes.length);
    }
  }

  private static long[] load(byte[] bytes, int offset) {
    long[] z = new long[LIMBS];
    for (int i = 0; i < LIMBS; i++) {
      int o = offset + 4 * i;
      z[i] =
          (bytes[o] & 0xffL)
              | (bytes[o + 1] & 0xffL) << 8
              | (bytes[o + 2] & 0xffL) << 16
              | (bytes[o + 3] & 0xffL) << 24;
    }
    return z;
  }

  private static long[] limbsOf(BigInteger value) {
    long[] z = new long[LIMBS];
    for (int i = 0; i < LIMBS; i++) {
      z[i] = value.shiftRight(32 * i).longValue() & MASK32;
    }
    return z;
  }

  /** Any 256-bit value reduced modulo l: (x * R^2 / R) / R = x. */
  private static long[] reduce256(long[] x) {
    long[] one = new long[LIMBS];
    one[0] = 1;
    return montMul(montMul(x, R2), one);
  }

  /**
   * Montgomery product {@code a * b / 2^256 mod l} for any 256-bit {@code a} and {@code b < l} (the
   * intermediate stays below 2l, so one masked subtraction reduces it fully).
   */
  private static long[] montMul(long[] a, long[] b) {
    long[] t = new long[LIMBS + 2];
    for (int i = 0; i < LIMBS; i++) {
      long carry = 0;
      long bi = b[i];
      for (int j = 0; j < LIMBS; j++) {
        long s = t[j] + a[j] * bi + carry; // < 2^64 as an unsigned value
        t[j] = s & MASK32;
        carry = s >>> 32;
      }
      long s = t[LIMBS] + carry;
      t[LIMBS] = s & MASK32;
      t[LIMBS + 1] = s >>> 32;

      long m = (t[0] * N_PRIME) & MASK32;
      s = t[0] + m * N[0];
      carry = s >>> 32;
      for (int j = 1; j < LIMBS; j++) {
        s = t[j] + m * N[j] + carry;
        t[j - 1] = s & MASK32;
        carry = s >>> 32;
      }
      s = t[LIMBS] + carry;
      t[LIMBS - 1] = s & MASK32;
      t[LIMBS] = t[LIMBS + 1] + (s >>> 32);
    }
    long[] z = Arrays.copyOf(t, LIMBS);
    conditionalSubtractN(z, t[LIMBS]);
    return z;
  }

  private static long[] addMod(long[] a, long[] b) {
    long[] z = new long[LIMBS];
    long carry = 0;
    for (int i = 0; i < LIMBS; i++) {
      long s = a[i] + b[i] + carry;
      z[i] = s & MASK32;
      carry = s >>> 32;
    }
    conditionalSubtractN(z, carry);
    return z;
  }

  /**
   * Replaces the value {@code high * 2^256 + z} (known to be below 2l) by itself minus l if needed.
   */
  private static void conditionalSubtractN(long[] z, long high) {
    long[] d = new long[LIMBS];
    long borrow = 0;
    for (int i = 0; i < LIMBS; i++) {
      long v = z[i] - N[i] - borrow;
      d[i] = v & MASK32;
      borrow = v >>> 63;
    }
    // Keep z iff (high == 0 and z < l), i.e. the subtraction borrowed and there is no high word.
    long keep = -(borrow & (1 - high)); // all ones to keep z
    for (int i = 0; i < LIMBS; i++) {
      z[i] = (z[i] & keep) | (d[i] & ~keep);
    }
  }

  /** 1 if {@code a < b} (the subtraction a - b borrows), else 0. */
  private static long subtractBorrow(long[] a, long[] b) {
    long borrow = 0;
    for (int i = 0; i < LIMBS; i++) {
      long v = a[i] - b[i] - borrow;
      borrow = v >>> 63;
    }
    return borrow;
  }
}
