/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.notification;

import java.util.List;
import java.util.function.Supplier;

/**
 * One notifications protocol.
 *
 * @param names the protocol names, the main one first, then fallbacks (e.g. the legacy {@code
 *     /dot/block-announces/1}); we open with the first the peer supports and accept them all
 * @param handshake our handshake, asked for each substream (it may change, e.g. the best block)
 * @param maxHandshakeSize the largest handshake accepted from a peer (Substrate: 1024 by default)
 * @param maxNotificationSize the largest notification accepted or sent
 * @param queueCapacity how many notifications may wait to be written to one peer; more are dropped
 *     (Substrate's sync buffer holds 2048)
 */
public record NotificationConfig(
    List<String> names,
    Supplier<byte[]> handshake,
    int maxHandshakeSize,
    int maxNotificationSize,
    int queueCapacity) {
  /** Substrate's default notification queue length per peer. */
  public static final int DEFAULT_QUEUE_CAPACITY = 2048;

  public NotificationConfig {
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a notifications protocol needs at least one name");
    }
    if (maxHandshakeSize < 0 || maxNotificationSize < 0 || queueCapacity < 1) {
      throw new IllegalArgumentException(
          "notification limits must be positive: handshake "
              + maxHandshakeSize
              + ", notification "
              + maxNotificationSize
              + ", queue "
              + queueCapacity);
    }
  }

  /** A config with the default queue capacity. */
  public NotificationConfig(
      List<String> names,
      Supplier<byte[]> handshake,
      int maxHandshakeSize,
      int maxNotificationSize) {
    this(names, handshake, maxHandshakeSize, maxNotificationSize, DEFAULT_QUEUE_CAPACITY);
  }
}
