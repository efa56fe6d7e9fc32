/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.light;

import io.basalt.network.codec.Decoding;
import io.basalt.network.codec.ProtoReader;
import io.basalt.network.codec.ProtoWriter;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import java.util.List;
import java.util.Optional;

/**
 * A light client response: the protobuf {@code Response} whose {@code response} oneof holds a
 * {@link RemoteCallResponse} (field 1) or a {@link RemoteReadResponse} (field 2), each with an
 * optional {@code proof = 2}. The proof bytes are a SCALE {@code StorageProof} ({@code
 * Vec<Vec<u8>>} of trie nodes); a missing proof means the peer could not answer (e.g. the block is
 * pruned).
 */
public sealed interface LightResponse permits RemoteCallResponse, RemoteReadResponse {

  /** The SCALE-encoded storage proof, if the peer answered. */
  Optional<Bytes> proof();

  /**
   * The proof's trie nodes, empty when there is no proof.
   *
   * @throws FrameException if the proof bytes are not a SCALE {@code Vec<Vec<u8>>}
   */
  default List<Bytes> proofNodes() {
    return proof().map(StorageProofs::decode).orElse(List.of());
  }

  /** The protobuf {@code Response} carrying this response. */
  default byte[] encode() {
    ProtoWriter inner = new ProtoWriter();
    proof().ifPresent(p -> inner.bytes(2, p));
    int field =
        switch (this) {
          case RemoteCallResponse call -> 1;
          case RemoteReadResponse read -> 2;
        };
    return new ProtoWriter().bytes(field, inner.toByteArray()).toByteArray();
  }

  /**
   * Decodes a protobuf {@code Response}.
   *
   * @throws FrameException if it is malformed or holds neither response
   */
  static LightResponse decode(byte[] bytes) {
    return Decoding.protobuf(
        bytes,
        "light Response",
        r -> {
          LightResponse response = null;
          for (int field; (field = r.next()) != 0; ) {
            switch (field) {
              case 1 -> response = new RemoteCallResponse(proof(r.bytes(), "RemoteCallResponse"));
              case 2 -> response = new RemoteReadResponse(proof(r.bytes(), "RemoteReadResponse"));
              default -> r.skip();
            }
          }
          if (response == null) {
            throw r.fail("neither a call nor a read response");
          }
          return response;
        });
  }

  private static Optional<Bytes> proof(Bytes bytes, String message) {
    ProtoReader r = new ProtoReader(bytes.unsafeArray(), message);
    Optional<Bytes> proof = Optional.empty();
    for (int field; (field = r.next()) != 0; ) {
      if (field == 2) {
        proof = Optional.of(r.bytes());
      } else {
        r.skip();
      }
    }
    return proof;
  }
}
