/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.curve25519;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The published decimal values of RFC 9496 §4.1 / RFC 8032. */
class Curve25519ConstantsTest {
  @Test
  void constantsMatchRfc9496() {
    assertThat(Curve25519Constants.D.toBigInteger())
        .isEqualTo(
            new BigInteger(
                "37095705934669439343138083508754565189542113879843219016388785533085940283555"));
    assertThat(Curve25519Constants.SQRT_M1.toBigInteger())
        .isEqualTo(
            new BigInteger(
                "19681161376707505956807079304988542015446066515923890162744021073123829784752"));
    assertThat(Curve25519Constants.SQRT_AD_MINUS_ONE.toBigInteger())
        .isEqualTo(
            new BigInteger(
                "25063068953384623474111414158702152701244531502492656460079210482610430750235"));
    assertThat(Curve25519Constants.INVSQRT_A_MINUS_D.toBigInteger())
        .isEqualTo(
            new BigInteger(
                "54469307008909316920995813868745141605393597292927456921205312896311721017578"));
    assertThat(Curve25519Constants.ONE_MINUS_D_SQ.toBigInteger())
        .isEqualTo(
            new BigInteger(
                "1159843021668779879193775521855586647937357759715417654439879720876111806838"));
    assertThat(Curve25519Constants.D_MINUS_ONE_SQ.toBigInteger())
        .isEqualTo(
            new BigInteger(
                "40440834346308536858101042469323190826248399146238708352240133220865137265952"));
  }
}
