/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.Genesis;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.runtime.RuntimeGenesisBuilder;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.trie.StateCommit;
import io.basalt.storage.trie.StateTrie;
import io.basalt.storage.trie.TrieRoot;
import java.util.List;
import java.util.Optional;

/**
 * Builds a chain's genesis storage, state and block from its spec, exactly as Substrate does.
 *
 * <p>Raw specs carry the storage; plain specs ({@code genesis.runtimeGenesis}) have it built by
 * their runtime's {@code GenesisBuilder} API ({@link RuntimeGenesisBuilder}). Child tries are built
 * first and their roots inserted under {@code :child_storage:default:}; the top trie root becomes
 * the genesis header's state root; the extrinsics root is the empty trie's.
 *
 * <p><b>State version.</b> The genesis trie layout is the genesis runtime's state version, read
 * from the {@code runtime_version} custom section embedded in {@code :code}. A runtime without that
 * section is taken to use V0 without executing it: the section and {@code Core} API version 4
 * (which added {@code state_version} to {@code RuntimeVersion}) arrived in Substrate together, so a
 * runtime that predates the section also predates state V1 and cannot ask for it. Calling {@code
 * Core_version} instead would compile the runtime only to learn "V0", costing seconds on every
 * start for the 2019-2021 chains (Kusama, Westend) this rule covers.
 *
 * <pre>{@code
 * GenesisBlock genesis = GenesisFactory.build(spec, new RuntimeGenesisBuilder(runtimes));
 * db.initialize(genesis);
 * }</pre>
 */
public final class GenesisFactory {
  private GenesisFactory() {}

  /**
   * The genesis block of a chain and the state it commits.
   *
   * @param header the genesis header (parent zero, number 0, empty digest)
   * @param state the genesis state: root and every trie node of the top and child tries
   * @param runtimeVersion the genesis runtime's version, if its code embeds one
   */
  public record GenesisBlock(
      Header header, StateCommit state, Optional<RuntimeVersion> runtimeVersion) {
    public Hash256 hash() {
      return header.hash();
    }
  }

  /**
   * Builds the genesis block and state of a chain spec; a plain spec's storage is built first by
   * its runtime ({@link RuntimeGenesisBuilder}).
   *
   * @throws InvalidConfigurationException if the spec has no usable genesis runtime or storage
   */
  public static GenesisBlock build(ChainSpec spec, RuntimeGenesisBuilder builder) {
    Genesis.Raw raw = rawStorage(spec, builder);
    Bytes code =
        raw.code()
            .orElseThrow(
                () ->
                    new InvalidConfigurationException(
                        "the chain spec's genesis has no runtime: `:code` (0x3a636f6465) is missing"
                            + " from genesis.raw.top"));
    RuntimeBlob blob;
    try {
      blob = RuntimeBlob.parse(code);
    } catch (InvalidRuntimeCodeException e) {
      throw new InvalidConfigurationException("genesis `:code` is unusable: " + e.getMessage(), e);
    }
    Optional<RuntimeVersion> version = blob.embeddedVersion();
    StateVersion stateVersion = stateVersion(version);
    StateCommit state = StateTrie.build(raw.top(), raw.childrenDefault(), stateVersion);
    Header header =
        new Header(
            Hash256.ZERO, 0, state.root(), TrieRoot.ordered(List.of(), StateVersion.V0), List.of());
    return new GenesisBlock(header, state, version);
  }

  /**
   * The trie layout of the genesis state: the embedded version's, else V0 (see the class
   * description). The runtime is never executed for this.
   */
  static StateVersion stateVersion(Optional<RuntimeVersion> embedded) {
    return embedded.map(RuntimeVersion::stateVersion).orElse(StateVersion.V0);
  }

  /**
   * The raw genesis storage of a spec: a raw spec's own, or what a plain spec's runtime builds.
   *
   * @throws InvalidConfigurationException if the spec's genesis cannot be turned into storage
   */
  public static Genesis.Raw rawStorage(ChainSpec spec, RuntimeGenesisBuilder builder) {
    return switch (spec.genesis()) {
      case Genesis.Raw raw -> raw;
      case Genesis.RuntimeGenesis plain -> builder.build(plain);
      case Genesis.LegacyRuntime legacy ->
          throw new InvalidConfigurationException(
              "genesis.runtime holds a native GenesisConfig that only the node it was written for"
                  + " can build; use a raw chain spec");
      case Genesis.StateRootHash root ->
          throw new InvalidConfigurationException(
              "the chain spec only carries the genesis state root ("
                  + root.stateRoot()
                  + "), not the genesis state; use a raw chain spec");
    };
  }
}
