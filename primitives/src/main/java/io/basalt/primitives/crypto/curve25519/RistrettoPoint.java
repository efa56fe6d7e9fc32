/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.curve25519;

import static io.basalt.primitives.crypto.curve25519.Curve25519Constants.D;
import static io.basalt.primitives.crypto.curve25519.Curve25519Constants.D_MINUS_ONE_SQ;
import static io.basalt.primitives.crypto.curve25519.Curve25519Constants.INVSQRT_A_MINUS_D;
import static io.basalt.primitives.crypto.curve25519.Curve25519Constants.ONE_MINUS_D_SQ;
import static io.basalt.primitives.crypto.curve25519.Curve25519Constants.SQRT_AD_MINUS_ONE;
import static io.basalt.primitives.crypto.curve25519.Curve25519Constants.SQRT_M1;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * An element of ristretto255 (RFC 9496): the prime-order group built on edwards25519 that sr25519
 * (schnorrkel) signs in. Each element is a coset of the 8-torsion, represented by any Edwards point
 * in it; equality, encoding and decoding follow RFC 9496 §4.3 exactly.
 */
public final class RistrettoPoint {
  public static final RistrettoPoint IDENTITY = new RistrettoPoint(EdwardsPoint.IDENTITY);

  /** The generator, the image of the Ed25519 base point. */
  public static final RistrettoPoint BASEPOINT = new RistrettoPoint(EdwardsPoint.BASEPOINT);

  private final EdwardsPoint point;

  private RistrettoPoint(EdwardsPoint point) {
    this.point = point;
  }

  /**
   * Decodes a 32-byte encoding, or empty if it is not the canonical encoding of a group element
   * (non-canonical or negative field element, non-square, negative xy, or y = 0).
   */
  public static Optional<RistrettoPoint> decompress(byte[] encoded) {
    if (encoded.length != 32) {
      return Optional.empty();
    }
    FieldElement s = FieldElement.decode(encoded);
    if (!MessageDigest.isEqual(s.encode(), encoded) || s.isNegative()) {
      return Optional.empty();
    }
    FieldElement ss = s.square();
    FieldElement u1 = FieldElement.ONE.subtract(ss);
    FieldElement u2 = FieldElement.ONE.add(ss);
    FieldElement u2Sqr = u2.square();
    FieldElement v = D.multiply(u1.square()).negate().subtract(u2Sqr);
    FieldElement.SqrtRatio inv = FieldElement.sqrtRatioM1(FieldElement.ONE, v.multiply(u2Sqr));
    FieldElement denX = inv.root().multiply(u2);
    FieldElement denY = inv.root().multiply(denX).multiply(v);
    FieldElement x = s.twice().multiply(denX).abs();
    FieldElement y = u1.multiply(denY);
    FieldElement t = x.multiply(y);
    if (!inv.wasSquare() || t.isNegative() || y.isZero()) {
      return Optional.empty();
    }
    return Optional.of(new RistrettoPoint(new EdwardsPoint(x, y, FieldElement.ONE, t)));
  }

  /** The canonical 32-byte encoding. */
  public byte[] compress() {
    FieldElement x0 = point.x;
    FieldElement y0 = point.y;
    FieldElement z0 = point.z;
    FieldElement t0 = point.t;
    FieldElement u1 = z0.add(y0).multiply(z0.subtract(y0));
    FieldElement u2 = x0.multiply(y0);
    FieldElement invsqrt =
        FieldElement.sqrtRatioM1(FieldElement.ONE, u1.multiply(u2.square())).root();
    FieldElement den1 = invsqrt.multiply(u1);
    FieldElement den2 = invsqrt.multiply(u2);
    FieldElement zInv = den1.multiply(den2).multiply(t0);
    FieldElement ix0 = x0.multiply(SQRT_M1);
    FieldElement iy0 = y0.multiply(SQRT_M1);
    FieldElement enchantedDenominator = den1.multiply(INVSQRT_A_MINUS_D);
    boolean rotate = t0.multiply(zInv).isNegative();
    FieldElement x = x0.select(iy0, rotate);
    FieldElement y = y0.select(ix0, rotate);
    FieldElement denInv = den2.select(enchantedDenominator, rotate);
    y = y.conditionalNegate(x.multiply(zInv).isNegative());
    return denInv.multiply(z0.subtract(y)).abs().encode();
  }

