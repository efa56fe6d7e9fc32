/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.curve25519;

import java.util.Optional;

/**
 * A point on edwards25519 in extended twisted Edwards coordinates (X:Y:Z:T) with x = X/Z, y = Y/Z,
 * xy = T/Z (Hisil–Wong–Carter–Dawson 2008), immutable.
 *
 * <p>{@link #multiply} is constant time (signed radix-16 windows with masked table lookups) and is
 * the only multiplication to use with secret scalars. {@link #vartimeDoubleScalarMultiplyBase} uses
 * width-5/width-8 NAFs and is for verification, where every input is public.
 */
public final class EdwardsPoint {
  public static final EdwardsPoint IDENTITY =
      new EdwardsPoint(FieldElement.ZERO, FieldElement.ONE, FieldElement.ONE, FieldElement.ZERO);

  /** The RFC 8032 base point B (y = 4/5, x even). */
  public static final EdwardsPoint BASEPOINT =
      decompressLenient(
              io.basalt.primitives.bytes.Hex.decode(
                  "5866666666666666666666666666666666666666666666666666666666666666"))
          .orElseThrow();

  /** Odd multiples B, 3B, 5B, ... 127B for the width-8 NAF of the base point scalar. */
  private static final Cached[] BASEPOINT_ODD_MULTIPLES = BASEPOINT.oddMultiples(64);

  final FieldElement x;
  final FieldElement y;
  final FieldElement z;
  final FieldElement t;

