/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every connection of one server shares.
 *
 * @param boundPort the port actually listened on (the Host filter names it)
 * @param deniesUnsafe whether unsafe methods are refused on this interface
 * @param subscriptionIds the id source for new subscriptions
 * @param nanoClock the rate limiter's clock
 */
record ServerState(
    RpcServerConfig config,
    CallRunner runner,
    ConnectionLimit connections,
    int boundPort,
    boolean deniesUnsafe,
    Supplier<String> subscriptionIds,
    LongSupplier nanoClock) {
  private static final Logger LOG = LoggerFactory.getLogger("rpc");

  Logger log() {
    return LOG;
  }

  /** sc-rpc-server's Host filter: the loopback names of the bound port. */
  boolean hostAllowed(String host) {
    return Set.of("localhost:" + boundPort, "127.0.0.1:" + boundPort, "[::1]:" + boundPort)
        .contains(host.toLowerCase(java.util.Locale.ROOT));
  }

  /** A limiter for one connection, or null without {@code --rpc-rate-limit}. */
  RateLimiter newRateLimiter() {
    return config.rateLimitPerMinute().isPresent()
        ? new RateLimiter(config.rateLimitPerMinute().getAsInt(), nanoClock)
        : null;
  }
}
