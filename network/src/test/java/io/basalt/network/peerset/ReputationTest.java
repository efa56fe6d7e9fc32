/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.peerset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReputationTest {
  @Test
  void shouldPutTheThresholdAt82PercentOfTheMinimum() {
    assertThat(Reputation.BANNED_THRESHOLD).isEqualTo(-1_760_936_552);
    assertThat(Reputation.isBanned(Reputation.BANNED_THRESHOLD)).isFalse();
    assertThat(Reputation.isBanned(Reputation.BANNED_THRESHOLD - 1)).isTrue();
  }

  @Test
  void shouldDecayByOneFiftiethPerSecondTowardsZero() {
    assertThat(Reputation.decay(-1000, 1)).isEqualTo(-980);
    assertThat(Reputation.decay(1000, 1)).isEqualTo(980);
    assertThat(Reputation.decay(-10, 1)).isEqualTo(-9);
    assertThat(Reputation.decay(3, 1)).isEqualTo(2);
    assertThat(Reputation.decay(0, 100_000)).isZero();
  }

  @Test
  void shouldReachZeroFromEitherExtreme() {
    assertThat(Reputation.decay(Integer.MAX_VALUE, 500)).isPositive();
    assertThat(Reputation.decay(Integer.MAX_VALUE, 1100)).isZero();
    assertThat(Reputation.decay(Integer.MIN_VALUE, 500)).isNegative();
    assertThat(Reputation.decay(Integer.MIN_VALUE, 1100)).isZero();
  }

  @Test
  void shouldSaturateInsteadOfOverflowing() {
    assertThat(Reputation.add(Integer.MIN_VALUE, -5)).isEqualTo(Integer.MIN_VALUE);
    assertThat(Reputation.add(Integer.MAX_VALUE, 5)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void shouldBanAFatalReportForTheSecondsDecayNeedsToCrossTheThreshold() {
    long seconds = Reputation.secondsUntilUnbanned(Integer.MIN_VALUE);

    assertThat(seconds).isEqualTo(10);
    assertThat(Reputation.isBanned(Reputation.decay(Integer.MIN_VALUE, seconds - 1))).isTrue();
    assertThat(Reputation.isBanned(Reputation.decay(Integer.MIN_VALUE, seconds))).isFalse();
    assertThat(ReputationChange.WRONG_GENESIS.isFatal()).isTrue();
    assertThat(ReputationChange.BAD_MESSAGE.isFatal()).isFalse();
  }
}
