/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.config.BasePath;
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.importer.FixtureBlocks;
import io.basalt.node.importer.TestCaches;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.keystore.InMemoryKeystore;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.storage.block.BlockRef;
import io.basalt.testsupport.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real BABE blocks through the import pipeline with {@link BabeEngine} as verifier: Westend
 * #1..#128 (secondary plain and primary VRF claims of four authorities) and Kusama #1 verify and
 * import, also across a restart (the epochs come back from the aux records); tampered copies are
 * refused with one line and leave nothing behind.
 */
class BabeWestendIT {
  /** A chain database of {@code spec} under {@code base}, with an importer verifying BABE. */
  private static <T> T withChain(String spec, Path base, Clock clock, Function<Env, T> body) {
    ChainSpec parsed = ChainSpecParser.parse(Fixtures.file(spec));
    try (Runtimes runtimes =
            Runtimes.create(WasmExecutionMethod.COMPILED, Optional.of(TestCaches.wasmCache()));
        ChainDatabase.Opened opened =
            ChainDatabase.openChain(parsed, new BasePath(base, false), runtimes)) {
      Blockchain chain = new Blockchain(opened.db());
      BabeEngine babe =
          new BabeEngine(chain, new RuntimeCalls(chain, runtimes), new InMemoryKeystore(), clock);
      BlockImporter importer = new BlockImporter(chain, runtimes, false);
      importer.addVerifier(babe);
      return body.apply(new Env(opened.db(), importer, babe));
    }
  }

  private record Env(ChainDatabase db, BlockImporter importer, BabeEngine babe) {}

  private static final Clock NOW = Clock.systemUTC();

  private static SignedBlock withHeader(SignedBlock block, Header header) {
    return SignedBlock.of(new Block(header, block.block().extrinsics()));
  }

  private static SignedBlock withSealByteFlipped(SignedBlock block) {
    Header h = block.block().header();
    DigestItem.Seal seal = h.seal().orElseThrow();
    byte[] sig = seal.data().toArray();
    sig[10] ^= 0x01;
    return withHeader(
        block, h.withoutSeal().withDigestItem(new DigestItem.Seal(seal.engine(), Bytes.wrap(sig))));
  }

  @Test
  void westendOneTo128VerifyAndImportAcrossARestart(@TempDir Path base) {
    List<SignedBlock> blocks = FixtureBlocks.westend();
    withChain(
        "chainspecs/westend.json",
        base,
        NOW,
        env -> {
          // westend/1 answers the version-1 configuration: secondary_slots = true
          BabeConfiguration config = env.babe().configuration();
          assertThat(config.allowedSlots())
              .isEqualTo(AllowedSlots.PRIMARY_AND_SECONDARY_PLAIN_SLOTS);
          assertThat(config.authorities()).hasSize(4);
          assertThat(config.slotDuration().toMillis()).isEqualTo(6000);
          for (SignedBlock b : blocks.subList(0, 64)) {
            assertThat(env.importer().importBlock(b))
                .as("#%d", b.block().header().number())
                .isInstanceOf(BlockImportResult.Imported.class);
          }
          // block #1 starts epoch 0 and recorded epochs 0 and 1
          EpochState first =
              EpochState.CODEC.decode(
                  env.db()
                      .blocks()
                      .aux(BabeEngine.auxKey(blocks.get(0).block().hash()))
                      .orElseThrow());
          assertThat(first.current().index()).isZero();
          assertThat(first.current().startSlot())
              .isEqualTo(env.babe().slotOf(blocks.get(0).block().header()));
          assertThat(first.next().index()).isEqualTo(1);
          assertThat(first.next().authorities()).hasSize(4);
          return null;
        });
    // A new engine on the reopened database carries on from the stored epochs.
    withChain(
        "chainspecs/westend.json",
        base,
        NOW,
        env -> {
          for (SignedBlock b : blocks.subList(64, 128)) {
            assertThat(env.importer().importBlock(b))
                .as("#%d", b.block().header().number())
                .isInstanceOf(BlockImportResult.Imported.class);
          }
          assertThat(env.db().blocks().best())
              .contains(new BlockRef(blocks.get(127).block().hash(), 128));
          return null;
        });
  }

  @Test
  void aFlippedSealByteIsRefusedAndNothingIsStored(@TempDir Path base) {
    List<SignedBlock> blocks = FixtureBlocks.westend();
    withChain(
        "chainspecs/westend.json",
        base,
        NOW,
        env -> {
          // #1 is a secondary plain claim, #5 a primary one: both seals are checked
          for (int n : new int[] {1, 5}) {
            SignedBlock bad = withSealByteFlipped(blocks.get(n - 1));
            BlockImportResult result = env.importer().importBlock(bad);
            assertThat(result).isInstanceOf(BlockImportResult.Invalid.class);
            assertThat(((BlockImportResult.Invalid) result).reason())
                .startsWith("bad seal: not signed by authority #")
                .doesNotContain("\n");
            assertThat(env.db().blocks().hasHeader(bad.block().hash())).isFalse();
            assertThat(env.db().blocks().aux(BabeEngine.auxKey(bad.block().hash()))).isEmpty();
            for (SignedBlock good : blocks.subList(n - 1, n == 1 ? 4 : 5)) {
              assertThat(env.importer().importBlock(good))
                  .isInstanceOf(BlockImportResult.Imported.class);
            }
          }
          return null;
        });
  }

