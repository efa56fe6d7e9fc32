/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.state;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.List;

/**
 * sc-rpc-api's {@code ReadProof}: {@code {"at": hash, "proof": ["0x<node>"…]}}.
 *
 * @param at the block whose state the proof is of
 * @param proof the trie nodes
 */
record ReadProof(Hash256 at, List<Bytes> proof) {
  ReadProof {
    proof = List.copyOf(proof);
  }
}
