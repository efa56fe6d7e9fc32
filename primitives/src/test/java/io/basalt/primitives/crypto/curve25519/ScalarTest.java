/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.curve25519;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.testsupport.RandomCases;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScalarTest {
  private static final BigInteger L = Scalar.L;

  private static final List<BigInteger> EDGES =
      List.of(BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE));

  /** A scalar: an edge value one time in five, otherwise uniform in [0, l). */
  static BigInteger scalar(SplittableRandom r) {
    if (r.nextInt(5) == 0) {
      return EDGES.get(r.nextInt(EDGES.size()));
    }
    return new BigInteger(256, new Random(r.nextLong())).mod(L);
  }

  private static BigInteger le(byte[] bytes) {
    byte[] be = new byte[bytes.length + 1];
    for (int i = 0; i < bytes.length; i++) {
      be[bytes.length - i] = bytes[i];
    }
    return new BigInteger(be);
  }

  @Test
  void arithmeticAgreesWithBigInteger() {
    RandomCases.forAll(
        300,
        r -> new BigInteger[] {scalar(r), scalar(r)},
        pair -> arithmeticAgrees(pair[0], pair[1]));
  }

  private static void arithmeticAgrees(BigInteger a, BigInteger b) {
    Scalar sa = Scalar.fromBigInteger(a);
    Scalar sb = Scalar.fromBigInteger(b);
    assertThat(sa.add(sb).toBigInteger()).isEqualTo(a.add(b).mod(L));
    assertThat(sa.subtract(sb).toBigInteger()).isEqualTo(a.subtract(b).mod(L));
    assertThat(sa.multiply(sb).toBigInteger()).isEqualTo(a.multiply(b).mod(L));
    assertThat(sa.negate().toBigInteger()).isEqualTo(a.negate().mod(L));
  }

  @Test
  void wideReductionAgreesWithBigInteger() {
    RandomCases.forAll(
        300,
        r -> RandomCases.bytes(r, 64, 64),
        wide ->
            assertThat(Scalar.fromBytesModOrderWide(wide).toBigInteger())
                .isEqualTo(le(wide).mod(L)));
  }

  @Test
  void narrowReductionAgreesWithBigInteger() {
    RandomCases.forAll(
        300,
        r -> RandomCases.bytes(r, 32, 32),
        bytes ->
            assertThat(Scalar.fromBytesModOrder(bytes).toBigInteger()).isEqualTo(le(bytes).mod(L)));
  }

  @Test
  void radix16AndNafDigitsRecomposeTheScalar() {
    RandomCases.forAll(200, ScalarTest::scalar, ScalarTest::digitsRecompose);
  }

  private static void digitsRecompose(BigInteger a) {
    Scalar s = Scalar.fromBigInteger(a);
    byte[] radix16 = s.toRadix16();
    BigInteger sum = BigInteger.ZERO;
    for (int i = 63; i >= 0; i--) {
      assertThat((int) radix16[i]).isBetween(-8, 8);
      sum = sum.shiftLeft(4).add(BigInteger.valueOf(radix16[i]));
    }
    assertThat(sum).isEqualTo(a);
    for (int width : new int[] {5, 8}) {
      byte[] naf = s.nonAdjacentForm(width);
      BigInteger total = BigInteger.ZERO;
      for (int i = 255; i >= 0; i--) {
        int d = naf[i];
        assertThat(d == 0 || ((d & 1) == 1 && Math.abs(d) < (1 << (width - 1)))).isTrue();
        total = total.shiftLeft(1).add(BigInteger.valueOf(d));
      }
      assertThat(total).isEqualTo(a);
    }
  }

  @Test
  void canonicalEncodingsStopAtTheGroupOrder() {
    byte[] l = Scalar.fromBigInteger(L.subtract(BigInteger.ONE)).toBytes();
    assertThat(Scalar.fromCanonicalBytes(l)).isPresent();
    l[0]++; // now exactly l
    assertThat(Scalar.fromCanonicalBytes(l)).isEmpty();
    assertThat(Scalar.fromCanonicalBytes(new byte[31])).isEmpty();
  }

  @Test
  void toStringNeverRevealsTheValue() {
    assertThat(Scalar.fromLong(1234567)).hasToString("Scalar(<redacted>)");
  }
}