  /**
   * Hashes 64 uniformly random bytes to a group element (RFC 9496 §4.3.4): each half, with its top
   * bit cleared, goes through the Elligator map and the two images are added.
   */
  public static RistrettoPoint fromUniformBytes(byte[] bytes) {
    if (bytes.length != 64) {
      throw new IllegalArgumentException("from_uniform_bytes takes 64 bytes, got " + bytes.length);
    }
    EdwardsPoint p1 = elligator(FieldElement.decode(bytes, 0));
    EdwardsPoint p2 = elligator(FieldElement.decode(bytes, 32));
    return new RistrettoPoint(p1.add(p2));
  }

  private static EdwardsPoint elligator(FieldElement t) {
    FieldElement r = SQRT_M1.multiply(t.square());
    FieldElement u = r.add(FieldElement.ONE).multiply(ONE_MINUS_D_SQ);
    FieldElement v = FieldElement.MINUS_ONE.subtract(r.multiply(D)).multiply(r.add(D));
    FieldElement.SqrtRatio sqrt = FieldElement.sqrtRatioM1(u, v);
    boolean wasSquare = sqrt.wasSquare();
    FieldElement sPrime = sqrt.root().multiply(t).abs().negate();
    FieldElement s = sPrime.select(sqrt.root(), wasSquare);
    FieldElement c = r.select(FieldElement.MINUS_ONE, wasSquare);
    FieldElement n = c.multiply(r.subtract(FieldElement.ONE)).multiply(D_MINUS_ONE_SQ).subtract(v);
    FieldElement w0 = s.twice().multiply(v);
    FieldElement w1 = n.multiply(SQRT_AD_MINUS_ONE);
    FieldElement ss = s.square();
    FieldElement w2 = FieldElement.ONE.subtract(ss);
    FieldElement w3 = FieldElement.ONE.add(ss);
    return new EdwardsPoint(w0.multiply(w3), w2.multiply(w1), w1.multiply(w3), w0.multiply(w2));
  }

  public RistrettoPoint add(RistrettoPoint other) {
    return new RistrettoPoint(point.add(other.point));
  }

  public RistrettoPoint subtract(RistrettoPoint other) {
    return new RistrettoPoint(point.subtract(other.point));
  }

  public RistrettoPoint negate() {
    return new RistrettoPoint(point.negate());
  }

  /** [k]P in constant time. */
  public RistrettoPoint multiply(Scalar k) {
    return new RistrettoPoint(point.multiply(k));
  }

  /** [k]G in constant time. */
  public static RistrettoPoint multiplyBase(Scalar k) {
    return new RistrettoPoint(EdwardsPoint.multiplyBase(k));
  }

  /** [a]A + [b]G, variable time: public inputs only. */
  public static RistrettoPoint vartimeDoubleScalarMultiplyBase(
      Scalar a, RistrettoPoint aPoint, Scalar b) {
    return new RistrettoPoint(EdwardsPoint.vartimeDoubleScalarMultiplyBase(a, aPoint.point, b));
  }

  /** [a]A + [b]B', variable time: public inputs only. */
  public static RistrettoPoint vartimeDoubleScalarMultiply(
      Scalar a, RistrettoPoint aPoint, Scalar b, RistrettoPoint bPoint) {
    return new RistrettoPoint(
        EdwardsPoint.vartimeDoubleScalarMultiply(a, aPoint.point, b, bPoint.point));
  }

  public boolean isIdentity() {
    return ctEquals(IDENTITY);
  }

  /** Group equality: X1*Y2 == Y1*X2 or Y1*Y2 == X1*X2 (RFC 9496 §4.3.3). */
  // Both comparisons always run: no branch on secret-derived values.
  @SuppressWarnings("ShortCircuitBoolean")
  public boolean ctEquals(RistrettoPoint other) {
    EdwardsPoint p = point;
    EdwardsPoint q = other.point;
    return p.x.multiply(q.y).ctEquals(p.y.multiply(q.x))
        | p.y.multiply(q.y).ctEquals(p.x.multiply(q.x));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RistrettoPoint other && ctEquals(other);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(compress());
  }

  @Override
  public String toString() {
    return "RistrettoPoint(" + io.basalt.primitives.bytes.Hex.encode(compress()) + ")";
  }
}
