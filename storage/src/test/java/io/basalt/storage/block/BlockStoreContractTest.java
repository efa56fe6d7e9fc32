/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.StorageException;
import io.basalt.storage.kv.Column;
import io.basalt.storage.kv.KeyValueStore;
import io.basalt.storage.kv.WriteBatch;
import io.basalt.storage.trie.MerkleTrie;
import io.basalt.storage.trie.StateCommit;
import io.basalt.storage.trie.StateTrie;
import io.basalt.storage.trie.TrieNodeStore;
import io.basalt.storage.trie.TrieRoot;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Block store behaviour over every key-value store. */
public abstract class BlockStoreContractTest {
  protected KeyValueStore kv;
  protected BlockStore blocks;

  /** A fresh, empty store. */
  protected abstract KeyValueStore createStore();

  /** Closes and reopens the same store (for persistent implementations), or returns it. */
  protected abstract KeyValueStore reopen(KeyValueStore store);

  @BeforeEach
  void open() {
    kv = createStore();
    blocks = BlockStore.open(kv);
  }

  @AfterEach
  void close() {
    kv.close();
  }

  private static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static Header header(Hash256 parent, long number, Hash256 stateRoot) {
    return new Header(
        parent,
        number,
        stateRoot,
        TrieRoot.EMPTY,
        List.of(new DigestItem.PreRuntime(EngineId.AURA, Bytes.of((byte) number))));
  }

  @Test
  void freshStoreHasNoChain() {
    assertThat(blocks.genesisHash()).isEmpty();
    assertThat(blocks.best()).isEmpty();
    assertThat(blocks.finalized()).isEmpty();
    assertThat(blocks.canonicalHash(0)).isEmpty();
    assertThat(blocks.header(Hash256.ZERO)).isEmpty();
    assertThat(blocks.body(Hash256.ZERO)).isEmpty();
    assertThat(blocks.justifications(Hash256.ZERO)).isEmpty();
  }

  @Test
  void genesisIsCommittedAtomicallyWithItsState() {
    NavigableMap<Bytes, Bytes> top = new TreeMap<>();
    top.put(ascii(":code"), Bytes.wrap(new byte[64]));
    top.put(ascii("answer"), ascii("42"));
    StateCommit state = StateTrie.build(top, Map.of(), StateVersion.V1);
    Header genesis = new Header(Hash256.ZERO, 0, state.root(), TrieRoot.EMPTY, List.of());
    Hash256 hash = genesis.hash();
    try (BlockStore.Transaction tx = blocks.transaction()) {
      tx.putTrieNodes(state.toTrieCommit())
          .putHeader(genesis)
          .putBody(hash, List.of())
          .setCanonical(0, hash)
          .setGenesis(hash)
          .setBest(new BlockRef(hash, 0))
          .setFinalized(new BlockRef(hash, 0));
      tx.commit();
    }
    kv = reopen(kv);
    blocks = BlockStore.open(kv);
    assertThat(blocks.genesisHash()).contains(hash);
    assertThat(blocks.header(hash)).contains(genesis);
    assertThat(blocks.hasHeader(hash)).isTrue();
    assertThat(blocks.body(hash)).contains(List.of());
    assertThat(blocks.canonicalHash(0)).contains(hash);
    assertThat(blocks.best()).contains(new BlockRef(hash, 0));
    assertThat(blocks.finalized()).contains(new BlockRef(hash, 0));
    MerkleTrie trie = new MerkleTrie(new TrieNodeStore(kv));
    assertThat(trie.get(genesis.stateRoot(), ascii("answer"))).contains(ascii("42"));
    assertThat(trie.get(genesis.stateRoot(), ascii(":code"))).contains(Bytes.wrap(new byte[64]));
  }

  @Test
  void storesBodiesJustificationsAndTheCanonicalChain() {
    Header g = header(Hash256.ZERO, 0, TrieRoot.EMPTY);
    Header b1 = header(g.hash(), 1, TrieRoot.EMPTY);
    List<Bytes> body = List.of(Bytes.fromHex("0x0402"), Bytes.fromHex("0x"));
    List<Justification> justifications =
        List.of(new Justification(EngineId.GRANDPA, Bytes.fromHex("0xdead")));
    try (BlockStore.Transaction tx = blocks.transaction()) {
      tx.putHeader(g)
          .putHeader(b1)
          .putBody(b1.hash(), body)
          .putJustifications(b1.hash(), justifications)
          .setCanonical(0, g.hash())
          .setCanonical(1, b1.hash())
          .setBest(new BlockRef(b1.hash(), 1));
      tx.commit();
    }
    assertThat(blocks.body(b1.hash())).contains(body);
    assertThat(blocks.justifications(b1.hash())).contains(justifications);
    assertThat(blocks.canonicalHash(1)).contains(b1.hash());
    assertThat(blocks.best()).contains(new BlockRef(b1.hash(), 1));
    try (BlockStore.Transaction tx = blocks.transaction()) {
      tx.removeCanonical(1).setBest(new BlockRef(g.hash(), 0));
      tx.commit();
    }
    assertThat(blocks.canonicalHash(1)).isEmpty();
    assertThat(blocks.header(b1.hash())).contains(b1);
  }