  @Test
  void aSlotAheadOfTheClockIsRefusedBeforeTheSealFromTheNetworkOnly(@TempDir Path base) {
    List<SignedBlock> blocks = FixtureBlocks.westend();
    SignedBlock first = blocks.get(0);
    long slot = BabePreDigest.find(first.block().header()).orElseThrow().slot();
    // Westend's slots last 6 s: the clock stands 10 slots before block #1's
    Clock early = Clock.fixed(Instant.ofEpochMilli((slot - 10) * 6000), ZoneOffset.UTC);
    withChain(
        "chainspecs/westend.json",
        base,
        early,
        env -> {
          assertThat(env.babe().configuration().slotDuration().toMillis()).isEqualTo(6000);
          assertThat(env.babe().currentSlot()).isEqualTo(slot - 10);
          // a broken seal too: the slot is refused first, as Substrate does
          SignedBlock bad = withSealByteFlipped(first);
          for (SignedBlock b : List.of(first, bad)) {
            BlockImportResult result = env.importer().importBlock(b, BlockOrigin.NETWORK_BROADCAST);
            assertThat(result).isInstanceOf(BlockImportResult.Invalid.class);
            assertThat(((BlockImportResult.Invalid) result).reason())
                .isEqualTo(
                    "its slot "
                        + slot
                        + " is in the future (the clock is at slot "
                        + (slot - 10)
                        + ")");
          }
          assertThat(env.db().blocks().hasHeader(first.block().hash())).isFalse();
          // one slot ahead is tolerated; from a file the clock does not matter
          assertThat(env.importer().importBlock(first, BlockOrigin.FILE))
              .isInstanceOf(BlockImportResult.Imported.class);
          return null;
        });
  }

  @Test
  void aClaimByTheWrongSecondaryAuthorIsRefused(@TempDir Path base) {
    List<SignedBlock> blocks = FixtureBlocks.westend();
    Header h = blocks.get(0).block().header();
    BabePreDigest.SecondaryPlain claim =
        (BabePreDigest.SecondaryPlain) BabePreDigest.find(h).orElseThrow();
    List<DigestItem> digest = new ArrayList<>();
    for (DigestItem item : h.digest()) {
      digest.add(
          item instanceof DigestItem.PreRuntime
              ? new BabePreDigest.SecondaryPlain(claim.authorityIndex() + 1, claim.slot())
                  .toDigest()
              : item);
    }
    SignedBlock other =
        withHeader(
            blocks.get(0),
            new Header(h.parentHash(), h.number(), h.stateRoot(), h.extrinsicsRoot(), digest));
    withChain(
        "chainspecs/westend.json",
        base,
        NOW,
        env -> {
          BlockImportResult result = env.importer().importBlock(other);
          assertThat(((BlockImportResult.Invalid) result).reason())
              .isEqualTo(
                  "authority #"
                      + (claim.authorityIndex() + 1)
                      + " is not the secondary author of slot "
                      + claim.slot()
                      + " (authority #"
                      + claim.authorityIndex()
                      + " is)");
          return null;
        });
  }

  @Test
  void kusamaBlockOneVerifiesAndImports(@TempDir Path base) {
    SignedBlock first = FixtureBlocks.kusama().get(0);
    withChain(
        "chainspecs/kusama.json",
        base,
        NOW,
        env -> {
          assertThat(env.babe().configuration().allowedSlots())
              .isEqualTo(AllowedSlots.PRIMARY_AND_SECONDARY_PLAIN_SLOTS);
          assertThat(env.importer().importBlock(first))
              .isInstanceOf(BlockImportResult.Imported.class);
          assertThat(env.db().blocks().aux(BabeEngine.auxKey(first.block().hash()))).isPresent();
          BlockImportResult bad = env.importer().importBlock(withSealByteFlipped(first));
          assertThat(bad).isInstanceOf(BlockImportResult.Invalid.class);
          return null;
        });
  }

  /**
   * A database whose first blocks were imported without BABE verification (no epoch records): the
   * engine rebuilds the epochs from the stored headers and verifies the rest.
   */
  @Test
  void aChainImportedWithoutBabeRecordsIsVerifiedOn(@TempDir Path base) {
    List<SignedBlock> blocks = FixtureBlocks.westend();
    ChainSpec spec = ChainSpecParser.parse(Fixtures.file("chainspecs/westend.json"));
    try (Runtimes runtimes =
            Runtimes.create(WasmExecutionMethod.COMPILED, Optional.of(TestCaches.wasmCache()));
        ChainDatabase.Opened opened =
            ChainDatabase.openChain(spec, new BasePath(base, false), runtimes)) {
      BlockImporter plain = new BlockImporter(opened.db(), runtimes, false);
      for (SignedBlock b : blocks.subList(0, 100)) {
        assertThat(plain.importBlock(b)).isInstanceOf(BlockImportResult.Imported.class);
      }
      assertThat(opened.db().blocks().aux(BabeEngine.auxKey(blocks.get(0).block().hash())))
          .isEmpty();
    }
    withChain(
        "chainspecs/westend.json",
        base,
        NOW,
        env -> {
          EpochState epochs = env.babe().epochsAt(blocks.get(99).block().header());
          assertThat(epochs.current().index()).isZero();
          assertThat(epochs.current().startSlot())
              .isEqualTo(env.babe().slotOf(blocks.get(0).block().header()));
          assertThat(env.importer().importBlock(withSealByteFlipped(blocks.get(100))))
              .isInstanceOf(BlockImportResult.Invalid.class);
          for (SignedBlock b : blocks.subList(100, 128)) {
            assertThat(env.importer().importBlock(b))
                .as("#%d", b.block().header().number())
                .isInstanceOf(BlockImportResult.Imported.class);
          }
          return null;
        });
  }
}
