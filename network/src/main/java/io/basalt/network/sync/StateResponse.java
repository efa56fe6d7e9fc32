/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.sync;

import io.basalt.network.codec.Decoding;
import io.basalt.network.codec.ProtoReader;
import io.basalt.network.codec.ProtoWriter;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A state response (protobuf {@code api.v1.StateResponse}): {@code repeated entries = 1} (filled
 * when the request said {@code no_proof}), {@code proof = 2} (otherwise: a SCALE-encoded compact
 * proof, kept raw).
 *
 * @param entries the key-values per trie
 * @param proof the proof, empty when entries are sent
 */
public record StateResponse(List<KeyValueStateEntry> entries, Bytes proof) {

  public StateResponse {
    entries = List.copyOf(entries);
    Objects.requireNonNull(proof, "proof");
  }

  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    entries.forEach(e -> w.bytes(1, e.encode()));
    return w.bytesIfSet(2, proof).toByteArray();
  }

  /**
   * Decodes a state response.
   *
   * @throws FrameException if the bytes are not a valid state response
   */
  public static StateResponse decode(byte[] bytes) {
    return Decoding.protobuf(
        bytes,
        "StateResponse",
        r -> {
          List<KeyValueStateEntry> entries = new ArrayList<>();
          Bytes proof = Bytes.EMPTY;
          for (int field; (field = r.next()) != 0; ) {
            switch (field) {
              case 1 ->
                  entries.add(
                      KeyValueStateEntry.read(
                          new ProtoReader(r.bytes().unsafeArray(), "KeyValueStateEntry")));
              case 2 -> proof = r.bytes();
              default -> r.skip();
            }
          }
          return new StateResponse(entries, proof);
        });
  }
}
