/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.light;

import io.basalt.primitives.bytes.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link RemoteCallRequest}: the execution proof, a SCALE {@code StorageProof}.
 *
 * @param proof the encoded proof, empty if the peer could not answer
 */
public record RemoteCallResponse(Optional<Bytes> proof) implements LightResponse {
  public RemoteCallResponse {
    Objects.requireNonNull(proof, "proof");
  }

  /** A response whose proof holds these trie nodes. */
  public static RemoteCallResponse ofProofNodes(List<Bytes> nodes) {
    return new RemoteCallResponse(Optional.of(StorageProofs.encode(nodes)));
  }
}
