/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.light;

import io.basalt.primitives.bytes.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link RemoteReadRequest}: the read proof, a SCALE {@code StorageProof}.
 *
 * @param proof the encoded proof, empty if the peer could not answer
 */
public record RemoteReadResponse(Optional<Bytes> proof) implements LightResponse {
  public RemoteReadResponse {
    Objects.requireNonNull(proof, "proof");
  }

  /** A response whose proof holds these trie nodes. */
  public static RemoteReadResponse ofProofNodes(List<Bytes> nodes) {
    return new RemoteReadResponse(Optional.of(StorageProofs.encode(nodes)));
  }
}
