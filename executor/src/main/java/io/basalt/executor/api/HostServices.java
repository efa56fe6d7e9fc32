/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

import io.basalt.primitives.crypto.keystore.Keystore;
import java.util.Optional;

/**
 * The node-provided seams host functions delegate to: crypto, keystore, trie computations and, in
 * offchain contexts only, the offchain APIs.
 *
 * @param crypto signature verification and key recovery
 * @param keystore the node's keys, if this call may use them (Substrate's keystore extension)
 * @param trie stateless trie roots and proofs
 * @param offchain offchain-worker capabilities; empty outside offchain contexts
 * @param offchainStorage the offchain database; empty where not granted
 */
public record HostServices(
    CryptoProvider crypto,
    Optional<Keystore> keystore,
    TrieOperations trie,
    Optional<OffchainContext> offchain,
    Optional<OffchainStorage> offchainStorage) {

  /**
   * Real signature verification and trie operations, no keystore, no offchain capabilities: what
   * block import grants.
   */
  public static HostServices standard() {
    return new HostServices(
        CryptoProvider.standard(),
        Optional.empty(),
        StorageTrieOperations.INSTANCE,
        Optional.empty(),
        Optional.empty());
  }

  public HostServices withCrypto(CryptoProvider provider) {
    return new HostServices(provider, keystore, trie, offchain, offchainStorage);
  }

  public HostServices withKeystore(Keystore store) {
    return new HostServices(crypto, Optional.of(store), trie, offchain, offchainStorage);
  }

  public HostServices withTrie(TrieOperations operations) {
    return new HostServices(crypto, keystore, operations, offchain, offchainStorage);
  }

  /** Grants offchain capabilities (offchain worker calls). */
  public HostServices withOffchain(OffchainContext context, OffchainStorage storage) {
    return new HostServices(crypto, keystore, trie, Optional.of(context), Optional.of(storage));
  }

  /** Grants the offchain database only. */
  public HostServices withOffchainStorage(OffchainStorage storage) {
    return new HostServices(crypto, keystore, trie, offchain, Optional.of(storage));
  }
}