  @Test
  void leavesAreTheBestBlockUntilRecordedThenWhatWasRecorded() {
    Header g = header(Hash256.ZERO, 0, TrieRoot.EMPTY);
    Header a = header(g.hash(), 1, TrieRoot.EMPTY);
    Header b = header(g.hash(), 1, Hash256.wrap(new byte[32]));
    assertThat(blocks.leaves()).isEmpty();
    try (BlockStore.Transaction tx = blocks.transaction()) {
      tx.putHeader(g).setBest(new BlockRef(g.hash(), 0)).commit();
    }
    // A database from before leaves were recorded: its best block is its only leaf.
    assertThat(blocks.leaves()).containsExactly(new BlockRef(g.hash(), 0));
    List<BlockRef> two = List.of(new BlockRef(a.hash(), 1), new BlockRef(b.hash(), 1));
    try (BlockStore.Transaction tx = blocks.transaction()) {
      tx.putHeader(a).putHeader(b).setLeaves(two).setBest(two.get(0)).commit();
    }
    assertThat(blocks.leaves()).isEqualTo(two);
    kv = reopen(kv);
    blocks = BlockStore.open(kv);
    assertThat(blocks.leaves()).isEqualTo(two);
  }

  @Test
  void uncommittedTransactionLeavesNoTrace() {
    Header g = header(Hash256.ZERO, 0, TrieRoot.EMPTY);
    BlockStore.Transaction tx = blocks.transaction();
    tx.putHeader(g)
        .setGenesis(g.hash())
        .setCanonical(0, g.hash())
        .setBest(new BlockRef(g.hash(), 0));
    // The process dies before commit: the store is closed and reopened.
    kv = reopen(kv);
    tx.close();
    blocks = BlockStore.open(kv);
    assertThat(blocks.header(g.hash())).isEmpty();
    assertThat(blocks.genesisHash()).isEmpty();
    assertThat(blocks.canonicalHash(0)).isEmpty();
    assertThat(blocks.best()).isEmpty();
  }

  @Test
  void offchainWritesCommitWithTheBlock() {
    Header g = header(Hash256.ZERO, 0, TrieRoot.EMPTY);
    kv.newBatch().put(Column.OFFCHAIN, ascii("storageold"), ascii("x")).commit();
    try (BlockStore.Transaction tx = blocks.transaction()) {
      tx.putHeader(g)
          .putOffchain(ascii("storagek"), java.util.Optional.of(ascii("v")))
          .putOffchain(ascii("storageold"), java.util.Optional.empty());
      assertThat(kv.get(Column.OFFCHAIN, ascii("storagek"))).isEmpty();
      tx.commit();
    }
    assertThat(kv.get(Column.OFFCHAIN, ascii("storagek"))).contains(ascii("v"));
    assertThat(kv.get(Column.OFFCHAIN, ascii("storageold"))).isEmpty();
  }

  @Test
  void auxRecordsCommitWithTheBlock() {
    Header g = header(Hash256.ZERO, 0, TrieRoot.EMPTY);
    kv.newBatch().put(Column.AUX, ascii("babe:old"), ascii("x")).commit();
    try (BlockStore.Transaction tx = blocks.transaction()) {
      tx.putHeader(g)
          .putAux(ascii("babe:epoch"), java.util.Optional.of(ascii("e1")))
          .putAux(ascii("babe:old"), java.util.Optional.empty());
      assertThat(blocks.aux(ascii("babe:epoch"))).isEmpty();
      tx.commit();
    }
    assertThat(blocks.aux(ascii("babe:epoch"))).contains(ascii("e1"));
    assertThat(blocks.aux(ascii("babe:old"))).isEmpty();
  }

  @Test
  void transactionAbandonedByAnExceptionLeavesNoTrace() {
    Header g = header(Hash256.ZERO, 0, TrieRoot.EMPTY);
    assertThatThrownBy(
            () -> {
              try (BlockStore.Transaction tx = blocks.transaction()) {
                tx.putHeader(g).setGenesis(g.hash());
                throw new IllegalStateException("state root mismatch");
              }
            })
        .hasMessage("state root mismatch");
    assertThat(blocks.header(g.hash())).isEmpty();
    assertThat(blocks.genesisHash()).isEmpty();
  }

  @Test
  void refusesADatabaseWithAnotherSchemaVersion() {
    try (WriteBatch batch = kv.newBatch()) {
      batch.put(Column.META, BlockStore.KEY_SCHEMA_VERSION, Bytes.fromHex("0x07000000"));
      batch.commit();
    }
    assertThatThrownBy(() -> BlockStore.open(kv))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("schema version 7 is not supported")
        .hasMessageContaining("reads version " + BlockStore.SCHEMA_VERSION)
        .satisfies(e -> assertThat(((StorageException) e).unrecoverable()).isTrue());
  }

  @Test
  void refusesBlocksWithoutASchemaVersion() {
    try (WriteBatch batch = kv.newBatch()) {
      batch.delete(Column.META, BlockStore.KEY_SCHEMA_VERSION);
      batch.put(Column.HEADERS, Bytes.wrap(new byte[32]), Bytes.fromHex("0x00"));
      batch.commit();
    }
    assertThatThrownBy(() -> BlockStore.open(kv))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("no schema version");
  }

  @Test
  void writesTheSchemaVersionIntoAFreshDatabase() {
    assertThat(kv.get(Column.META, BlockStore.KEY_SCHEMA_VERSION))
        .contains(Bytes.fromHex("0x01000000"));
    assertThat(BlockStore.open(kv).genesisHash()).isEmpty();
  }

  @Test
  void damagedRecordsAreReportedAsUnrecoverable() {
    try (WriteBatch batch = kv.newBatch()) {
      batch.put(Column.META, BlockStore.KEY_BEST, Bytes.fromHex("0x0102"));
      batch.commit();
    }
    assertThatThrownBy(() -> blocks.best())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("stored best block is damaged")
        .satisfies(e -> assertThat(((StorageException) e).unrecoverable()).isTrue());
  }

  @Test
  void canonicalKeysIterateInHeightOrder() {
    assertThat(BlockStore.numberKey(1).compareTo(BlockStore.numberKey(256))).isNegative();
    assertThat(BlockStore.numberKey(256)).isEqualTo(Bytes.fromHex("0x0000000000000100"));
  }
}
