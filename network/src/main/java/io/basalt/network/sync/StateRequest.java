/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.sync;

import io.basalt.network.codec.Decoding;
import io.basalt.network.codec.ProtoWriter;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A state request (protobuf {@code api.v1.StateRequest}): {@code block = 1}, {@code repeated start
 * = 2} (empty, one top-trie key, or a child trie's storage key then a key in it), {@code no_proof =
 * 3}.
 *
 * @param block the block whose state is wanted
 * @param start where to resume (exclusive), empty to start at the beginning
 * @param noProof whether to ask for raw key-values instead of a proof
 */
public record StateRequest(Hash256 block, List<Bytes> start, boolean noProof) {

  public StateRequest {
    Objects.requireNonNull(block, "block");
    start = List.copyOf(start);
  }

  public byte[] encode() {
    ProtoWriter w = new ProtoWriter().bytes(1, block.unsafeArray());
    start.forEach(key -> w.bytes(2, key));
    return w.boolIfSet(3, noProof).toByteArray();
  }

  /**
   * Decodes a state request.
   *
   * @throws FrameException if the bytes are not a valid state request
   */
  public static StateRequest decode(byte[] bytes) {
    return Decoding.protobuf(
        bytes,
        "StateRequest",
        r -> {
          Bytes block = Bytes.EMPTY;
          List<Bytes> start = new ArrayList<>();
          boolean noProof = false;
          for (int field; (field = r.next()) != 0; ) {
            switch (field) {
              case 1 -> block = r.bytes();
              case 2 -> start.add(r.bytes());
              case 3 -> noProof = r.bool();
              default -> r.skip();
            }
          }
          if (block.length() != Hash256.LENGTH) {
            throw r.fail("a block hash of " + block.length() + " bytes");
          }
          return new StateRequest(Hash256.wrap(block.toArray()), start, noProof);
        });
  }
}
