/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.kad;

import io.basalt.network.codec.ProtoReader;
import io.basalt.network.codec.ProtoWriter;
import io.basalt.network.frame.FrameException;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.PeerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A peer in a Kademlia message (protobuf {@code Message.Peer}): {@code id = 1} (the peer id
 * multihash), {@code repeated addrs = 2} (binary multiaddrs), {@code connection = 3}.
 *
 * @param id the peer
 * @param addresses where it listens
 * @param connection whether the sender is connected to it
 */
public record KadPeer(PeerId id, List<Multiaddr> addresses, ConnectionType connection) {

  /** The sender's connection to a peer (protobuf {@code ConnectionType}). */
  public enum ConnectionType {
    NOT_CONNECTED(0),
    CONNECTED(1),
    CAN_CONNECT(2),
    CANNOT_CONNECT(3);

    private final int value;

    ConnectionType(int value) {
      this.value = value;
    }

    /** The protobuf enum value. */
    public int value() {
      return value;
    }

    /** The type with this value; unknown values read as {@link #NOT_CONNECTED}. */
    public static ConnectionType ofValue(long value) {
      for (ConnectionType t : values()) {
        if (t.value == value) {
          return t;
        }
      }
      return NOT_CONNECTED;
    }
  }

  public KadPeer {
    Objects.requireNonNull(id, "id");
    addresses = List.copyOf(addresses);
    Objects.requireNonNull(connection, "connection");
  }

  byte[] encode() {
    ProtoWriter w = new ProtoWriter().bytes(1, id.multihash());
    addresses.forEach(a -> w.bytes(2, a.encode()));
    return w.varintIfSet(3, connection.value()).toByteArray();
  }

  /**
   * Reads a peer; addresses that do not decode are dropped, and a peer whose id is not a peer id is
   * dropped (empty), as rust-libp2p does.
   *
   * @throws FrameException if the protobuf itself is malformed
   */
  static Optional<KadPeer> read(Bytes bytes) {
    ProtoReader r = new ProtoReader(bytes.unsafeArray(), "Kademlia Peer");
    Bytes id = Bytes.EMPTY;
    List<Multiaddr> addresses = new ArrayList<>();
    long connection = 0;
    for (int field; (field = r.next()) != 0; ) {
      switch (field) {
        case 1 -> id = r.bytes();
        case 2 -> {
          Bytes address = r.bytes();
          try {
            addresses.add(Multiaddr.decode(address.unsafeArray()));
          } catch (FrameException | IllegalArgumentException e) {
            // an address we cannot parse says nothing about the others
          }
        }
        case 3 -> connection = r.varint();
        default -> r.skip();
      }
    }
    PeerId peer;
    try {
      peer = PeerId.fromMultihash(id.unsafeArray());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(new KadPeer(peer, addresses, ConnectionType.ofValue(connection)));
  }
}
