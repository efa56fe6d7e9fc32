/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.curve25519;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ScalarTest {
  private static final BigInteger L = Scalar.L;

  @Provide
  Arbitrary<BigInteger> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, L.subtract(BigInteger.ONE)),
        Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE)));
  }

  private static BigInteger le(byte[] bytes) {
    byte[] be = new byte[bytes.length + 1];
    for (int i = 0; i < bytes.length; i++) {
      be[bytes.length - i] = bytes[i];
    }
    return new BigInteger(be);
  }

  @Property(tries = 300)
  void arithmeticAgreesWithBigInteger(
      @ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
    Scalar sa = Scalar.fromBigInteger(a);
    Scalar sb = Scalar.fromBigInteger(b);
    assertThat(sa.add(sb).toBigInteger()).isEqualTo(a.add(b).mod(L));
    assertThat(sa.subtract(sb).toBigInteger()).isEqualTo(a.subtract(b).mod(L));
    assertThat(sa.multiply(sb).toBigInteger()).isEqualTo(a.multiply(b).mod(L));
    assertThat(sa.negate().toBigInteger()).isEqualTo(a.negate().mod(L));
  }

  @Property(tries = 300)
  void wideReductionAgreesWithBigInteger(@ForAll @Size(64) byte[] wide) {
    assertThat(Scalar.fromBytesModOrderWide(wide).toBigInteger()).isEqualTo(le(wide).mod(L));
  }

  @Property(tries = 300)
  void narrowReductionAgreesWithBigInteger(@ForAll @Size(32) byte[] bytes) {
    assertThat(Scalar.fromBytesModOrder(bytes).toBigInteger()).isEqualTo(le(bytes).mod(L));
  }

  @Property(tries = 200)
  void radix16AndNafDigitsRecomposeTheScalar(@ForAll("scalars") BigInteger a) {
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
