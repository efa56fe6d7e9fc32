/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import io.basalt.network.grandpa.GossipMessage;

/**
 * Where the voter sends what it signs: its votes, its commits and its neighbor packets go to the
 * peers of the {@code /<genesis>/grandpa/1} protocol. Incoming messages come back through {@link
 * GrandpaFinality#deliver}. Without a network it is {@link #NONE} and the voter only finalizes with
 * its local keys.
 */
@FunctionalInterface
public interface GrandpaNetwork {
  /** No network: nothing is sent and the voter only uses its local keys. */
  GrandpaNetwork NONE = message -> {};

  /** Sends {@code message} to every peer with the GRANDPA protocol open. */
  void broadcast(GossipMessage message);
}
