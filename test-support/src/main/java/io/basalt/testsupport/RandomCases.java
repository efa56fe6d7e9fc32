/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.testsupport;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Property-style tests in plain JUnit: a check runs over many cases drawn from a seeded random
 * generator, and a failure names the seed, the case number and the case, so it can be replayed.
 *
 * <p>The seed is fixed by default, so runs are repeatable; {@code -Dbasalt.seed=N} explores other
 * cases. Generators are plain functions of a {@link SplittableRandom}.
 *
 * <pre>{@code
 * RandomCases.forAll(500, r -> r.nextLong(), v -> assertThat(roundTrip(v)).isEqualTo(v));
 * }</pre>
 */
public final class RandomCases {
  /** The seed used unless {@code -Dbasalt.seed} says otherwise. */
  public static final long DEFAULT_SEED = 0x5eed_ba5a_17L;

  private RandomCases() {}

  /** The seed for this run. */
  public static long seed() {
    return Long.getLong("basalt.seed", DEFAULT_SEED);
  }

  /**
   * Runs {@code check} on {@code tries} cases from {@code generator}.
   *
   * @throws AssertionError naming the seed, the case number and the case if any check fails
   */
  public static <T> void forAll(
      int tries, Function<SplittableRandom, T> generator, Consumer<T> check) {
    long seed = seed();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < tries; i++) {
      T value = generator.apply(random);
      try {
        check.accept(value);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "case #"
                + i
                + " of "
                + tries
                + " (seed "
                + seed
                + ") failed for "
                + describe(value)
                + ": "
                + e.getMessage(),
            e);
      }
    }
  }

  /** Random bytes of a length in {@code [minLength, maxLength]}. */
  public static byte[] bytes(SplittableRandom random, int minLength, int maxLength) {
    byte[] out = new byte[random.nextInt(minLength, maxLength + 1)];
    random.nextBytes(out);
    return out;
  }

  /** A random string of up to {@code maxLength} code points, mixing ASCII and other planes. */
  public static String string(SplittableRandom random, int maxLength) {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      int cp =
          switch (random.nextInt(4)) {
            case 0 -> random.nextInt(0x20, 0x7f);
            case 1 -> random.nextInt(0, 0x20);
            case 2 -> random.nextInt(0x80, 0xd800);
            default -> random.nextInt(0x10000, 0x110000);
          };
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  private static String describe(Object value) {
    String s =
        value instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(value);
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
