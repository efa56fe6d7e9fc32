/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.sync;

import io.basalt.network.codec.Decoding;
import io.basalt.network.codec.ProtoReader;
import io.basalt.network.codec.ProtoWriter;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import java.util.Objects;

/**
 * One storage entry of a state response (protobuf {@code api.v1.StateEntry}): {@code key = 1},
 * {@code value = 2}.
 *
 * @param key the storage key
 * @param value its value
 */
public record StateEntry(Bytes key, Bytes value) {

  public StateEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  public byte[] encode() {
    return new ProtoWriter().bytesIfSet(1, key).bytesIfSet(2, value).toByteArray();
  }

  /**
   * Decodes one entry.
   *
   * @throws FrameException if the bytes are not a valid entry
   */
  public static StateEntry decode(byte[] bytes) {
    return Decoding.protobuf(bytes, "StateEntry", StateEntry::read);
  }

  static StateEntry read(ProtoReader r) {
    Bytes key = Bytes.EMPTY;
    Bytes value = Bytes.EMPTY;
    for (int field; (field = r.next()) != 0; ) {
      switch (field) {
        case 1 -> key = r.bytes();
        case 2 -> value = r.bytes();
        default -> r.skip();
      }
    }
    return new StateEntry(key, value);
  }
}
