/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.block.BlockRef;
import io.basalt.storage.trie.StateCommit;
import io.basalt.storage.trie.StateTrie;
import io.basalt.storage.trie.TrieRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fork choice, re-organisations, leaves and finality on a real RocksDB database. */
class BlockchainTest {
  @TempDir Path dir;
  private ChainDatabase db;
  private Blockchain chain;
  private Header genesis;
  private final List<ChainEvent> events = new ArrayList<>();

  @BeforeEach
  void open() {
    StateCommit state = StateTrie.build(new TreeMap<>(), Map.of(), StateVersion.V0);
    genesis = new Header(Hash256.ZERO, 0, state.root(), TrieRoot.EMPTY, List.of());
    db = ChainDatabase.open(dir.resolve("db"));
    db.initialize(new GenesisFactory.GenesisBlock(genesis, state, Optional.empty()));
    chain = new Blockchain(db);
    chain.addListener(events::add);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** A child of {@code parent}; {@code fork} tells siblings apart. */
  private static Header child(Header parent, int fork) {
    return new Header(
        parent.hash(),
        parent.number() + 1,
        parent.stateRoot(),
        TrieRoot.EMPTY,
        List.of(new DigestItem.PreRuntime(EngineId.of("fork"), Bytes.of((byte) fork))));
  }

  private Header add(Header header) {
    chain.commit(header, tx -> tx.putBody(header.hash(), List.of()), BlockOrigin.OWN);
    return header;
  }

  private static BlockRef ref(Header h) {
    return new BlockRef(h.hash(), h.number());
  }

  @Test
  void theLongestChainIsBestAndATieKeepsTheFirstSeen() {
    Header a1 = add(child(genesis, 1));
    Header b1 = add(child(genesis, 2));
    assertThat(chain.best()).isEqualTo(ref(a1));
    assertThat(chain.leaves()).containsExactlyInAnyOrder(ref(a1), ref(b1));
    assertThat(((ChainEvent.BlockImported) events.get(1)).isNewBest()).isFalse();
    Header b2 = add(child(b1, 2));
    assertThat(chain.best()).isEqualTo(ref(b2));
    assertThat(chain.leaves()).containsExactly(ref(b2), ref(a1));
  }

  @Test
  void aLongerForkReorganisesTheCanonicalChain() {
    Header a1 = add(child(genesis, 1));
    Header a2 = add(child(a1, 1));
    Header a3 = add(child(a2, 1));
    Header b2 = add(child(a1, 2));
    Header b3 = add(child(b2, 2));
    assertThat(chain.best()).isEqualTo(ref(a3));
    Header b4 = add(child(b3, 2));
    ChainEvent.BlockImported reorg = (ChainEvent.BlockImported) events.get(events.size() - 1);
    TreeRoute route = reorg.bestRoute().orElseThrow();
    assertThat(route.retracted()).containsExactly(ref(a3), ref(a2));
    assertThat(route.common()).isEqualTo(ref(a1));
    assertThat(route.enacted()).containsExactly(ref(b2), ref(b3), ref(b4));
    assertThat(chain.canonicalHash(2)).contains(b2.hash());
    assertThat(chain.canonicalHash(3)).contains(b3.hash());
    assertThat(chain.canonicalHash(4)).contains(b4.hash());
    // Survives a restart.
    db.close();
    db = ChainDatabase.open(dir.resolve("db"));
    chain = new Blockchain(db);
    assertThat(chain.best()).isEqualTo(ref(b4));
    assertThat(chain.leaves()).containsExactly(ref(b4), ref(a3));
  }

  @Test
  void finalizationOnlyMovesForwardAndDropsTheLeavesItOrphans() {
    Header a1 = add(child(genesis, 1));
    Header a2 = add(child(a1, 1));
    Header b1 = add(child(genesis, 2));
    Header c2 = add(child(a1, 3));
    ChainEvent.Finalized f = chain.finalize(a1.hash(), Optional.empty()).orElseThrow();
    assertThat(f.newlyFinalized()).containsExactly(ref(a1));
    assertThat(f.displacedLeaves()).containsExactly(ref(b1));
    assertThat(chain.leaves()).containsExactlyInAnyOrder(ref(a2), ref(c2));
    assertThat(chain.finalized()).isEqualTo(ref(a1));
    assertThat(chain.finalize(a1.hash(), Optional.empty())).isEmpty();
    assertThatThrownBy(() -> chain.finalize(genesis.hash(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a descendant of the finalized block #1");
    assertThatThrownBy(() -> chain.finalize(b1.hash(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(chain.finalized()).isEqualTo(ref(a1));
  }

  @Test
  void finalizingAnotherForkMovesTheBestBlockThere() {
    Header a1 = add(child(genesis, 1));
    Header a2 = add(child(a1, 1));
    Header a3 = add(child(a2, 1));
    Header b1 = add(child(genesis, 2));
    Header b2 = add(child(b1, 2));
    assertThat(chain.best()).isEqualTo(ref(a3));
    ChainEvent.Finalized f = chain.finalize(b1.hash(), Optional.empty()).orElseThrow();
    assertThat(chain.best()).isEqualTo(ref(b2));
    assertThat(f.bestRoute().orElseThrow().retracted()).containsExactly(ref(a3), ref(a2), ref(a1));
    assertThat(f.displacedLeaves()).containsExactly(ref(a3));
    assertThat(chain.canonicalHash(1)).contains(b1.hash());
    assertThat(chain.canonicalHash(2)).contains(b2.hash());
    assertThat(chain.canonicalHash(3)).isEmpty();
    assertThat(chain.leaves()).containsExactly(ref(b2));
  }

  @Test
  void treeRoutesGoThroughTheCommonAncestor() {
    Header a1 = add(child(genesis, 1));
    Header a2 = add(child(a1, 1));
    Header b1 = add(child(genesis, 2));
    TreeRoute route = chain.treeRoute(a2.hash(), b1.hash());
    assertThat(route.retracted()).containsExactly(ref(a2), ref(a1));
    assertThat(route.common()).isEqualTo(ref(genesis));
    assertThat(route.enacted()).containsExactly(ref(b1));
    assertThat(chain.treeRoute(a1.hash(), a2.hash()).isLinear()).isTrue();
    assertThat(chain.isDescendantOf(a2.hash(), ref(a1))).isTrue();
    assertThat(chain.isDescendantOf(b1.hash(), ref(a1))).isFalse();
  }

  @Test
  void aBlockWithAnUnknownParentOrTwiceIsRefused() {
    Header a1 = add(child(genesis, 1));
    assertThatThrownBy(() -> add(a1)).isInstanceOf(IllegalStateException.class);
    Header orphan = child(child(a1, 9), 9);
    assertThatThrownBy(() -> add(orphan)).isInstanceOf(IllegalStateException.class);
    assertThat(chain.leaves()).containsExactly(ref(a1));
  }

  @Test
  void settingTheBestBlockBackRevertsFinalityAndTheNextBlockBuildsThere() {
    Header a1 = add(child(genesis, 1));
    Header a2 = add(child(a1, 1));
    Header a3 = add(child(a2, 1));
    chain.finalize(a3.hash(), Optional.empty());
    events.clear();

    ChainEvent.BestBlockSet set = chain.setBest(a1.hash()).orElseThrow();
    assertThat(set.bestRoute().retracted()).containsExactly(ref(a3), ref(a2));
    assertThat(set.bestRoute().enacted()).isEmpty();
    assertThat(set.finalityRevertedTo()).contains(ref(a1));
    assertThat(events).containsExactly(set);
    assertThat(chain.best()).isEqualTo(ref(a1));
    assertThat(chain.finalized()).isEqualTo(ref(a1));
    assertThat(chain.canonicalHash(1)).contains(a1.hash());
    assertThat(chain.canonicalHash(2)).isEmpty();
    assertThat(chain.leaves()).containsExactly(ref(a3)); // a1 has a child: not a leaf
    assertThat(chain.setBest(a1.hash())).isEmpty();

    Header b2 = add(child(a1, 2));
    assertThat(chain.best()).isEqualTo(ref(b2));
    assertThat(chain.canonicalHash(2)).contains(b2.hash());
    assertThat(chain.leaves()).containsExactly(ref(a3), ref(b2));

    // The same, as a restart reads it back from the database.
    db.close();
    db = ChainDatabase.open(dir.resolve("db"));
    chain = new Blockchain(db);
    assertThat(chain.best()).isEqualTo(ref(b2));
    assertThat(chain.finalized()).isEqualTo(ref(a1));
    assertThat(chain.canonicalHash(3)).isEmpty();
    assertThat(chain.leaves()).containsExactly(ref(a3), ref(b2));
  }

  @Test
  void settingTheBestBlockToADisplacedForkMakesItALeafAgain() {
    Header a1 = add(child(genesis, 1));
    Header b1 = add(child(genesis, 2));
    Header b2 = add(child(b1, 2));
    Header a2 = add(child(a1, 1));
    Header a3 = add(child(a2, 1));
    chain.finalize(a3.hash(), Optional.empty());
    assertThat(chain.leaves()).containsExactly(ref(a3));

    ChainEvent.BestBlockSet set = chain.setBest(b2.hash()).orElseThrow();
    assertThat(set.bestRoute().retracted()).containsExactly(ref(a3), ref(a2), ref(a1));
    assertThat(set.bestRoute().enacted()).containsExactly(ref(b1), ref(b2));
    assertThat(set.finalityRevertedTo()).contains(ref(genesis));
    assertThat(chain.leaves()).containsExactly(ref(a3), ref(b2));
    assertThat(chain.canonicalHash(1)).contains(b1.hash());
    assertThat(chain.canonicalHash(2)).contains(b2.hash());
    assertThat(chain.canonicalHash(3)).isEmpty();

    // Forward again to a block built on the finalized one: finality stays where it is.
    ChainEvent.BestBlockSet forward = chain.setBest(a3.hash()).orElseThrow();
    assertThat(forward.finalityRevertedTo()).isEmpty();
    assertThat(chain.finalized()).isEqualTo(ref(genesis));
    assertThat(chain.canonicalHash(3)).contains(a3.hash());
    assertThatThrownBy(() -> chain.setBest(child(a3, 9).hash()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown block");
  }
}
