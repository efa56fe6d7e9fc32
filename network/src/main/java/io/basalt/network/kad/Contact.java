/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.kad;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.crypto.PeerId;
import java.util.List;

/**
 * A peer as Kademlia knows it: its id and the addresses it was reached at or announced.
 *
 * @param peer the peer
 * @param addresses its addresses, without {@code /p2p/…}
 */
public record Contact(PeerId peer, List<Multiaddr> addresses) {
  public Contact {
    addresses = List.copyOf(addresses);
  }

  /** This contact's routing key. */
  public RoutingKey key() {
    return RoutingKey.of(peer);
  }
}
