/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import io.basalt.network.identify.Identify;
import io.basalt.network.kad.Contact;
import io.basalt.network.kad.KadMessage;
import io.basalt.network.kad.KadPeer;
import io.basalt.network.kad.RoutingKey;
import io.basalt.network.kad.RoutingTable;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.network.transport.Connection;
import io.basalt.network.transport.ConnectionListener;
import io.basalt.primitives.crypto.PeerId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responding half of Kademlia on {@code /<genesis>/kad}: a routing table fed by the peers we
 * connect to (with the listen addresses their identify message gives; peers that listen nowhere,
 * such as light clients, are not listed), and {@code FIND_NODE} answered with the closest of them
 * to the key, the asking peer left out. Other requests get an empty answer of their type.
 */
public final class KademliaServer implements ConnectionListener {
  private static final Logger LOG = LoggerFactory.getLogger("sub-libp2p");

  private final RoutingTable table;
  private final Set<PeerId> connected = ConcurrentHashMap.newKeySet();

  public KademliaServer(PeerId local) {
    this.table = new RoutingTable(local);
  }

  /** The routing table (tests). */
  public RoutingTable table() {
    return table;
  }

  /** Records a peer and where it listens. */
  public void learn(PeerId peer, List<Multiaddr> listenAddresses) {
    if (!listenAddresses.isEmpty()) {
      table.update(new Contact(peer, listenAddresses));
    }
  }

  /** The answer to a request from {@code from}. */
  public KadMessage serve(PeerId from, KadMessage request) {
    if (request.type() != KadMessage.Type.FIND_NODE) {
      return new KadMessage(request.type(), request.key(), List.of(), List.of(), Optional.empty());
    }
    List<KadPeer> closer =
        table.closest(RoutingKey.ofKey(request.key().toArray()), RoutingTable.K + 1).stream()
            .filter(contact -> !contact.peer().equals(from))
            .limit(RoutingTable.K)
            .map(
                contact ->
                    new KadPeer(
                        contact.peer(),
                        contact.addresses(),
                        connected.contains(contact.peer())
                            ? KadPeer.ConnectionType.CONNECTED
                            : KadPeer.ConnectionType.NOT_CONNECTED))
            .toList();
    return new KadMessage(
        KadMessage.Type.FIND_NODE, request.key(), closer, List.of(), Optional.empty());
  }

  @Override
  public void onOpened(Connection connection) {
    PeerId peer = connection.remotePeer();
    connected.add(peer);
    var unused =
        Identify.request(connection)
            .whenComplete(
                (message, failure) -> {
                  if (failure != null) {
                    LOG.debug("Identify of {} failed: {}", peer, failure.toString());
                  } else {
                    learn(peer, message.listenAddresses());
                  }
                });
  }

  @Override
  public void onClosed(Connection connection) {
    connected.remove(connection.remotePeer());
  }
}
