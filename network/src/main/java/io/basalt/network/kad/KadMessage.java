/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.kad;

import io.basalt.network.codec.Decoding;
import io.basalt.network.codec.ProtoWriter;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kademlia request or response (protobuf {@code Message} of libp2p's {@code dht.proto}): {@code
 * type = 1}, {@code key = 2}, {@code record = 3}, {@code repeated closerPeers = 8}, {@code repeated
 * providerPeers = 9}; {@code clusterLevelRaw = 10} is ignored. Peers with an invalid id and
 * addresses that do not decode are dropped, not fatal.
 *
 * @param type what is asked or answered
 * @param key the key looked up (a peer id multihash for {@code FIND_NODE})
 * @param closerPeers peers closer to the key
 * @param providerPeers providers of the key
 * @param record the value, for {@code PUT_VALUE} and {@code GET_VALUE} answers
 */
public record KadMessage(
    Type type,
    Bytes key,
    List<KadPeer> closerPeers,
    List<KadPeer> providerPeers,
    Optional<KadRecord> record) {

  /** The protobuf {@code MessageType}. */
  public enum Type {
    PUT_VALUE(0),
    GET_VALUE(1),
    ADD_PROVIDER(2),
    GET_PROVIDERS(3),
    FIND_NODE(4),
    PING(5);

    private final int value;

    Type(int value) {
      this.value = value;
    }

    /** The protobuf enum value. */
    public int value() {
      return value;
    }

    /** The type with this value, if known. */
    public static Optional<Type> ofValue(long value) {
      for (Type t : values()) {
        if (t.value == value) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  public KadMessage {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    closerPeers = List.copyOf(closerPeers);
    providerPeers = List.copyOf(providerPeers);
    Objects.requireNonNull(record, "record");
  }

  /** A message without a record. */
  public KadMessage(Type type, Bytes key, List<KadPeer> closerPeers, List<KadPeer> providerPeers) {
    this(type, key, closerPeers, providerPeers, Optional.empty());
  }

  /** A {@code FIND_NODE} request for {@code key}. */
  public static KadMessage findNode(Bytes key) {
    return new KadMessage(Type.FIND_NODE, key, List.of(), List.of());
  }

  public byte[] encode() {
    ProtoWriter w = new ProtoWriter().varintIfSet(1, type.value()).bytesIfSet(2, key);
    record.ifPresent(r -> w.bytes(3, r.encode()));
    closerPeers.forEach(p -> w.bytes(8, p.encode()));
    providerPeers.forEach(p -> w.bytes(9, p.encode()));
    return w.toByteArray();
  }

  /**
   * Decodes a message.
   *
   * @throws FrameException if the protobuf is malformed or the type unknown
   */
  public static KadMessage decode(byte[] bytes) {
    return Decoding.protobuf(
        bytes,
        "Kademlia Message",
        r -> {
          long type = 0;
          Bytes key = Bytes.EMPTY;
          Optional<KadRecord> record = Optional.empty();
          List<KadPeer> closer = new ArrayList<>();
          List<KadPeer> providers = new ArrayList<>();
          for (int field; (field = r.next()) != 0; ) {
            switch (field) {
              case 1 -> type = r.varint();
              case 2 -> key = r.bytes();
              case 3 -> record = Optional.of(KadRecord.read(r.bytes()));
              case 8 -> KadPeer.read(r.bytes()).ifPresent(closer::add);
              case 9 -> KadPeer.read(r.bytes()).ifPresent(providers::add);
              default -> r.skip();
            }
          }
          long typeValue = type;
          Type decoded =
              Type.ofValue(type).orElseThrow(() -> r.fail("unknown message type " + typeValue));
          return new KadMessage(decoded, key, closer, providers, record);
        });
  }
}