  EdwardsPoint(FieldElement x, FieldElement y, FieldElement z, FieldElement t) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.t = t;
  }

  /**
   * Decodes a compressed point with the ZIP-215 rules that ed25519-zebra (and so Substrate) uses: y
   * may be non-canonical (at least p, reduced), and x = 0 may carry either sign bit. Returns empty
   * if no x exists for the given y.
   */
  public static Optional<EdwardsPoint> decompressLenient(byte[] encoded) {
    if (encoded.length != 32) {
      return Optional.empty();
    }
    FieldElement y = FieldElement.decode(encoded);
    boolean sign = (encoded[31] & 0x80) != 0;
    FieldElement yy = y.square();
    FieldElement u = yy.subtract(FieldElement.ONE);
    FieldElement v = yy.multiply(Curve25519Constants.D).add(FieldElement.ONE);
    FieldElement.SqrtRatio root = FieldElement.sqrtRatioM1(u, v);
    if (!root.wasSquare()) {
      return Optional.empty();
    }
    FieldElement x = root.root().conditionalNegate(sign);
    return Optional.of(new EdwardsPoint(x, y, FieldElement.ONE, x.multiply(y)));
  }

  /** The RFC 8032 compressed encoding: canonical y with the sign of x in bit 255. */
  public byte[] compress() {
    FieldElement zInv = z.invert();
    FieldElement ax = x.multiply(zInv);
    byte[] out = y.multiply(zInv).encode();
    if (ax.isNegative()) {
      out[31] |= (byte) 0x80;
    }
    return out;
  }

  public EdwardsPoint add(EdwardsPoint other) {
    return add(other.toCached());
  }

  public EdwardsPoint subtract(EdwardsPoint other) {
    return subtract(other.toCached());
  }

  public EdwardsPoint negate() {
    return new EdwardsPoint(x.negate(), y, z, t.negate());
  }

  public EdwardsPoint twice() {
    FieldElement a = x.square();
    FieldElement b = y.square();
    FieldElement c = z.square().twice();
    FieldElement h = a.add(b);
    FieldElement e = h.subtract(x.add(y).square());
    FieldElement g = a.subtract(b);
    FieldElement f = c.add(g);
    return new EdwardsPoint(e.multiply(f), g.multiply(h), f.multiply(g), e.multiply(h));
  }

  /** [8]P: clears the small-order component. */
  public EdwardsPoint multiplyByCofactor() {
    return twice().twice().twice();
  }

  public boolean isIdentity() {
    return x.isZero() && y.ctEquals(z);
  }

  /** Projective equality of the points (not of their coordinates). */
  // Both comparisons always run: no branch on secret-derived values.
  @SuppressWarnings("ShortCircuitBoolean")
  public boolean ctEquals(EdwardsPoint other) {
    return x.multiply(other.z).ctEquals(other.x.multiply(z))
        & y.multiply(other.z).ctEquals(other.y.multiply(z));
  }

  /** [k]P in constant time: signed radix-16 digits, masked lookups in a table of [1..8]P. */
  public EdwardsPoint multiply(Scalar k) {
    Cached[] table = new Cached[8];
    EdwardsPoint p = this;
    table[0] = toCached();
    for (int i = 1; i < 8; i++) {
      p = p.add(table[0]);
      table[i] = p.toCached();
    }
    byte[] digits = k.toRadix16();
    EdwardsPoint q = IDENTITY;
    for (int i = 63; i >= 0; i--) {
      q = q.twice().twice().twice().twice();
      q = q.add(select(table, digits[i]));
    }
    return q;
  }

  /** [k]B in constant time. */
  public static EdwardsPoint multiplyBase(Scalar k) {
    return BASEPOINT.multiply(k);
  }

  /** [a]A + [b]B for public scalars (signature verification). Variable time: never pass secrets. */
  public static EdwardsPoint vartimeDoubleScalarMultiplyBase(
      Scalar a, EdwardsPoint aPoint, Scalar b) {
    byte[] nafA = a.nonAdjacentForm(5);
    byte[] nafB = b.nonAdjacentForm(8);
    Cached[] tableA = aPoint.oddMultiples(8);
    int i = 255;
    while (i >= 0 && nafA[i] == 0 && nafB[i] == 0) {
      i--;
    }
    EdwardsPoint r = IDENTITY;
    for (; i >= 0; i--) {
      r = r.twice();
      if (nafA[i] > 0) {
        r = r.add(tableA[nafA[i] / 2]);
      } else if (nafA[i] < 0) {
        r = r.subtract(tableA[-nafA[i] / 2]);
      }
      if (nafB[i] > 0) {
        r = r.add(BASEPOINT_ODD_MULTIPLES[nafB[i] / 2]);
      } else if (nafB[i] < 0) {
        r = r.subtract(BASEPOINT_ODD_MULTIPLES[-nafB[i] / 2]);
      }
    }
    return r;
  }

  /**
   * Variable-time [a]A + [b]B' for two arbitrary public points (VRF verification), width-5 NAFs.
   */
  public static EdwardsPoint vartimeDoubleScalarMultiply(
      Scalar a, EdwardsPoint aPoint, Scalar b, EdwardsPoint bPoint) {
    byte[] nafA = a.nonAdjacentForm(5);
    byte[] nafB = b.nonAdjacentForm(5);
    Cached[] tableA = aPoint.oddMultiples(8);
    Cached[] tableB = bPoint.oddMultiples(8);
    EdwardsPoint r = IDENTITY;
    for (int i = 255; i >= 0; i--) {
      r = r.twice();
      if (nafA[i] > 0) {
        r = r.add(tableA[nafA[i] / 2]);
      } else if (nafA[i] < 0) {
        r = r.subtract(tableA[-nafA[i] / 2]);
      }
      if (nafB[i] > 0) {
        r = r.add(tableB[nafB[i] / 2]);
      } else if (nafB[i] < 0) {
        r = r.subtract(tableB[-nafB[i] / 2]);
      }
    }
    return r;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EdwardsPoint other && ctEquals(other);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(compress());
  }

  @Override
  public String toString() {
    return "EdwardsPoint(" + io.basalt.primitives.bytes.Hex.encode(compress()) + ")";
  }

  // ---------------------------------------------------------------------------------------------

  /** (Y+X, Y-X, 2Z, 2dT): the form the other operand of an addition is kept in. */
  record Cached(FieldElement yPlusX, FieldElement yMinusX, FieldElement z2, FieldElement t2d) {
    Cached negate() {
      // -P swaps Y+X and Y-X and negates T.
      return new Cached(/* yPlusX= */ yMinusX, /* yMinusX= */ yPlusX, z2, t2d.negate());
    }

    Cached select(Cached other, boolean condition) {
      return new Cached(
          yPlusX.select(other.yPlusX, condition),
          yMinusX.select(other.yMinusX, condition),
          z2.select(other.z2, condition),
          t2d.select(other.t2d, condition));
    }
  }

  Cached toCached() {
    return new Cached(y.add(x), y.subtract(x), z.twice(), t.multiply(Curve25519Constants.D2));
  }

  EdwardsPoint add(Cached q) {
    FieldElement a = y.subtract(x).multiply(q.yMinusX());
    FieldElement b = y.add(x).multiply(q.yPlusX());
    FieldElement c = t.multiply(q.t2d());
    FieldElement d = z.multiply(q.z2());
    return finish(a, b, c, d);
  }

  EdwardsPoint subtract(Cached q) {
    FieldElement a = y.subtract(x).multiply(q.yPlusX());
    FieldElement b = y.add(x).multiply(q.yMinusX());
    FieldElement c = t.multiply(q.t2d()).negate();
    FieldElement d = z.multiply(q.z2());
    return finish(a, b, c, d);
  }

  private static EdwardsPoint finish(
      FieldElement a, FieldElement b, FieldElement c, FieldElement d) {
    FieldElement e = b.subtract(a);
    FieldElement f = d.subtract(c);
    FieldElement g = d.add(c);
    FieldElement h = b.add(a);
    return new EdwardsPoint(e.multiply(f), g.multiply(h), f.multiply(g), e.multiply(h));
  }

  /** [1]P, [3]P, ... [2n-1]P in cached form. */
  private Cached[] oddMultiples(int n) {
    Cached[] table = new Cached[n];
    Cached twice = twice().toCached();
    EdwardsPoint p = this;
    table[0] = toCached();
    for (int i = 1; i < n; i++) {
      p = p.add(twice);
      table[i] = p.toCached();
    }
    return table;
  }

  /** table[|digit| - 1] negated if digit < 0, or the identity for 0, scanning every entry. */
  private static Cached select(Cached[] table, byte digit) {
    int negative = (digit >> 7) & 1;
    int magnitude = digit - ((-negative & digit) << 1);
    Cached r = IDENTITY.toCached();
    for (int i = 0; i < 8; i++) {
      r = r.select(table[i], ((magnitude ^ (i + 1)) - 1) >>> 31 == 1);
    }
    return r.select(r.negate(), negative == 1);
  }
}
