/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import io.basalt.executor.host.HostFunctionException;
import io.basalt.executor.host.TrieOperations;
import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.trie.TrieRoot;
import java.util.List;
import java.util.TreeMap;

/** {@code ext_trie_*} roots through the storage module's {@link TrieRoot} (no proofs). */
final class TrieRootOperations implements TrieOperations {
  @Override
  public Hash256 root(List<Entry> entries, StateVersion version, Hasher hasher) {
    if (hasher != Hasher.BLAKE2_256) {
      throw new HostFunctionException("only blake2-256 tries are supported in these tests");
    }
    TreeMap<Bytes, Bytes> map = new TreeMap<>();
    entries.forEach(e -> map.put(e.key(), e.value()));
    return TrieRoot.of(map, version);
  }

  @Override
  public boolean verifyProof(
      Hash256 root,
      List<Bytes> proof,
      Bytes key,
      Bytes value,
      StateVersion version,
      Hasher hasher) {
    throw new HostFunctionException("basalt-demo verifies no trie proofs");
  }
}
