/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.curve25519;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.testsupport.RandomCases;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FieldElementTest {
  private static final BigInteger P = FieldElement.P;

  private static final List<BigInteger> EDGES =
      List.of(
          BigInteger.ZERO,
          BigInteger.ONE,
          P.subtract(BigInteger.ONE),
          P.subtract(BigInteger.TWO),
          BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(20)));

  /** A field element: an edge value one time in five, otherwise uniform in [0, p). */
  static BigInteger element(SplittableRandom r) {
    if (r.nextInt(5) == 0) {
      return EDGES.get(r.nextInt(EDGES.size()));
    }
    return new BigInteger(256, new Random(r.nextLong())).mod(P);
  }

  @Test
  void arithmeticAgreesWithBigInteger() {
    RandomCases.forAll(
        300,
        r -> new BigInteger[] {element(r), element(r)},
        pair -> arithmeticAgrees(pair[0], pair[1]));
  }

  private static void arithmeticAgrees(BigInteger a, BigInteger b) {
    FieldElement fa = FieldElement.fromBigInteger(a);
    FieldElement fb = FieldElement.fromBigInteger(b);
    assertThat(fa.add(fb).toBigInteger()).isEqualTo(a.add(b).mod(P));
    assertThat(fa.subtract(fb).toBigInteger()).isEqualTo(a.subtract(b).mod(P));
    assertThat(fa.multiply(fb).toBigInteger()).isEqualTo(a.multiply(b).mod(P));
    assertThat(fa.square().toBigInteger()).isEqualTo(a.multiply(a).mod(P));
    assertThat(fa.negate().toBigInteger()).isEqualTo(a.negate().mod(P));
    assertThat(fa.invert().toBigInteger())
        .isEqualTo(a.signum() == 0 ? BigInteger.ZERO : a.modInverse(P));
    assertThat(fa.pow22523().toBigInteger())
        .isEqualTo(a.modPow(BigInteger.ONE.shiftLeft(252).subtract(BigInteger.valueOf(3)), P));
  }

  @Test
  void longChainsOfSumsStayWithinLimbBounds() {
    RandomCases.forAll(200, FieldElementTest::element, FieldElementTest::sumChainAgrees);
  }

  private static void sumChainAgrees(BigInteger a) {
    FieldElement f = FieldElement.fromBigInteger(a);
    BigInteger expected = a;
    for (int i = 0; i < 50; i++) {
      f = f.add(f).subtract(FieldElement.ONE).negate();
      expected = expected.add(expected).subtract(BigInteger.ONE).negate().mod(P);
    }
    assertThat(f.multiply(f).toBigInteger()).isEqualTo(expected.multiply(expected).mod(P));
  }

  @Test
  void nonCanonicalEncodingsAreReducedAndReencodedCanonically() {
    byte[] p = new byte[32];
    p[0] = (byte) 0xed;
    for (int i = 1; i < 31; i++) {
      p[i] = (byte) 0xff;
    }
    p[31] = 0x7f;
    assertThat(FieldElement.decode(p).isZero()).isTrue();
    assertThat(FieldElement.decode(p).encode()).isEqualTo(new byte[32]);
  }

  @Test
  void decodeIgnoresTheTopBit() {
    byte[] one = new byte[32];
    one[0] = 1;
    one[31] = (byte) 0x80;
    assertThat(FieldElement.decode(one)).isEqualTo(FieldElement.ONE);
  }

  @Test
  void sqrtRatioFindsRootsAndFlagsNonSquares() {
    FieldElement four = FieldElement.fromLong(4);
    FieldElement.SqrtRatio r = FieldElement.sqrtRatioM1(four, FieldElement.ONE);
    assertThat(r.wasSquare()).isTrue();
    assertThat(r.root()).isEqualTo(FieldElement.fromLong(2));
    // 2 is not a square modulo p (p = 5 mod 8).
    FieldElement.SqrtRatio n = FieldElement.sqrtRatioM1(FieldElement.fromLong(2), FieldElement.ONE);
    assertThat(n.wasSquare()).isFalse();
    assertThat(n.root().square())
        .isEqualTo(FieldElement.fromLong(2).multiply(Curve25519Constants.SQRT_M1));
    assertThat(n.root().isNegative()).isFalse();
  }
}
