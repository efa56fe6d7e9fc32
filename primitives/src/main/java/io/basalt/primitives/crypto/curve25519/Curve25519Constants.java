/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.curve25519;

import java.math.BigInteger;

/**
 * The constants of edwards25519 ({@code -x^2 + y^2 = 1 + d x^2 y^2}) and ristretto255 (RFC 9496
 * §4.1), derived at class initialisation from their definitions rather than transcribed, so a typo
 * cannot creep in; {@code Curve25519ConstantsTest} checks them against the published decimals.
 */
public final class Curve25519Constants {
  private static final BigInteger P = FieldElement.P;

  /** d = -121665/121666. */
  public static final FieldElement D;

  /** 2d, used by the extended-coordinates addition law. */
  public static final FieldElement D2;

  /** sqrt(-1) = 2^((p-1)/4). */
  public static final FieldElement SQRT_M1;

  /**
   * The square root of a*d - 1 (a = -1) that RFC 9496 fixes: the odd ("negative") one,
   * 25063068953384623474111414158702152701244531502492656460079210482610430750235.
   */
  public static final FieldElement SQRT_AD_MINUS_ONE;

  /** 1/sqrt(a - d), non-negative root. */
  public static final FieldElement INVSQRT_A_MINUS_D;

  /** 1 - d^2. */
  public static final FieldElement ONE_MINUS_D_SQ;

  /** (d - 1)^2. */
  public static final FieldElement D_MINUS_ONE_SQ;

  static {
    BigInteger d =
        BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    BigInteger sqrtM1 =
        BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P); // 2^((p-1)/4)
    D = FieldElement.fromBigInteger(d);
    D2 = FieldElement.fromBigInteger(d.shiftLeft(1));
    SQRT_M1 = FieldElement.fromBigInteger(sqrtM1);
    SQRT_AD_MINUS_ONE =
        FieldElement.fromBigInteger(P.subtract(sqrt(d.negate().subtract(BigInteger.ONE), sqrtM1)));
    INVSQRT_A_MINUS_D =
        FieldElement.fromBigInteger(sqrt(BigInteger.ONE.negate().subtract(d), sqrtM1).modInverse(P))
            .abs();
    ONE_MINUS_D_SQ = FieldElement.fromBigInteger(BigInteger.ONE.subtract(d.multiply(d)));
    D_MINUS_ONE_SQ = FieldElement.fromBigInteger(d.subtract(BigInteger.ONE).pow(2));
  }

  private Curve25519Constants() {}

  /** The non-negative (even) square root of a square modulo p (p = 5 mod 8). */
  private static BigInteger sqrt(BigInteger a, BigInteger sqrtM1) {
    BigInteger v = a.mod(P);
    BigInteger x = v.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
    if (!x.multiply(x).mod(P).equals(v)) {
      x = x.multiply(sqrtM1).mod(P);
    }
    if (!x.multiply(x).mod(P).equals(v)) {
      throw new IllegalStateException("not a square: a constant of the curve is wrong");
    }
    return x.testBit(0) ? P.subtract(x) : x;
  }
}
