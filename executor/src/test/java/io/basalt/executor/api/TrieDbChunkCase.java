/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.testsupport.TrieDbChunkProof;
import java.util.Collections;
import java.util.List;

/**
 * trie-db's compact proof of a transaction-storage chunk ({@link TrieDbChunkProof}) as the verifier
 * takes it. The root is the one the chunks make ({@link StorageTrieOperations#orderedRoot}), not
 * one read from the proof.
 *
 * @param root the V1 BLAKE2b-256 root of the chunk trie
 * @param key the proven chunk's key
 * @param chunk the proven chunk
 * @param proof the proof's nodes in trie-db's order
 */
public record TrieDbChunkCase(Hash256 root, Bytes key, Bytes chunk, List<Bytes> proof) {
  public TrieDbChunkCase {
    proof = List.copyOf(proof);
  }

  /** polkadot-sdk's transaction-storage benchmark proof. */
  public static TrieDbChunkCase transactionStorageBenchmark() {
    TrieDbChunkProof vector = TrieDbChunkProof.TRANSACTION_STORAGE_BENCHMARK;
    Bytes chunk = Bytes.wrap(new byte[TrieDbChunkProof.CHUNK_SIZE]);
    Hash256 root =
        StorageTrieOperations.INSTANCE.orderedRoot(
            Collections.nCopies(vector.chunkCount(), chunk),
            StateVersion.V1,
            TrieOperations.Hasher.BLAKE2_256);
    return new TrieDbChunkCase(
        root,
        Bytes.fromHex(vector.key()),
        chunk,
        vector.nodes().stream().map(Bytes::fromHex).toList());
  }
}
