/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpecParser;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.config.BasePath;
import io.basalt.node.importer.AuxWrite;
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.importer.FixtureBlocks;
import io.basalt.node.importer.TestCaches;
import io.basalt.node.importer.Verdict;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.DevKeys;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.crypto.keystore.Keystore;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.storage.block.BlockRef;
import io.basalt.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GRANDPA on the real node-template-local runtime (Alice and Bob are its voters) and westend-dev
 * (Alice alone), in RocksDB, with real Chicory calls of {@code GrandpaApi_grandpa_authorities}.
 * Blocks are headers committed straight to the chain (no author is needed to test finality), each
 * first passing {@link GrandpaFinality#verify} and storing its aux records as the importer does.
 */
class GrandpaFinalityIT {
  private static final Hash256 EMPTY_TRIE =
      Hash256.fromHex("0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");

  @TempDir Path dir;
  private Runtimes runtimes;
  private ChainDatabase.Opened opened;
  private Blockchain chain;
  private RuntimeCalls calls;
  private final List<GrandpaFinality> started = new ArrayList<>();
  private int salt;

  @AfterEach
  void close() {
    started.forEach(GrandpaFinality::close);
    if (opened != null) {
      opened.close();
    }
    if (runtimes != null) {
      runtimes.close();
    }
  }

  @Test
  void nodeTemplateVotersAreAliceAndBobAndOneKeyIsNotEnough() {
    open("chainspecs/node-template-local.json");
    GrandpaFinality grandpa = grandpa(GrandpaKeys.keystore("Alice"));
    assertThat(grandpa.state().set())
        .isEqualTo(
            new AuthoritySet(
                0,
                List.of(
                    new Authority(GrandpaCodecsTest.ALICE, 1),
                    new Authority(GrandpaCodecsTest.BOB, 1))));
    grandpa.start();
    Header head = genesis();
    for (int i = 0; i < 3; i++) {
      head = add(grandpa, head, List.of(), Optional.empty());
      grandpa.awaitIdle(30);
    }
    assertThat(chain.best().number()).isEqualTo(3);
    assertThat(chain.finalized().number()).isZero();
    assertThat(chain.justifications(head.hash())).isEmpty();
    assertThat(grandpa.status()).contains("waiting for GRANDPA voters: local weight 1 of 2 needed");
  }

  @Test
  void withAliceAndBobTheVoterFinalizesEachBestBlockWithAStoredJustification() {
    open("chainspecs/node-template-local.json");
    GrandpaFinality grandpa = grandpa(GrandpaKeys.keystore("Alice", "Bob"));
    grandpa.start();
    Header head = genesis();
    List<Header> added = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      head = add(grandpa, head, List.of(), Optional.empty());
      added.add(head);
      grandpa.awaitIdle(30);
      assertThat(chain.finalized()).isEqualTo(ref(head));
    }
    assertThat(grandpa.status()).isEmpty();
    for (int n = 1; n <= 3; n++) {
      GrandpaJustification j = storedJustification(added.get(n - 1));
      assertThat(j.round()).isEqualTo(n);
      assertThat(j.commit().precommits())
          .extracting(GrandpaJustification.SignedPrecommit::id)
          .containsExactlyInAnyOrder(GrandpaCodecsTest.ALICE, GrandpaCodecsTest.BOB);
      assertThat(
              JustificationCheck.check(
                  j, grandpa.state().set(), ref(added.get(n - 1)), chain::header))
          .isEmpty();
    }
    assertThat(grandpa.state().round()).isEqualTo(3);
    assertThat(grandpa.state().asOf()).isEqualTo(ref(head));
  }

  @Test
  void aScheduledChangeIsEnactedWhenItsEffectiveBlockIsFinalized() {
    open("chainspecs/node-template-local.json");
    Keystore keystore = GrandpaKeys.keystore("Alice");
    GrandpaFinality grandpa = grandpa(keystore);
    grandpa.start();
    // #2 announces: Bob alone, 2 blocks later (#4). Blocks #1..#7 wait: Alice alone cannot vote.
    ConsensusLog change =
        new ConsensusLog.ScheduledChange(List.of(new Authority(GrandpaCodecsTest.BOB, 1)), 2);
    Header head = genesis();
    List<Header> added = new ArrayList<>();
    for (int n = 1; n <= 7; n++) {
      head = add(grandpa, head, n == 2 ? List.of(change.toDigest()) : List.of(), Optional.empty());
      added.add(head);
    }
    grandpa.awaitIdle(30);
    assertThat(chain.finalized().number()).isZero();
    assertThat(grandpa.state().pending())
        .containsExactly(
            new PendingChange(
                ref(added.get(1)), List.of(new Authority(GrandpaCodecsTest.BOB, 1)), 2, false));
    assertThat(chain.database().blocks().aux(GrandpaFinality.changesKey(added.get(1).hash())))
        .isPresent();

    DevKeys.insert(
        keystore, "Bob", List.of(new DevKeys.KeySpec(KeyTypeId.GRANDPA, KeyScheme.ED25519)));
    // The old set may finalize up to #4 only; then Bob's set finalizes the rest (in this call, or
    // in the round the voter thread runs when it hears #4 finalized).
    assertThat(grandpa.vote()).startsWith(ref(added.get(3)));
    grandpa.awaitIdle(30);
    if (chain.finalized().number() < 7) {
      grandpa.vote();
      grandpa.awaitIdle(30);
    }
    assertThat(chain.finalized()).isEqualTo(ref(added.get(6)));
    GrandpaJustification atChange = storedJustification(added.get(3));
    assertThat(atChange.round()).isEqualTo(1);
    assertThat(atChange.commit().precommits()).hasSize(2);
    GrandpaJustification after = storedJustification(added.get(6));
    assertThat(after.round()).isEqualTo(1);
    assertThat(after.commit().precommits())
        .extracting(GrandpaJustification.SignedPrecommit::id)
        .containsExactly(GrandpaCodecsTest.BOB);
    AuthoritySet bobs = new AuthoritySet(1, List.of(new Authority(GrandpaCodecsTest.BOB, 1)));
    assertThat(JustificationCheck.check(after, bobs, ref(added.get(6)), chain::header)).isEmpty();
    assertThat(grandpa.state().set()).isEqualTo(bobs);
    assertThat(grandpa.state().pending()).isEmpty();

    // A restarted node continues from the stored state.
    GrandpaState before = grandpa.state();
    grandpa.close();
    assertThat(grandpa(keystore).state()).isEqualTo(before);
  }

  @Test
  void aRestartPicksUpChangesRecordedWithBlocksAndFinalityItMissed() {
    open("chainspecs/node-template-local.json");
    Keystore alice = GrandpaKeys.keystore("Alice");
    GrandpaFinality first = grandpa(alice);
    ConsensusLog change =
        new ConsensusLog.ScheduledChange(List.of(new Authority(GrandpaCodecsTest.ALICE, 1)), 1);
    // Not listening: the blocks are stored with their aux records, but this instance's state is
    // not told (as if the node stopped right after storing them).
    Header one = add(first, genesis(), List.of(change.toDigest()), Optional.empty());
    Header two = add(first, one, List.of(), Optional.empty());
    chain.finalize(two.hash(), Optional.empty());
    first.close();
    GrandpaFinality second = grandpa(alice);
    assertThat(second.state().set())
        .isEqualTo(new AuthoritySet(1, List.of(new Authority(GrandpaCodecsTest.ALICE, 1))));
    assertThat(second.state().asOf()).isEqualTo(ref(two));
    assertThat(second.state().pending()).isEmpty();
    // Alice alone is the whole new set: she finalizes the next block.
    second.start();
    Header three = add(second, two, List.of(), Optional.empty());
    second.awaitIdle(30);
    assertThat(chain.finalized()).isEqualTo(ref(three));
    assertThat(storedJustification(three).round()).isEqualTo(1);
  }

  @Test
  void anImportedJustificationFinalizesItsBlockAndABadOneRefusesIt() {
    open("chainspecs/node-template-local.json");
    GrandpaFinality grandpa = grandpa(GrandpaKeys.keystore("Alice"));
    grandpa.start();
    Header one = add(grandpa, genesis(), List.of(), Optional.empty());
    Header two = header(one, List.of());
    GrandpaJustification j =
        GrandpaKeys.justification(
            1,
            0,
            two,
            List.of(),
            List.of(new GrandpaKeys.Signed("Alice", two), new GrandpaKeys.Signed("Bob", two)));
    Verdict verdict = grandpa.verify(signed(two, j.encoded()), one, BlockOrigin.FILE);
    assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
    commit(two, (Verdict.Accepted) verdict, Optional.of(j.encoded()));
    assertThat(chain.finalized()).isEqualTo(ref(two));
    assertThat(storedJustification(two)).isEqualTo(j);

    Header three = header(two, List.of());
    GrandpaJustification good =
        GrandpaKeys.justification(
            2,
            0,
            three,
            List.of(),
            List.of(new GrandpaKeys.Signed("Alice", three), new GrandpaKeys.Signed("Bob", three)));
    byte[] tampered = good.encoded().toArray();
    tampered[tampered.length - 40] ^= 1; // inside Bob's signature
    assertThat(grandpa.verify(signed(three, Bytes.wrap(tampered)), two, BlockOrigin.FILE))
        .isEqualTo(
            Verdict.rejected(
                "GRANDPA justification (round 2, set 0) for #3: bad signature on the precommit of "
                    + GrandpaCodecsTest.BOB.toHex()));
    assertThat(grandpa.verify(signed(three, Bytes.of((byte) 1)), two, BlockOrigin.FILE))
        .isInstanceOf(Verdict.Rejected.class)
        .extracting(v -> ((Verdict.Rejected) v).reason())
        .asString()
        .startsWith("undecodable GRANDPA justification");
  }

  @Test
  void westendDevHasAliceAloneWhoFinalizesByHerself() {
    open("chainspecs/westend-dev.json");
    GrandpaFinality grandpa = grandpa(GrandpaKeys.keystore("Alice"));
    assertThat(grandpa.state().set())
        .isEqualTo(new AuthoritySet(0, List.of(new Authority(GrandpaCodecsTest.ALICE, 1))));
    grandpa.start();
    Header one = add(grandpa, genesis(), List.of(), Optional.empty());
    grandpa.awaitIdle(30);
    assertThat(chain.finalized()).isEqualTo(ref(one));
    assertThat(storedJustification(one).commit().precommits()).hasSize(1);
  }

  @Test
  void westendBlocksImportWithGrandpaVerifyingAndNothingFinalizesWithoutKeys() {
    open("chainspecs/westend.json");
    GrandpaFinality grandpa = grandpa(GrandpaKeys.keystore());
    assertThat(grandpa.state().set().setId()).isZero();
    assertThat(grandpa.state().set().authorities()).isNotEmpty();
    BlockImporter importer = new BlockImporter(chain, runtimes, false);
    importer.addVerifier(grandpa);
    grandpa.start();
    for (SignedBlock block : FixtureBlocks.westend()) {
      assertThat(importer.importBlock(block)).isInstanceOf(BlockImportResult.Imported.class);
    }
    grandpa.awaitIdle(30);
    assertThat(chain.best().number()).isEqualTo(128);
    assertThat(chain.finalized().number()).isZero();
    assertThat(grandpa.status())
        .contains(
            "waiting for GRANDPA voters: local weight 0 of "
                + grandpa.state().set().threshold()
                + " needed");
  }

  private void open(String spec) {
    runtimes = Runtimes.create(WasmExecutionMethod.COMPILED, Optional.of(TestCaches.wasmCache()));
    opened =
        ChainDatabase.openChain(
            ChainSpecParser.parse(Fixtures.file(spec)), new BasePath(dir, false), runtimes);
    chain = new Blockchain(opened.db());
    calls = new RuntimeCalls(chain, runtimes);
  }

  private GrandpaFinality grandpa(Keystore keystore) {
    GrandpaFinality grandpa = new GrandpaFinality(chain, calls, keystore);
    started.add(grandpa);
    return grandpa;
  }

  private Header genesis() {
    return chain.requireHeader(chain.genesisHash());
  }

  private Header header(Header parent, List<DigestItem> digest) {
    List<DigestItem> items = new ArrayList<>(digest);
    items.add(new DigestItem.Other(Bytes.of((byte) salt++)));
    return new Header(parent.hash(), parent.number() + 1, parent.stateRoot(), EMPTY_TRIE, items);
  }

  /** Verifies and commits a block as the importer does; returns its header. */
  private Header add(
      GrandpaFinality grandpa, Header parent, List<DigestItem> digest, Optional<Bytes> just) {
    Header header = header(parent, digest);
    Verdict verdict =
        grandpa.verify(
            just.isPresent() ? signed(header, just.get()) : SignedBlock.of(block(header)),
            parent,
            BlockOrigin.OWN);
    assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
    commit(header, (Verdict.Accepted) verdict, just);
    return header;
  }

  private void commit(Header header, Verdict.Accepted verdict, Optional<Bytes> just) {
    chain.commit(
        header,
        tx -> {
          tx.putBody(header.hash(), List.of());
          for (AuxWrite w : verdict.aux()) {
            tx.putAux(w.key(), w.value());
          }
          just.ifPresent(
              j ->
                  tx.putJustifications(
                      header.hash(), List.of(new Justification(EngineId.GRANDPA, j))));
        },
        BlockOrigin.OWN);
    verdict.finalizes().ifPresent(j -> chain.finalize(header.hash(), Optional.of(j)));
  }

  private GrandpaJustification storedJustification(Header header) {
    List<Justification> stored = chain.justifications(header.hash()).orElseThrow();
    assertThat(stored).extracting(Justification::engine).containsExactly(EngineId.GRANDPA);
    return GrandpaJustification.CODEC.decode(stored.get(0).encoded());
  }

  private static SignedBlock signed(Header header, Bytes justification) {
    return new SignedBlock(
        block(header), Optional.of(List.of(new Justification(EngineId.GRANDPA, justification))));
  }

  private static Block block(Header header) {
    return new Block(header, List.of());
  }

  private static BlockRef ref(Header h) {
    return new BlockRef(h.hash(), h.number());
  }
}
