/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.subscription;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Subscription ids. Substrate's server uses jsonrpsee's {@code RandomStringIdProvider::new(16)}: 16
 * random ASCII letters and digits, sent as a JSON string; {@link #random()} does the same. Tests
 * use {@link #sequential()} so that golden files are stable.
 */
public final class SubscriptionIds {
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int LENGTH = 16;

  private SubscriptionIds() {}

  /** 16 random alphanumeric characters from a {@link SecureRandom}. */
  public static Supplier<String> random() {
    SecureRandom random = new SecureRandom();
    return () -> {
      char[] id = new char[LENGTH];
      for (int i = 0; i < LENGTH; i++) {
        id[i] = ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length()));
      }
      return new String(id);
    };
  }

  /** {@code "sub0000000000001"}, {@code "sub0000000000002"}…: 16 characters, for tests. */
  public static Supplier<String> sequential() {
    AtomicLong next = new AtomicLong();
    return () -> String.format("sub%013d", next.incrementAndGet());
  }
}
