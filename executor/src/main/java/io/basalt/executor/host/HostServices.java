/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

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
   * Real signature verification, no keystore, no offchain capabilities; the trie operations trap
   * until {@link #withTrie} supplies them.
   */
  public static HostServices unconfigured() {
    return new HostServices(
        CryptoProvider.standard(),
        Optional.empty(),
        TrieOperations.unconfigured(),
        Optional.empty(),
        Optional.empty());
  }

  public HostServices withCrypto(CryptoProvider provider) {
    return new HostServices(provider, keystore, trie, offchain, offchainStorage);
  }

  public HostServices withKeystore(Keystore store) {
    return new HostServices(crypto, Optional.of(store), trie, offchain, offchainStorage);
  }

  /**
   * The keystore, or a trap: runtimes may only use keys where the node grants them.
   *
   * @throws HostFunctionException if this call has no keystore
   */
  public Keystore requireKeystore() {
    return keystore.orElseThrow(
        () -> new HostFunctionException("no keystore is associated with this runtime call"));
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
