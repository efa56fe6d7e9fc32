/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.ChainSpecFixture;
import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;
import io.basalt.primitives.types.StateVersion;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Known answers for the test-scope reference trie used as the backend's root computation. */
class ReferenceTrieTest {
  static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void emptyTrieRootIsTheWellKnownHash() {
    assertThat(ReferenceTrie.root(new TreeMap<>(), StateVersion.V0))
        .isEqualTo(StateBackend.EMPTY_TRIE_ROOT);
    assertThat(ReferenceTrie.root(new TreeMap<>(), StateVersion.V1))
        .isEqualTo(StateBackend.EMPTY_TRIE_ROOT);
  }

  @Test
  void threeKeyVectorMatchesGossamerForBothVersions() {
    TreeMap<Bytes, Bytes> m = new TreeMap<>();
    m.put(ascii("key1"), ascii("value1"));
    m.put(ascii("key2"), ascii("value2"));
    m.put(ascii("key3"), ascii("verylargevaluewithmorethan32byteslength"));
    assertThat(ReferenceTrie.root(m, StateVersion.V0))
        .isEqualTo(
            Hash256.fromHex("71052d48704658a8435fb9cbc7ef69c75dad2f64001cb30bfa010f7d609e2657"));
    assertThat(ReferenceTrie.root(m, StateVersion.V1))
        .isEqualTo(
            Hash256.fromHex("6a4a732757263bf2bc4e03a341e3f8ea635f78996ec06a6a965d5097a2911c29"));
  }

  @Test
  void westendGenesisStateRootMatchesTheKnownRoot() {
    ChainSpecFixture spec = ChainSpecFixture.load("chainspecs/westend.json");
    assertThat(ReferenceTrie.root(spec.top(), StateVersion.V0))
        .isEqualTo(
            Hash256.fromHex("7e92439a94f79671f9cade9dff96a094519b9001a7432244d46ab644bb6f746f"));
  }
}
