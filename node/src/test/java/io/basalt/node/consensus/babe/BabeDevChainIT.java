/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.authoring.BlockProposer;
import io.basalt.node.authoring.InherentData;
import io.basalt.node.authoring.PendingTransactions;
import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.config.BasePath;
import io.basalt.node.consensus.SlotClaim;
import io.basalt.node.importer.AuxWrite;
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.importer.PreparedBlock;
import io.basalt.node.importer.TestCaches;
import io.basalt.node.importer.Verdict;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.DevKeys;
import io.basalt.primitives.crypto.keystore.InMemoryKeystore;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.crypto.keystore.Keystore;
import io.basalt.primitives.crypto.sr25519.Sr25519Vrf;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.testsupport.Fixtures;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BABE on the westend-dev chain (westend/9320, one authority: //Alice): claims made with Alice's
 * {@code babe} key verify; a validly signed primary claim whose VRF output is above the threshold
 * is refused and nothing is stored.
 */
class BabeDevChainIT {
  /** //Alice's sr25519 public key (fixtures README). */
  private static final Bytes ALICE =
      Bytes.fromHex("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

  private record Env(
      ChainDatabase db,
      Blockchain chain,
      Runtimes runtimes,
      BlockImporter importer,
      BabeEngine babe,
      Keystore keys) {
    Header genesis() {
      return chain.requireHeader(chain.genesisHash());
    }
  }

  private static <T> T withWestendDev(Path base, Function<Env, T> body) {
    return withDevChain("chainspecs/westend-dev.json", base, body);
  }

  private static <T> T withDevChain(String specFile, Path base, Function<Env, T> body) {
    ChainSpec spec = ChainSpecParser.parse(Fixtures.file(specFile));
    Keystore keys = new InMemoryKeystore();
    DevKeys.insert(keys, "Alice", List.of(new DevKeys.KeySpec(KeyTypeId.BABE, KeyScheme.SR25519)));
    try (Runtimes runtimes =
            Runtimes.create(WasmExecutionMethod.COMPILED, Optional.of(TestCaches.wasmCache()));
        ChainDatabase.Opened opened =
            ChainDatabase.openChain(spec, new BasePath(base, false), runtimes)) {
      Blockchain chain = new Blockchain(opened.db());
      BabeEngine babe =
          new BabeEngine(chain, new RuntimeCalls(chain, runtimes), keys, Clock.systemUTC());
      BlockImporter importer = new BlockImporter(chain, runtimes, false);
      importer.addVerifier(babe);
      return body.apply(new Env(opened.db(), chain, runtimes, importer, babe, keys));
    }
  }

  /** A header on genesis with these digests (roots are not checked before execution). */
  private static Header headerOnGenesis(Header genesis, List<DigestItem> digest) {
    return new Header(genesis.hash(), 1, genesis.stateRoot(), genesis.extrinsicsRoot(), digest);
  }

  private static DigestItem nextEpoch(Epoch epoch) {
    return new BabeConsensusLog.NextEpochData(epoch.authorities(), epoch.randomness()).toDigest();
  }

  @Test
  void theConfigurationNamesAliceAndHerClaimsVerify(@TempDir Path base) {
    withWestendDev(
        base,
        env -> {
          BabeConfiguration config = env.babe().configuration();
          assertThat(config.authorities())
              .extracting(BabeAuthority::publicKey)
              .containsExactly(ALICE);
          assertThat(env.keys().publicKeys(KeyTypeId.BABE, KeyScheme.SR25519))
              .containsExactly(ALICE);
          Header genesis = env.genesis();
          long slot = env.babe().currentSlot();
          Epoch epoch0 = config.genesisEpoch(slot);
          for (long s = slot; s < slot + 12; s++) {
            SlotClaim claim = env.babe().claim(genesis, s).orElseThrow();
            assertThat(claim.slot()).isEqualTo(s);
            assertThat(claim.authority()).isEqualTo(ALICE);
            BabePreDigest pre =
                BabePreDigest.find(headerOnGenesis(genesis, claim.preDigest())).orElseThrow();
            // westend-dev allows secondary VRF claims: Alice claims every slot, with a VRF
            assertThat(pre).isNotInstanceOf(BabePreDigest.SecondaryPlain.class);
            List<DigestItem> digest = new ArrayList<>(claim.preDigest());
            digest.add(nextEpoch(epoch0));
            Header unsealed = headerOnGenesis(genesis, digest);
            Header sealed = unsealed.withDigestItem(env.babe().seal(claim, unsealed));
            Verdict verdict =
                env.babe()
                    .verify(SignedBlock.of(new Block(sealed, List.of())), genesis, BlockOrigin.OWN);
            assertThat(verdict)
                .as("slot %d (%s)", s, pre.kind())
                .isInstanceOf(Verdict.Accepted.class);
            List<AuxWrite> aux = ((Verdict.Accepted) verdict).aux();
            assertThat(aux).hasSize(1);
            EpochState state = EpochState.CODEC.decode(aux.getFirst().value().orElseThrow());
            assertThat(state.current()).isEqualTo(config.genesisEpoch(s));
            assertThat(state.next().index()).isEqualTo(1);
            assertThat(state.next().startSlot()).isEqualTo(s + config.epochLength());

            // the same block without its epoch announcement is refused
            Header bare = headerOnGenesis(genesis, claim.preDigest());
            Header bareSealed = bare.withDigestItem(env.babe().seal(claim, bare));
            assertThat(
                    env.babe()
                        .verify(
                            SignedBlock.of(new Block(bareSealed, List.of())),
                            genesis,
                            BlockOrigin.OWN))
                .isEqualTo(
                    Verdict.rejected(
                        "it starts BABE epoch 0 but does not announce the next epoch"));
          }
          assertThat(config.allowedSlots()).isEqualTo(AllowedSlots.PRIMARY_AND_SECONDARY_VRF_SLOTS);
          return null;
        });
  }

  @Test
  void aValidlySignedPrimaryClaimAboveTheThresholdIsRefused(@TempDir Path base) {
    withWestendDev(
        base,
        env -> {
          Header genesis = env.genesis();
          BabeConfiguration config = env.babe().configuration();
          BigInteger threshold = SlotLottery.primaryThreshold(config.c(), config.authorities(), 0);
          long start = env.babe().currentSlot();
          Optional<Long> above = Optional.empty();
          Optional<Long> below = Optional.empty();
          for (long s = start; s < start + 200 && (above.isEmpty() || below.isEmpty()); s++) {
            Epoch epoch = config.genesisEpoch(s);
            Sr25519Vrf.VrfSignature vrf =
                env.keys()
                    .sr25519VrfSign(KeyTypeId.BABE, ALICE, SlotLottery.transcript(epoch, s))
                    .orElseThrow();
            BigInteger value =
                SlotLottery.vrfValue(ALICE, SlotLottery.transcript(epoch, s), vrf.preOutput());
            if (value.compareTo(threshold) >= 0 && above.isEmpty()) {
              above = Optional.of(s);
            } else if (value.compareTo(threshold) < 0 && below.isEmpty()) {
              below = Optional.of(s);
            }
          }
          assertThat(above).isPresent();
          assertThat(below).isPresent();

          // both built the same way: only the one below the threshold verifies
          SignedBlock good = primaryBlock(env, genesis, config, below.get());
          assertThat(env.babe().verify(good, genesis, BlockOrigin.OWN))
              .isInstanceOf(Verdict.Accepted.class);
          SignedBlock bad = primaryBlock(env, genesis, config, above.get());
          BlockImportResult result = env.importer().importBlock(bad);
          assertThat(result).isInstanceOf(BlockImportResult.Invalid.class);
          assertThat(((BlockImportResult.Invalid) result).reason())
              .startsWith(
                  "its primary claim of slot "
                      + above.get()
                      + " is above the threshold (VRF output ")
              .endsWith(" ≥ " + threshold + ")");
          assertThat(env.db().blocks().hasHeader(bad.block().hash())).isFalse();
          assertThat(env.db().blocks().aux(BabeEngine.auxKey(bad.block().hash()))).isEmpty();
          assertThat(env.db().blocks().best().orElseThrow().number()).isZero();
          return null;
        });
  }

  private static SignedBlock primaryBlock(
      Env env, Header genesis, BabeConfiguration config, long slot) {
    Epoch epoch = config.genesisEpoch(slot);
    Sr25519Vrf.VrfSignature vrf =
        env.keys()
            .sr25519VrfSign(KeyTypeId.BABE, ALICE, SlotLottery.transcript(epoch, slot))
            .orElseThrow();
    BabePreDigest.Primary pre = new BabePreDigest.Primary(0, slot, vrf);
    Header unsealed = headerOnGenesis(genesis, List.of(pre.toDigest(), nextEpoch(epoch)));
    SlotClaim claim = new SlotClaim(slot, List.of(pre.toDigest()), ALICE);
    return SignedBlock.of(
        new Block(unsealed.withDigestItem(env.babe().seal(claim, unsealed)), List.of()));
  }

  /**
   * A whole block: claimed and sealed by the engine, built by the westend runtime (which adds the
   * epoch announcement itself), then imported from a file, executed again and stored with its
   * epochs; the next block, in the same epoch, follows.
   */
  @Test
  void blocksBuiltOnAClaimImportWithTheirEpochs(@TempDir Path base) {
    withWestendDev(
        base,
        env -> {
          long slot = env.babe().currentSlot();
          Header first = buildAndImport(env, env.genesis(), slot).block().header();
          assertThat(BabeConsensusLog.all(first)).hasSize(1);
          Header parent = buildAndImport(env, first, slot + 1).block().header();
          assertThat(BabeConsensusLog.all(parent)).isEmpty();
          EpochState epochs = env.babe().epochsAt(parent);
          assertThat(epochs.current().index()).isZero();
          assertThat(epochs.next().index()).isEqualTo(1);
          return null;
        });
  }

  /**
   * Claims {@code slot} on {@code parent}, builds the block with the runtime, seals and imports it.
   */
  private static SignedBlock buildAndImport(Env env, Header parent, long slot) {
    return buildAndImport(env, parent, slot, false);
  }

  /**
   * {@link #buildAndImport(Env, Header, long)}; {@code prepared}: imported with the state its
   * building produced (verified, not executed again), as the node imports its own blocks.
   */
  private static SignedBlock buildAndImport(Env env, Header parent, long slot, boolean prepared) {
    SlotClaim claim = env.babe().claim(parent, slot).orElseThrow();
    long millis = slot * env.babe().slotDuration(parent).toMillis();
    InherentData inherents =
        env.babe()
            .inherents(claim, InherentData.empty().withTimestamp(millis))
            .with(
                InherentData.identifier("parachn0"),
                Bytes.fromHex("0x000000").concat(Bytes.wrap(Header.CODEC.encode(parent))));
    PreparedBlock proposal =
        new BlockProposer(env.chain(), env.runtimes(), HostServices.standard())
            .propose(
                parent,
                inherents,
                claim.preDigest(),
                PendingTransactions.NONE,
                java.time.Duration.ofSeconds(1))
            .block();
    Block built = proposal.block();
    Header unsealed = built.header();
    SignedBlock sealed =
        SignedBlock.of(
            new Block(
                unsealed.withDigestItem(env.babe().seal(claim, unsealed)), built.extrinsics()));
    BlockImportResult result =
        prepared
            ? env.importer()
                .importPrepared(
                    new PreparedBlock(
                        sealed.block(),
                        proposal.state(),
                        proposal.offchainIndex(),
                        proposal.codeWritten()))
            : env.importer().importBlock(sealed);
    assertThat(result)
        .as("#%d at slot %d", unsealed.number(), slot)
        .isInstanceOf(BlockImportResult.Imported.class);
    return sealed;
  }

  /**
   * Two forks from genesis whose block #1 sits at different slots: each keeps its own epoch 0, and
   * a block skipping whole epochs starts the epoch its slot falls in.
   */
  @Test
  void eachForkKeepsItsOwnEpochsAndSkippedEpochsAreCrossed(@TempDir Path base) {
    withWestendDev(
        base,
        env -> {
          Header genesis = env.genesis();
          long slot = env.babe().currentSlot();
          long length = env.babe().configuration().epochLength();
          Header a = buildAndImport(env, genesis, slot).block().header();
          Header b = buildAndImport(env, genesis, slot + 1).block().header();
          assertThat(env.babe().epochsAt(a).current().startSlot()).isEqualTo(slot);
          assertThat(env.babe().epochsAt(b).current().startSlot()).isEqualTo(slot + 1);

          // on fork b, slot + length is still in epoch 0; on fork a it starts epoch 1
          Header b2 = buildAndImport(env, b, slot + length).block().header();
          assertThat(BabeConsensusLog.all(b2)).isEmpty();
          assertThat(env.babe().epochsAt(b2).current().index()).isZero();
          Header a2 = buildAndImport(env, a, slot + length).block().header();
          assertThat(BabeConsensusLog.all(a2)).hasSize(1);
          assertThat(env.babe().epochsAt(a2).current().index()).isEqualTo(1);

          // fork a skips epochs 2 and 3: its next block is the first of epoch 4
          Header a3 = buildAndImport(env, a2, slot + 4 * length + 2).block().header();
          assertThat(env.babe().epochAt(a2, slot + 4 * length + 2).index()).isEqualTo(4);
          EpochState skipped = env.babe().epochsAt(a3);
          assertThat(skipped.current().index()).isEqualTo(4);
          assertThat(skipped.current().startSlot()).isEqualTo(slot + 4 * length);
          assertThat(skipped.next().index()).isEqualTo(5);
          return null;
        });
  }

  /**
   * rococo/1014000 (2024, BabeApi v2): //Alice claims, and the blocks built on her claims import,
   * executed again (rococo's parachains inherent writes storage while its inherents are created:
   * the proposer must discard those writes, as Substrate's block builder does).
   */
  @Test
  void rococoDevBlocksBuiltOnAlicesClaimsImport(@TempDir Path base) {
    withDevChain(
        "chainspecs/rococo-dev.json",
        base,
        env -> {
          assertThat(env.babe().configuration().authorities())
              .extracting(BabeAuthority::publicKey)
              .containsExactly(ALICE);
          long slot = env.babe().currentSlot();
          Header first = buildAndImport(env, env.genesis(), slot, false).block().header();
          Header second = buildAndImport(env, first, slot + 1, false).block().header();
          assertThat(env.babe().epochsAt(second).current().startSlot()).isEqualTo(slot);
          return null;
        });
  }
}
