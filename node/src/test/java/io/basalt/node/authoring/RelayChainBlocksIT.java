/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.metadata.RuntimeMetadata;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.SignedBlock;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Basalt builds relay-chain blocks of the fixture BABE chains westend-dev (westend/9320) and
 * rococo-dev (rococo/1014000) with its {@link BlockProposer}: a BABE secondary-plain pre-digest of
 * Alice (authority 0), the timestamp of the slot, and the parachains inherent the runtime asks for
 * through its {@code ParachainHost} API. A second database executes each block again with {@code
 * Core_execute_block} and gets the same state roots; a transfer Alice → Bob in block #2 moves the
 * balance. Without the parachains inherent, building fails with one line naming {@code parachn0}.
 */
class RelayChainBlocksIT {
  private static final long SLOT_MILLIS = 6000;

  /** {@code //Bob}'s sr25519 public key (fixtures README). */
  private static final Bytes BOB =
      Bytes.fromHex("0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");

  private static final BigInteger AMOUNT = new BigInteger("12345000000000");

  private static InherentData slotData(long slot) {
    return InherentData.empty()
        .withTimestamp(slot * SLOT_MILLIS)
        .with(InherentData.identifier("babeslot"), new ScaleWriter(8).writeU64(slot).toBytes());
  }

  private static Proposal propose(FixtureChain chain, long slot, PendingTransactions pool) {
    return chain.proposer.propose(
        chain.best(),
        slotData(slot),
        List.of(FixtureChain.babeSecondaryPlain(slot)),
        pool,
        Duration.ofSeconds(20));
  }

  private static BigInteger free(FixtureChain chain, RuntimeMetadata metadata, Header at) {
    RuntimeMetadata.StorageItem account =
        RuntimeMetadata.item(metadata.pallet("System").orElseThrow(), "Account").orElseThrow();
    byte[] info = chain.storage(at, account.entryKey(List.of(BOB))).orElseThrow().toArray();
    // AccountInfo { nonce, consumers, providers, sufficients: u32, data: { free: u128, .. } }
    byte[] free = Arrays.copyOfRange(info, 16, 32);
    byte[] bigEndian = new byte[17];
    for (int i = 0; i < 16; i++) {
      bigEndian[16 - i] = free[i];
    }
    return new BigInteger(bigEndian);
  }

