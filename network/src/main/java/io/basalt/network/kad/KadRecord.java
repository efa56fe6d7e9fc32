/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.kad;

import io.basalt.network.codec.ProtoReader;
import io.basalt.network.codec.ProtoWriter;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.PeerId;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored value in a Kademlia message (protobuf {@code Record}): {@code key = 1}, {@code value =
 * 2}, {@code publisher = 666}, {@code ttl = 777} (seconds; 0 for none). {@code timeReceived = 5} is
 * ignored.
 *
 * @param key the record key
 * @param value the record value
 * @param publisher who published it, if said (an unparsable publisher reads as absent)
 * @param ttlSeconds how long it lives, 0 if unsaid
 */
public record KadRecord(Bytes key, Bytes value, Optional<PeerId> publisher, long ttlSeconds) {
  public KadRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(publisher, "publisher");
  }

  byte[] encode() {
    ProtoWriter w = new ProtoWriter().bytesIfSet(1, key).bytesIfSet(2, value);
    publisher.ifPresent(p -> w.bytes(666, p.multihash()));
    return w.varintIfSet(777, ttlSeconds).toByteArray();
  }

  static KadRecord read(Bytes bytes) {
    ProtoReader r = new ProtoReader(bytes.unsafeArray(), "Kademlia Record");
    Bytes key = Bytes.EMPTY;
    Bytes value = Bytes.EMPTY;
    Optional<PeerId> publisher = Optional.empty();
    long ttl = 0;
    for (int field; (field = r.next()) != 0; ) {
      switch (field) {
        case 1 -> key = r.bytes();
        case 2 -> value = r.bytes();
        case 666 -> publisher = peer(r.bytes());
        case 777 -> ttl = r.uint32();
        default -> r.skip();
      }
    }
    return new KadRecord(key, value, publisher, ttl);
  }

  private static Optional<PeerId> peer(Bytes bytes) {
    try {
      return Optional.of(PeerId.fromMultihash(bytes.unsafeArray()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
