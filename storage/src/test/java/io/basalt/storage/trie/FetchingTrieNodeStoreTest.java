/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.kv.InMemoryKeyValueStore;
import io.basalt.storage.kv.KeyValueStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A {@link TrieNodeStore} that starts empty and fetches what a walk misses, as a forked chain's
 * store does from another node's storage proofs: every read and every root computed over it equal
 * those over the complete trie, each node is fetched once, and wrong answers are never kept.
 */
class FetchingTrieNodeStoreTest {

  /** Serves storage proofs for the key that leads to a path, like {@code state_getReadProof}. */
  private static final class ProofServer implements TrieNodeFetcher {
    final TrieNodeSource complete;
    final Hash256 root;
    final AtomicInteger requests = new AtomicInteger();

    ProofServer(TrieCommit built) {
      this.complete = TrieNodeSource.of(built.nodes());
      this.root = built.root();
    }

    @Override
    public Collection<Bytes> nodesFor(Hash256 hash, Nibbles path) {
      requests.incrementAndGet();
      return TrieProof.generate(complete, root, List.of(path.shortestKeyUnder())).nodes();
    }

    @Override
    public Collection<Bytes> valueFor(Hash256 hash, Bytes key) {
      requests.incrementAndGet();
      return TrieProof.generate(complete, root, List.of(key)).nodes();
    }
  }

  private static NavigableMap<Bytes, Bytes> stateWithLargeValues(Random random) {
    NavigableMap<Bytes, Bytes> map = MerkleTrieTest.randomMap(random, 2_000);
    for (int i = 0; i < 50; i++) {
      byte[] key = new byte[1 + random.nextInt(40)];
      byte[] value = new byte[33 + random.nextInt(200)];
      random.nextBytes(key);
      random.nextBytes(value);
      map.put(Bytes.wrap(key), Bytes.wrap(value));
    }
    return map;
  }

  @Test
  void readsAndRootsOverAFetchingStoreEqualThoseOverTheCompleteTrie() {
    Random random = new Random(15);
    NavigableMap<Bytes, Bytes> map = stateWithLargeValues(random);
    TrieCommit built = TrieBuilder.build(map, StateVersion.V1);
    ProofServer server = new ProofServer(built);
    KeyValueStore kv = new InMemoryKeyValueStore();
    TrieNodeStore local = new TrieNodeStore(kv);
    local.fetchMissingFrom(server);
    MerkleTrie trie = new MerkleTrie(local);

    Bytes some = map.keySet().stream().skip(700).findFirst().orElseThrow();
    assertThat(trie.get(built.root(), some)).contains(map.get(some));
    assertThat(trie.get(built.root(), Bytes.fromHex("0xdeadbeef0001")))
        .isEqualTo(Optional.ofNullable(map.get(Bytes.fromHex("0xdeadbeef0001"))));
    assertThat(trie.nextKey(built.root(), some))
        .isEqualTo(Optional.ofNullable(map.higherKey(some)));
    assertThat(server.requests.get()).isLessThan(built.nodes().size());

    NavigableMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
    NavigableMap<Bytes, Bytes> expected = new TreeMap<>(map);
    for (int i = 0; i < 40; i++) {
      Bytes key = map.keySet().stream().skip(random.nextInt(map.size())).findFirst().orElseThrow();
      if (i % 3 == 0) {
        changes.put(key, Optional.empty());
        expected.remove(key);
      } else {
        Bytes value = Bytes.wrap(new byte[] {(byte) i, 1, 2});
        changes.put(key, Optional.of(value));
        expected.put(key, value);
      }
    }
    TrieCommit next = trie.apply(built.root(), changes, StateVersion.V1);
    assertThat(next.root()).isEqualTo(TrieRoot.of(expected, StateVersion.V1));

    Map<Bytes, Bytes> all =
        trie.entries(built.root(), Bytes.EMPTY)
            .collect(Collectors.toMap(TrieEntry::key, TrieEntry::value));
    assertThat(all).isEqualTo(map);

    int fetched = server.requests.get();
    TrieNodeStore reopened = new TrieNodeStore(kv);
    reopened.fetchMissingFrom(server);
    assertThat(
            new MerkleTrie(reopened)
                .entries(built.root(), Bytes.EMPTY)
                .collect(Collectors.toMap(TrieEntry::key, TrieEntry::value)))
        .isEqualTo(map);
    assertThat(server.requests.get()).as("fetches after everything was kept").isEqualTo(fetched);
  }

  @Test
  void aFetcherThatAnswersWithOtherNodesLeavesTheNodeMissing() {
    TrieCommit built =
        TrieBuilder.build(MerkleTrieTest.randomMap(new Random(3), 300), StateVersion.V0);
    TrieCommit other =
        TrieBuilder.build(MerkleTrieTest.randomMap(new Random(4), 300), StateVersion.V0);
    TrieNodeStore local = new TrieNodeStore(new InMemoryKeyValueStore());
    local.fetchMissingFrom(
        new TrieNodeFetcher() {
          @Override
          public Collection<Bytes> nodesFor(Hash256 hash, Nibbles path) {
            return other.nodes().values();
          }

          @Override
          public Collection<Bytes> valueFor(Hash256 hash, Bytes key) {
            return List.of();
          }
        });
    assertThatThrownBy(() -> new MerkleTrie(local).get(built.root(), Bytes.fromHex("0x01")))
        .isInstanceOf(MissingTrieNodeException.class);
    assertThat(local.contains(built.root())).isFalse();
  }
}
