/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.peerset;

/**
 * Substrate's reputation arithmetic: an {@code i32} that reports add to (saturating), that decays
 * towards zero by 1/50 of its value every second (at least 1), and under {@link #BANNED_THRESHOLD}
 * means the peer is banned: not dialed, refused, disconnected. A ban therefore lasts until decay
 * brings the value back to the threshold: a fatal report ({@code Integer.MIN_VALUE}) about 10 s.
 *
 * <p>Values as in {@code sc-network}'s {@code peer_store.rs} (82 % of {@code i32::MIN}, inverse
 * decrement 50); newer releases use 71 % and 200.
 */
public final class Reputation {
  /** Peers whose reputation is below this are banned: 82 % of {@code Integer.MIN_VALUE}. */
  public static final int BANNED_THRESHOLD = 82 * (Integer.MIN_VALUE / 100);

  /** Added when a connection to the peer ends. */
  public static final int DISCONNECT_CHANGE = -256;

  /** Each second the reputation moves towards 0 by its value divided by this (at least 1). */
  public static final int INVERSE_DECREMENT = 50;

  private Reputation() {}

  /** {@code reputation + change}, saturating at the {@code int} bounds. */
  public static int add(int reputation, int change) {
    long sum = (long) reputation + change;
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sum));
  }

  /** The reputation after {@code seconds} one-second decay steps. */
  public static int decay(int reputation, long seconds) {
    int value = reputation;
    for (long i = 0; i < seconds && value != 0; i++) {
      int diff = value / INVERSE_DECREMENT;
      if (diff == 0) {
        diff = value < 0 ? -1 : 1;
      }
      value -= diff;
    }
    return value;
  }

  /** Whether a peer with this reputation is banned. */
  public static boolean isBanned(int reputation) {
    return reputation < BANNED_THRESHOLD;
  }

  /** How many whole seconds of decay it takes for {@code reputation} to stop being banned. */
  public static long secondsUntilUnbanned(int reputation) {
    int value = reputation;
    long seconds = 0;
    while (isBanned(value)) {
      value = decay(value, 1);
      seconds++;
    }
    return seconds;
  }
}