  @ParameterizedTest
  @ValueSource(strings = {"westend-dev.json", "rococo-dev.json"})
  void buildsThreeBlocksWithATransferAndASecondDatabaseReExecutesThemToTheSameRoots(
      String spec, @TempDir Path dir) {
    try (FixtureChain author = FixtureChain.open(spec, dir.resolve("author"));
        FixtureChain verifier = FixtureChain.open(spec, dir.resolve("verifier"))) {
      Header genesis = author.genesis();
      assertThat(verifier.genesis()).isEqualTo(genesis);
      RuntimeVersion version = author.version(genesis);
      assertThat(version.apiVersion(RuntimeInherents.PARACHAIN_HOST_API)).isPresent();
      RuntimeMetadata metadata = author.metadata(genesis);
      SignedTransfers transfers =
          new SignedTransfers(
              metadata, version.specVersion(), version.transactionVersion(), genesis.hash());
      KeyPair alice = KeyScheme.SR25519.fromSuri("//Alice", Optional.empty()).pair();
      Bytes transfer = transfers.transferKeepAlive(alice, BOB, AMOUNT, 0);
      PendingTransactions pool =
          PendingTransactions.of(
              List.of(
                  new PendingTransactions.Pending(
                      Hashing.blake2b256Hash(transfer.toArray()), transfer)));

      long firstSlot = System.currentTimeMillis() / SLOT_MILLIS;
      List<Block> built = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Proposal proposal =
            propose(author, firstSlot + i, i == 1 ? pool : PendingTransactions.NONE);
        assertThat(proposal.transactions()).hasSize(i == 1 ? 1 : 0);
        Block block = proposal.block().block();
        // timestamp, parachains inherent (+ the transfer)
        assertThat(block.extrinsics()).hasSize(i == 1 ? 3 : 2);
        assertThat(author.importer.importPrepared(proposal.block()))
            .isInstanceOf(BlockImportResult.Imported.class);
        built.add(block);
      }
      assertThat(author.best().number()).isEqualTo(3);

      for (Block block : built) {
        BlockImportResult result = verifier.importer.importBlock(SignedBlock.of(block));
        assertThat(result)
            .as("#%d", block.header().number())
            .isInstanceOf(BlockImportResult.Imported.class);
        assertThat(verifier.chain.requireHeader(block.hash()).stateRoot())
            .isEqualTo(block.header().stateRoot());
      }
      assertThat(verifier.chain.best().hash()).isEqualTo(author.chain.best().hash());
      Header one = verifier.chain.requireHeader(built.get(0).hash());
      Header two = verifier.chain.requireHeader(built.get(1).hash());
      assertThat(free(verifier, metadata, two).subtract(free(verifier, metadata, one)))
          .isEqualTo(AMOUNT);
    }
  }

  /**
   * Slots far apart: #2 opens epoch 1 (a session rotation and {@code NextEpochData}), #3 skips
   * epoch 2 altogether, #4 follows in #3's slot's epoch; every block re-executes in the second
   * database. rococo/1014000 knows skipped epochs: #3 jumps to epoch 3 and #4 announces nothing.
   * westend/9320 predates that: its epoch index counts epoch changes, so after a gap every block
   * starts the next epoch until the index catches up with the slot, and #4 announces again (a BABE
   * client must follow the digests, not compute epochs from slots alone).
   */
  @ParameterizedTest
  @CsvSource({"westend-dev.json, true", "rococo-dev.json, false"})
  void buildsAcrossEpochBoundariesAndSkippedEpochs(
      String spec, boolean catchesUpOneEpochPerBlock, @TempDir Path dir) {
    try (FixtureChain author = FixtureChain.open(spec, dir.resolve("author"));
        FixtureChain verifier = FixtureChain.open(spec, dir.resolve("verifier"))) {
      long epochLength = author.babeEpochLength(author.genesis());
      long first = System.currentTimeMillis() / SLOT_MILLIS;
      long[] slots = {
        first, first + epochLength, first + 3 * epochLength + 1, first + 3 * epochLength + 2
      };
      for (long slot : slots) {
        Proposal proposal = propose(author, slot, PendingTransactions.NONE);
        assertThat(author.importer.importPrepared(proposal.block()))
            .isInstanceOf(BlockImportResult.Imported.class);
        Block block = proposal.block().block();
        assertThat(verifier.importer.importBlock(SignedBlock.of(block)))
            .as("#%d at slot %d", block.header().number(), slot)
            .isInstanceOf(BlockImportResult.Imported.class);
        // #1 announces epoch 1, #2 enacts it and announces epoch 2, #3 announces the next.
        boolean announces =
            block.header().digest().stream()
                .anyMatch(
                    d ->
                        d instanceof DigestItem.Consensus(EngineId engine, Bytes data)
                            && engine.equals(EngineId.BABE)
                            && data.unsafeArray()[0] == 1);
        assertThat(announces)
            .as("NextEpochData in #%d (epoch length %d)", block.header().number(), epochLength)
            .isEqualTo(block.header().number() <= 3 || catchesUpOneEpochPerBlock);
      }
      assertThat(verifier.chain.best().hash()).isEqualTo(author.chain.best().hash());
      assertThat(verifier.best().number()).isEqualTo(slots.length);
    }
  }

  @Test
  void withoutTheParachainsInherentWestendDevRefusesToBuildAndTheErrorNamesIt(@TempDir Path dir) {
    try (FixtureChain chain = FixtureChain.withoutRuntimeInherents("westend-dev.json", dir)) {
      long slot = System.currentTimeMillis() / SLOT_MILLIS;
      assertThatThrownBy(() -> propose(chain, slot, PendingTransactions.NONE))
          .isInstanceOf(BlockProposalException.class)
          .hasMessage("the runtime needs inherent data \"parachn0\" that Basalt does not provide");
      assertThat(chain.best().number()).isZero();
    }
  }

  @Test
  void withoutAnyInherentDataRococoDevRefusesToBuildAndTheErrorNamesTheTimestamp(
      @TempDir Path dir) {
    try (FixtureChain chain = FixtureChain.withoutRuntimeInherents("rococo-dev.json", dir)) {
      long slot = System.currentTimeMillis() / SLOT_MILLIS;
      assertThatThrownBy(
              () ->
                  chain.proposer.propose(
                      chain.best(),
                      InherentData.empty(),
                      List.of(FixtureChain.babeSecondaryPlain(slot)),
                      PendingTransactions.NONE,
                      Duration.ofSeconds(20)))
          .isInstanceOf(BlockProposalException.class)
          .hasMessage("the runtime needs inherent data \"timstap0\" that Basalt does not provide");
      assertThat(chain.best().number()).isZero();
    }
  }
}
