/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.request;

import java.time.Duration;
import java.util.List;

/**
 * One request-response protocol.
 *
 * @param names the protocol names, main first, then fallbacks
 * @param maxRequestSize the largest request sent or accepted
 * @param maxResponseSize the largest response accepted or sent
 * @param timeout the longest a whole exchange may take, from opening the substream to the end of
 *     the response (Substrate uses 20 s for sync requests); inbound exchanges are bounded too
 * @param maxConcurrentInboundPerPeer how many of a peer's requests may be served at once; more are
 *     reset
 */
public record RequestResponseConfig(
    List<String> names,
    int maxRequestSize,
    int maxResponseSize,
    Duration timeout,
    int maxConcurrentInboundPerPeer) {
  /** Substrate's timeout for sync requests. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  public RequestResponseConfig {
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a request-response protocol needs at least one name");
    }
    if (maxRequestSize < 0 || maxResponseSize < 0 || maxConcurrentInboundPerPeer < 1) {
      throw new IllegalArgumentException(
          "request-response limits must be positive: request "
              + maxRequestSize
              + ", response "
              + maxResponseSize
              + ", concurrent "
              + maxConcurrentInboundPerPeer);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a request timeout must be positive: " + timeout);
    }
  }
}
