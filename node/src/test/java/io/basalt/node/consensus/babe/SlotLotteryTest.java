/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class SlotLotteryTest {
  private static List<BabeAuthority> weights(long first, LongUnaryOperator next, int count) {
    List<BabeAuthority> out = new ArrayList<>();
    long w = first;
    for (int i = 0; i < count; i++) {
      out.add(new BabeAuthority(Bytes.wrap(new byte[32]), w));
      w = next.applyAsLong(w);
    }
    return out;
  }

  /**
   * Known answers computed with Substrate's own {@code calculate_primary_threshold} (published as
   * regression values in smoldot's {@code verify/babe.rs}).
   */
  @Test
  void primaryThresholdsMatchSubstrates() {
    assertThat(SlotLottery.primaryThreshold(new Ratio(2, 9), weights(1, w -> 1, 8), 0))
        .isEqualTo(new BigInteger("10523572781773471998586657386560225280"));
    // weights 2, 3, 4, ... (900 of them); the authority of weight 11
    assertThat(SlotLottery.primaryThreshold(new Ratio(103, 971), weights(2, w -> w + 1, 900), 9))
        .isEqualTo(new BigInteger("1032931305829506557190946382938112"));
    // weights 2, 3, 5, 9, 17, ... (n * 2 - 1, 50 of them) and an authority of weight 63
    long total = weights(2, w -> w * 2 - 1, 50).stream().mapToLong(BabeAuthority::weight).sum();
    assertThat(SlotLottery.primaryThreshold(new Ratio(89, 91), 63, total))
        .isEqualTo(new BigInteger("72686664904329579129208832"));
  }

  @Test
  void aSingleAuthorityGetsExactlyC() {
    // theta = 1: p = c exactly, so the threshold is c * 2^128
    assertThat(SlotLottery.primaryThreshold(new Ratio(1, 4), weights(1, w -> 1, 1), 0))
        .isEqualTo(BigInteger.ONE.shiftLeft(126));
  }

  @Test
  void aWeightlessAuthorityHasNoThreshold() {
    assertThatThrownBy(
            () -> SlotLottery.primaryThreshold(new Ratio(1, 4), weights(0, w -> 1, 2), 0))
        .hasMessage("authority #0 has weight 0");
  }
}
