/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.host;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link NettyHost} runs.
 *
 * @param identity the node key, whose peer id the host proves in every handshake
 * @param listenAddresses {@code /ip4|ip6/…/tcp/…}, optionally followed by {@code /ws}; port 0 picks
 *     a free port
 * @param agentVersion what identify announces, e.g. {@code basalt/0.1.0}
 * @param maxPendingHandshakes inbound connections still upgrading at once; when a new one would
 *     exceed it, the oldest pending one is dropped (a stalled peer cannot lock honest ones out)
 * @param handshakeTimeout how long a connection may take from accept or connect to Yamux
 * @param eventLoopThreads Netty event loop threads (0: Netty's default)
 */
public record HostConfig(
    Ed25519KeyPair identity,
    List<Multiaddr> listenAddresses,
    String agentVersion,
    int maxPendingHandshakes,
    Duration handshakeTimeout,
    int eventLoopThreads) {
  public HostConfig {
    Objects.requireNonNull(identity, "identity");
    listenAddresses = List.copyOf(listenAddresses);
    Objects.requireNonNull(agentVersion, "agentVersion");
    if (maxPendingHandshakes < 1) {
      throw new IllegalArgumentException(
          "maxPendingHandshakes must be positive, not " + maxPendingHandshakes);
    }
    if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
      throw new IllegalArgumentException("handshakeTimeout must be positive: " + handshakeTimeout);
    }
    if (eventLoopThreads < 0) {
      throw new IllegalArgumentException(
          "eventLoopThreads must not be negative, not " + eventLoopThreads);
    }
  }

  /** A configuration with the default limits: 64 pending handshakes, 20 s, default threads. */
  public static HostConfig of(
      Ed25519KeyPair identity, List<Multiaddr> listenAddresses, String agentVersion) {
    return new HostConfig(identity, listenAddresses, agentVersion, 64, Duration.ofSeconds(20), 0);
  }
}
