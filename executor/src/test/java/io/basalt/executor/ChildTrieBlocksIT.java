/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.executor.api.CryptoProvider;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StorageChange;
import io.basalt.executor.state.TrieStateBackend;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.ecdsa.EcdsaVerifyError;
import io.basalt.primitives.scale.Result;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.trie.InMemoryTrieNodes;
import io.basalt.storage.trie.StateCommit;
import io.basalt.storage.trie.StateTrie;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * smoldot's child-trie fixtures: a dev-chain block that creates one or several default child tries,
 * executed with {@code Core_execute_block} on its full parent storage (built into a trie in
 * memory), compiled and interpreted. The runtime checks the resulting state root against the
 * header, and the commit the importer would write must lead to the same root and hold the new child
 * tries.
 *
 * <p>The blocks hold extrinsics signed by //Alice (sr25519), verified by the real crypto provider;
 * a counting wrapper proves the signatures were actually checked.
 */
class ChildTrieBlocksIT {
  static Stream<Arguments> fixtures() {
    return Stream.of("blocks/child-trie-create-one.json", "blocks/child-trie-create-multiple.json")
        .flatMap(f -> Stream.of(WasmExecutionMethod.values()).map(m -> Arguments.of(f, m)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("fixtures")
  void blockExecutesOnItsParentStorage(String fixture, WasmExecutionMethod method)
      throws IOException {
    JsonNode json = new ObjectMapper().readTree(Fixtures.file(fixture).toFile());
    NavigableMap<Bytes, Bytes> top = map(json.get("parentStorage").get("mainTrie"));
    Map<Bytes, NavigableMap<Bytes, Bytes>> children = new TreeMap<>();
    for (Map.Entry<String, JsonNode> child :
        json.get("parentStorage").get("childTries").properties()) {
      children.put(Bytes.fromHex(child.getKey()), map(child.getValue()));
    }
    Header header = Header.CODEC.decode(Bytes.fromHex(json.get("block").get("header").asText()));
    List<Bytes> extrinsics = new ArrayList<>();
    for (JsonNode e : json.get("block").get("body")) {
      ScaleReader r = new ScaleReader(Bytes.fromHex(e.asText()));
      extrinsics.add(r.readByteVec());
      r.expectEnd("extrinsic");
    }

    CountingCrypto crypto = new CountingCrypto();
    ExecutorConfig config =
        ExecutorConfig.defaults()
            .withMethod(method)
            .withCompilationCache(Path.of("target", "wasm-cache").toAbsolutePath())
            .withTieredStart(false);
    try (RuntimeExecutor executor =
        new RuntimeExecutor(config, HostServices.standard().withCrypto(crypto))) {
      RuntimeBlob code = RuntimeBlob.parse(top.get(Bytes.fromHex("0x3a636f6465")));
      RuntimeVersion version = executor.version(code);
      StateCommit parentState = StateTrie.build(top, children, version.stateVersion());
      InMemoryTrieNodes nodes = new InMemoryTrieNodes().add(parentState.toTrieCommit());
      TrieStateBackend parent = new TrieStateBackend(nodes, parentState.root());
      OverlayedChanges changes = new OverlayedChanges();
      executor.call(
          code,
          "Core_execute_block",
          Block.CODEC.encode(new Block(header.withoutSeal(), extrinsics)),
          new OverlayedExternalities(changes, parent));

      StateCommit commit = parent.commit(changes, version.stateVersion());
      assertThat(commit.root()).isEqualTo(header.stateRoot());
      assertThat(changes.changedChildTries()).isNotEmpty();
      // The parent's nodes plus the commit's hold the new state, child tries included.
      nodes.add(commit.toTrieCommit());
      TrieStateBackend next = new TrieStateBackend(nodes, commit.root());
      for (Bytes childKey : changes.changedChildTries()) {
        assertThat(next.get(WellKnownKeys.defaultChildRootKey(childKey)))
            .contains(commit.childRoots().get(childKey).toBytes());
        for (StorageChange c : changes.childChanges(childKey)) {
          assertThat(next.childGet(childKey, c.key())).isEqualTo(c.value());
        }
      }
      assertThat(crypto.validSr25519.get()).as("valid sr25519 signatures verified").isPositive();
    }
  }

  private static NavigableMap<Bytes, Bytes> map(JsonNode node) {
    NavigableMap<Bytes, Bytes> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.put(Bytes.fromHex(e.getKey()), Bytes.fromHex(e.getValue().asText()));
    }
    return out;
  }

  /** The real crypto provider, counting the sr25519 signatures it found valid. */
  static final class CountingCrypto implements CryptoProvider {
    private final CryptoProvider real = CryptoProvider.standard();
    final AtomicInteger validSr25519 = new AtomicInteger();

    @Override
    public boolean ed25519Verify(Bytes signature, Bytes message, Bytes publicKey) {
      return real.ed25519Verify(signature, message, publicKey);
    }

    @Override
    public boolean sr25519Verify(
        Bytes signature, Bytes message, Bytes publicKey, boolean allowLegacy) {
      boolean valid = real.sr25519Verify(signature, message, publicKey, allowLegacy);
      if (valid) {
        validSr25519.incrementAndGet();
      }
      return valid;
    }

    @Override
    public boolean ecdsaVerifyPrehashed(
        Bytes signature, Hash256 messageHash, Bytes publicKey, boolean strict) {
      return real.ecdsaVerifyPrehashed(signature, messageHash, publicKey, strict);
    }

    @Override
    public Result<Bytes, EcdsaVerifyError> secp256k1Recover(
        Bytes signature, Hash256 messageHash, boolean compressed, boolean strict) {
      return real.secp256k1Recover(signature, messageHash, compressed, strict);
    }
  }
}
