/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.aura;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.node.NodeCli;
import io.basalt.node.authoring.Consensus;
import io.basalt.node.authoring.CreatedBlock;
import io.basalt.node.authoring.DevSealer;
import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.consensus.ExportImport;
import io.basalt.node.consensus.engines.ConsensusEngines;
import io.basalt.node.importer.BlockFileReader;
import io.basalt.node.importer.BlockFileWriter;
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.importer.BlockVerifier;
import io.basalt.node.importer.Verdict;
import io.basalt.node.metadata.RuntimeMetadata;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeService;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.DevKeys;
import io.basalt.primitives.crypto.keystore.InMemoryKeystore;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.testsupport.Fixtures;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fast-forward on the node-template fixture (Aura + GRANDPA, authorities Alice and Bob): blocks on
 * demand take the next slot Alice may claim, carry Aura's pre-digest and seal, verify, export and
 * import into a fresh database with verification on; a flipped seal byte is refused with one line
 * and stores nothing.
 */
class AuraFastForwardIT {
  /** //Alice and //Bob sr25519 public keys (fixtures/README.md). */
  private static final Bytes ALICE =
      Bytes.fromHex("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

  private static final Bytes BOB =
      Bytes.fromHex("0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");

  private static final int BLOCKS = 500;

  private static Path specFile() {
    return Fixtures.file("chainspecs/node-template-local.json");
  }

  @Test
  void fiveHundredFastForwardedBlocksExportAndImportWithVerification(@TempDir Path dir)
      throws Exception {
    Path spec = specFile();
    ChainSpec chainSpec = ChainSpecParser.parse(spec);
    Path a = dir.resolve("a");
    List<Header> headers = new ArrayList<>();
    try (NodeService node =
        NodeService.start(
            DevConfigs.at(a).consensus(new Consensus.Manual()).build(),
            chainSpec,
            Clock.systemUTC())) {
      ConsensusEngines.Selection engines = node.engines();
      assertThat(engines.slots()).as("node-template has AuraApi").isPresent();
      assertThat(engines.slots().get().name()).isEqualTo("Aura");
      assertThat(engines.grandpa()).as("node-template has GrandpaApi").isTrue();
      AuraEngine aura = (AuraEngine) engines.slots().get().authorship();
      Blockchain chain = node.chain();
      Header genesis = chain.requireHeader(chain.genesisHash());
      assertThat(aura.authorities(genesis)).containsExactly(ALICE, BOB);
      assertThat(aura.slotDuration(genesis).toMillis()).isEqualTo(6000);

      DevSealer sealer = node.sealer().orElseThrow();
      long start = System.nanoTime();
      for (int i = 0; i < BLOCKS; i++) {
        CreatedBlock b = sealer.createBlock(true, false, Optional.empty()).join();
        assertThat(b.number()).isEqualTo(i + 1);
        assertThat(b.finalized()).as("GRANDPA finalizes, not the sealer").isFalse();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "fast-forward: %d node-template blocks in %.1f s (%.0f blocks/s)%n",
          BLOCKS, seconds, BLOCKS / seconds);
      assertThat(chain.best().number()).isEqualTo(BLOCKS);
      assertThat(chain.finalized().number()).as("nothing finalizes on a GRANDPA chain").isZero();

      Header parent = genesis;
      long clockSlot = System.currentTimeMillis() / 6000;
      for (long n = 1; n <= BLOCKS; n++) {
        Header h = chain.requireHeader(chain.canonicalHash(n).orElseThrow());
        long slot = aura.slotOf(h);
        if (n == 1) {
          assertThat(slot)
              .as("the first block takes a slot at the clock")
              .isBetween(clockSlot - 200, clockSlot + 2);
        } else {
          assertThat(slot)
              .as("slot of #%d after its parent's", n)
              .isGreaterThan(aura.slotOf(parent));
        }
        assertThat(slot % 2).as("Alice authors the even slots: slot of #%d", n).isZero();
        assertThat(h.seal().orElseThrow().engine()).isEqualTo(EngineId.AURA);
        headers.add(h);
        parent = h;
      }
      assertThat(aura.slotOf(headers.getLast()))
          .as("fast-forward runs ahead of the clock")
          .isGreaterThan(clockSlot + 100);
    }

    Path exported = ExportImport.exportThenImport(spec, a, dir, BLOCKS, headers.getLast().hash());

    // One seal byte flipped in block #300: refused with one line, nothing of it stored.
    int bad = 300;
    Path tampered = dir.resolve("tampered.json");
    List<SignedBlock> blocks = read(exported);
    blocks.set(bad - 1, flipSealByte(blocks.get(bad - 1)));
    write(tampered, blocks);
    Path c = dir.resolve("c");
    NodeCli refused = NodeCli.run(ExportImport.cli("import-blocks", spec, c, tampered.toString()));
    assertThat(refused.exitCode()).isEqualTo(1);
    String error = refused.err().strip();
    assertThat(error.lines()).hasSize(1);
    assertThat(error)
        .contains("block #" + bad)
        .contains("bad seal: not signed by the slot's author " + ALICE.toHex());
    try (NodeService node =
        NodeService.start(
            DevConfigs.at(c).authority(false).build(), chainSpec, Clock.systemUTC())) {
      assertThat(node.chain().best().number()).isEqualTo(bad - 1);
      assertThat(node.chain().contains(blocks.get(bad - 1).block().header().hash())).isFalse();
    }
  }

  @Test
  void verificationRefusesWrongAuthorsSlotsAndDigests(@TempDir Path dir) {
    ChainSpec chainSpec = ChainSpecParser.parse(specFile());
    try (NodeService node =
        NodeService.start(
            DevConfigs.at(dir).consensus(new Consensus.Manual()).build(),
            chainSpec,
            Clock.systemUTC())) {
      DevSealer sealer = node.sealer().orElseThrow();
      sealer.createBlock(true, false, Optional.empty()).join();
      CreatedBlock second = sealer.createBlock(true, false, Optional.empty()).join();
      Blockchain chain = node.chain();
      Header h2 = chain.requireHeader(second.hash());
      Header h1 = chain.requireHeader(h2.parentHash());
      SignedBlock block =
          new SignedBlock(new Block(h2, chain.body(h2.hash()).orElseThrow()), Optional.empty());
      BlockVerifier verifier = node.engines().slots().orElseThrow().verifier();
      AuraEngine aura = (AuraEngine) node.engines().slots().get().authorship();
      long slot = aura.slotOf(h2);

      assertThat(verifier.verify(block, h1, BlockOrigin.FILE)).isEqualTo(Verdict.accepted());
      assertThat(verifier.verify(block, h1, BlockOrigin.NETWORK_BROADCAST))
          .as("fast-forwarded: its slot is ahead of the clock")
          .isEqualTo(
              Verdict.rejected(
                  "slot "
                      + slot
                      + " is in the future: the clock is at slot "
                      + System.currentTimeMillis() / 6000));

      InMemoryKeystore keys = new InMemoryKeystore();
      DevKeys.insert(
          keys, "Alice", List.of(new DevKeys.KeySpec(KeyTypeId.AURA, KeyScheme.SR25519)));
      // Bob's slot, sealed by Alice.
      SignedBlock bobsSlot = resealed(withSlot(block, slot + 1), keys);
      assertThat(verifier.verify(bobsSlot, h1, BlockOrigin.FILE))
          .isEqualTo(
              Verdict.rejected(
                  "bad seal: not signed by the slot's author "
                      + BOB.toHex()
                      + " (slot "
                      + (slot + 1)
                      + ")"));
      // A slot not after the parent's, validly sealed by its author.
      long parentSlot = aura.slotOf(h1);
      SignedBlock stale = resealed(withSlot(block, parentSlot), keys);
      assertThat(verifier.verify(stale, h1, BlockOrigin.FILE))
          .isEqualTo(
              Verdict.rejected(
                  "slot " + parentSlot + " is not after its parent's slot " + parentSlot));
      // No seal.
      SignedBlock unsealed =
          new SignedBlock(
              new Block(h2.withoutSeal(), block.block().extrinsics()), Optional.empty());
      assertThat(verifier.verify(unsealed, h1, BlockOrigin.FILE))
          .isEqualTo(Verdict.rejected("unsealed: the last digest item is not an aura seal"));
      // No pre-digest.
      Header noPreDigest =
          new Header(
              h2.parentHash(),
              h2.number(),
              h2.stateRoot(),
              h2.extrinsicsRoot(),
              h2.digest().stream().filter(d -> !(d instanceof DigestItem.PreRuntime)).toList());
      assertThat(
              verifier.verify(
                  new SignedBlock(
                      new Block(noPreDigest, block.block().extrinsics()), Optional.empty()),
                  h1,
                  BlockOrigin.FILE))
          .isEqualTo(Verdict.rejected("no aura pre-runtime digest: the block claims no slot"));

      // Through the importer: refused, nothing stored.
      BlockImportResult result = node.importer().importBlock(bobsSlot, BlockOrigin.FILE);
      assertThat(result).isInstanceOf(BlockImportResult.Invalid.class);
      assertThat(((BlockImportResult.Invalid) result).reason()).startsWith("bad seal:");
      assertThat(chain.contains(bobsSlot.block().header().hash())).isFalse();
      assertThat(chain.best().hash()).isEqualTo(second.hash());

      // dev_timeTravel moves the slot clock: a day ahead, into one of Bob's slots; the next block
      // takes Alice's slot after it, stamped with that slot's start.
      long travelSlot = (System.currentTimeMillis() / 6000 + 14_400) | 1;
      sealer.timeTravel(travelSlot * 6000 + 1234);
      CreatedBlock third = sealer.createBlock(true, false, Optional.empty()).join();
      Header h3 = chain.requireHeader(third.hash());
      assertThat(aura.slotOf(h3)).isEqualTo(travelSlot + 1);
      assertThat(timestamp(chain, h3)).isEqualTo((travelSlot + 1) * 6000);
    }
  }

  /** {@code Timestamp.Now} at a block. */
  private static long timestamp(Blockchain chain, Header at) {
    Bytes now = chain.stateAt(at).get(RuntimeMetadata.plainKey("Timestamp", "Now")).orElseThrow();
    return new ScaleReader(now).readI64();
  }

  private static SignedBlock withSlot(SignedBlock block, long slot) {
    Header h = block.block().header().withoutSeal();
    List<DigestItem> digest =
        h.digest().stream()
            .map(
                d ->
                    d instanceof DigestItem.PreRuntime p && p.engine().equals(EngineId.AURA)
                        ? (DigestItem) AuraEngine.preDigest(slot)
                        : d)
            .toList();
    Header changed =
        new Header(h.parentHash(), h.number(), h.stateRoot(), h.extrinsicsRoot(), digest);
    return new SignedBlock(new Block(changed, block.block().extrinsics()), Optional.empty());
  }

  private static SignedBlock resealed(SignedBlock unsealed, InMemoryKeystore keys) {
    Header h = unsealed.block().header();
    byte[] signature =
        keys.sign(KeyTypeId.AURA, KeyScheme.SR25519, ALICE, h.hash().toArray()).orElseThrow();
    return new SignedBlock(
        new Block(
            h.withDigestItem(new DigestItem.Seal(EngineId.AURA, Bytes.wrap(signature))),
            unsealed.block().extrinsics()),
        Optional.empty());
  }

  private static SignedBlock flipSealByte(SignedBlock block) {
    Header h = block.block().header();
    byte[] sig = h.seal().orElseThrow().data().toArray();
    sig[10] ^= 0x01;
    Header flipped =
        h.withoutSeal().withDigestItem(new DigestItem.Seal(EngineId.AURA, Bytes.wrap(sig)));
    return new SignedBlock(new Block(flipped, block.block().extrinsics()), block.justifications());
  }

  private static List<SignedBlock> read(Path file) throws Exception {
    List<SignedBlock> blocks = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        BlockFileReader reader = BlockFileReader.open(in, false)) {
      for (Optional<SignedBlock> b = reader.next(); b.isPresent(); b = reader.next()) {
        blocks.add(b.get());
      }
    }
    return blocks;
  }

  private static void write(Path file, List<SignedBlock> blocks) throws Exception {
    try (OutputStream out = Files.newOutputStream(file);
        BlockFileWriter writer = BlockFileWriter.open(out, false, blocks.size())) {
      for (SignedBlock b : blocks) {
        writer.write(b);
      }
    }
  }
}
