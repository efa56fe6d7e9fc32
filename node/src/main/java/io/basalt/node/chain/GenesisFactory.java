/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.Genesis;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.trie.StateCommit;
import io.basalt.storage.trie.StateTrie;
import io.basalt.storage.trie.TrieRoot;
import java.util.List;
import java.util.Optional;

/** Builds a chain's genesis storage, state and block from its spec, exactly as Substrate does. */
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
   * Builds the genesis block and state of a chain spec. The state version comes from the genesis
   * runtime's embedded version (V0 when it has none: such runtimes predate state V1).
   *
   * @throws InvalidConfigurationException if the spec has no usable genesis runtime or storage
   */
  public static GenesisBlock build(ChainSpec spec) {
    Genesis.Raw raw = rawStorage(spec);
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
    StateVersion stateVersion = version.map(RuntimeVersion::stateVersion).orElse(StateVersion.V0);
    StateCommit state = StateTrie.build(raw.top(), raw.childrenDefault(), stateVersion);
    Header header =
        new Header(
            Hash256.ZERO, 0, state.root(), TrieRoot.ordered(List.of(), StateVersion.V0), List.of());
    return new GenesisBlock(header, state, version);
  }

  /**
   * The raw genesis storage of a spec.
   *
   * @throws InvalidConfigurationException if the spec's genesis cannot be turned into storage here
   */
  public static Genesis.Raw rawStorage(ChainSpec spec) {
    return switch (spec.genesis()) {
      case Genesis.Raw raw -> raw;
      case Genesis.RuntimeGenesis plain ->
          throw new InvalidConfigurationException(
              "plain chain spec (genesis.runtimeGenesis) needs GenesisBuilder support, which this"
                  + " build does not have yet; use a raw chain spec (`build-spec --raw` output)");
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
