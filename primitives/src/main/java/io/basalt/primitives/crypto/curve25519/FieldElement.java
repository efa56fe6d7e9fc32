/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.curve25519;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * An element of GF(2^255 - 19), immutable, backed by BouncyCastle's constant-time {@link
 * X25519Field} limb arithmetic (ten signed 25/26-bit limbs).
 *
 * <p>Every operation returns a new element. Sums and differences are carried immediately so that
 * any result is a valid input to {@link #multiply}. Comparisons and encodings normalise a copy
 * first. All methods except {@link #toBigInteger} run in time independent of the values.
 */
public final class FieldElement {
  /** The field prime 2^255 - 19. */
  public static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  public static final FieldElement ZERO = new FieldElement(X25519Field.create());
  public static final FieldElement ONE = fromLong(1);
  public static final FieldElement MINUS_ONE = ONE.negate();

  private final int[] limbs;

  private FieldElement(int[] limbs) {
    this.limbs = limbs;
  }

  /** A small non-negative constant. */
  public static FieldElement fromLong(long value) {
    return fromBigInteger(BigInteger.valueOf(value));
  }

  /** Reduces any integer modulo p. */
  public static FieldElement fromBigInteger(BigInteger value) {
    byte[] be = value.mod(P).toByteArray();
    byte[] le = new byte[32];
    for (int i = 0; i < be.length && i < 32; i++) {
      le[i] = be[be.length - 1 - i];
    }
    return decode(le);
  }

  /**
   * Decodes 32 little-endian bytes, ignoring bit 255. Values in {@code [p, 2^255)} are accepted and
   * reduced; callers that need canonical encodings compare {@link #encode()} with the input.
   */
  public static FieldElement decode(byte[] bytes) {
    return decode(bytes, 0);
  }

  /** Decodes the 32 bytes at {@code offset}; see {@link #decode(byte[])}. */
  public static FieldElement decode(byte[] bytes, int offset) {
    int[] z = X25519Field.create();
    X25519Field.decode(bytes, offset, z);
    return new FieldElement(z);
  }

  /** The canonical 32-byte little-endian encoding (value in {@code [0, p)}, bit 255 clear). */
  public byte[] encode() {
    int[] z = limbs.clone();
    X25519Field.normalize(z);
    byte[] out = new byte[32];
    X25519Field.encode(z, out, 0);
    return out;
  }

  /** The value as an integer in {@code [0, p)}; variable time, for tests and constants only. */
  public BigInteger toBigInteger() {
    byte[] le = encode();
    byte[] be = new byte[33];
    for (int i = 0; i < 32; i++) {
      be[32 - i] = le[i];
    }
    return new BigInteger(be);
  }

  public FieldElement add(FieldElement other) {
    int[] z = X25519Field.create();
    X25519Field.add(limbs, other.limbs, z);
    X25519Field.carry(z);
    return new FieldElement(z);
  }

  public FieldElement subtract(FieldElement other) {
    int[] z = X25519Field.create();
    X25519Field.sub(limbs, other.limbs, z);
    X25519Field.carry(z);
    return new FieldElement(z);
  }

  public FieldElement multiply(FieldElement other) {
    int[] z = X25519Field.create();
    X25519Field.mul(limbs, other.limbs, z);
    return new FieldElement(z);
  }

  public FieldElement square() {
    int[] z = X25519Field.create();
    X25519Field.sqr(limbs, z);
    return new FieldElement(z);
  }

  /** {@code this^(2^n)}. */
  public FieldElement squareTimes(int n) {
    int[] z = X25519Field.create();
    X25519Field.sqr(limbs, n, z);
    return new FieldElement(z);
  }

  /** {@code 2 * this}. */
  public FieldElement twice() {
    return add(this);
  }

  public FieldElement negate() {
    int[] z = X25519Field.create();
    X25519Field.negate(limbs, z);
    X25519Field.carry(z);
    return new FieldElement(z);
  }

  /** The multiplicative inverse ({@code this^(p-2)}); the inverse of zero is zero. */
  public FieldElement invert() {
    int[] z = X25519Field.create();
    X25519Field.inv(limbs, z);
    return new FieldElement(z);
  }

  /** {@code this^((p-5)/8) = this^(2^252 - 3)}, the core of square roots modulo p. */
  public FieldElement pow22523() {
    FieldElement x2 = square().multiply(this); // 2^2 - 1
    FieldElement x3 = x2.square().multiply(this); // 2^3 - 1
    FieldElement x5 = x3.squareTimes(2).multiply(x2); // 2^5 - 1
    FieldElement x10 = x5.squareTimes(5).multiply(x5);
    FieldElement x20 = x10.squareTimes(10).multiply(x10);
    FieldElement x40 = x20.squareTimes(20).multiply(x20);
    FieldElement x50 = x40.squareTimes(10).multiply(x10);
    FieldElement x100 = x50.squareTimes(50).multiply(x50);
    FieldElement x200 = x100.squareTimes(100).multiply(x100);
    FieldElement x250 = x200.squareTimes(50).multiply(x50); // 2^250 - 1
    return x250.squareTimes(2).multiply(this); // 2^252 - 3
  }

  /** True iff the canonical encoding is odd: RFC 9496's IS_NEGATIVE. */
  public boolean isNegative() {
    return (encode()[0] & 1) == 1;
  }

  public boolean isZero() {
    int[] z = limbs.clone();
    X25519Field.normalize(z);
    return X25519Field.isZero(z) != 0;
  }

  /** Constant-time equality of the represented values. */
  public boolean ctEquals(FieldElement other) {
    return java.security.MessageDigest.isEqual(encode(), other.encode());
  }

  /** {@code condition ? other : this}, without branching on the condition. */
  public FieldElement select(FieldElement other, boolean condition) {
    int[] z = limbs.clone();
    X25519Field.cmov(condition ? -1 : 0, other.limbs, 0, z, 0);
    return new FieldElement(z);
  }

  /** {@code condition ? -this : this}. */
  public FieldElement conditionalNegate(boolean condition) {
    return select(negate(), condition);
  }

  /** The non-negative one of {@code ±this}: RFC 9496's CT_ABS. */
  public FieldElement abs() {
    return conditionalNegate(isNegative());
  }

  /**
   * RFC 9496 SQRT_RATIO_M1: if {@code u/v} is a square, returns {@code (true, +sqrt(u/v))}; else
   * {@code (false, +sqrt(i*u/v))} where i is {@link Curve25519Constants#SQRT_M1}. The root returned
   * is always non-negative.
   */
  // Both comparisons always run: no branch on secret-derived values.
  @SuppressWarnings("ShortCircuitBoolean")
  public static SqrtRatio sqrtRatioM1(FieldElement u, FieldElement v) {
    FieldElement v3 = v.square().multiply(v);
    FieldElement v7 = v3.square().multiply(v);
    FieldElement r = u.multiply(v3).multiply(u.multiply(v7).pow22523());
    FieldElement check = v.multiply(r.square());
    FieldElement uNeg = u.negate();
    boolean correctSign = check.ctEquals(u);
    boolean flippedSign = check.ctEquals(uNeg);
    boolean flippedSignI = check.ctEquals(uNeg.multiply(Curve25519Constants.SQRT_M1));
    FieldElement rPrime = r.multiply(Curve25519Constants.SQRT_M1);
    r = r.select(rPrime, flippedSign | flippedSignI);
    return new SqrtRatio(correctSign | flippedSign, r.abs());
  }

  /** The outcome of {@link #sqrtRatioM1}. */
  public record SqrtRatio(boolean wasSquare, FieldElement root) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldElement other && Arrays.equals(encode(), other.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "FieldElement(" + toBigInteger() + ")";
  }
}
