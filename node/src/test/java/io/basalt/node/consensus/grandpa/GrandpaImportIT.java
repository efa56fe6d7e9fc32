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
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.importer.TestRuntimes;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.keystore.InMemoryKeystore;
import io.basalt.primitives.crypto.keystore.Keystore;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.storage.block.BlockRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GRANDPA as a verifier of the real import pipeline ({@link BlockImporter}): a tiny WAT runtime
 * accepts every block and answers {@code GrandpaApi_grandpa_authorities} with //Alice alone. A node
 * with Alice's key finalizes what it imports; a second node without keys imports the same blocks
 * with their stored justifications (as {@code export-blocks} → {@code import-blocks} carries them)
 * and is finalized by them; a tampered justification makes the block invalid and stores nothing.
 */
class GrandpaImportIT {
  private static final Hash256 EMPTY_TRIE =
      Hash256.fromHex("0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");

  @TempDir Path dir;

  /** Answers {@code [(//Alice's ed25519 key, 1)]} (41 bytes at offset 256). */
  static Bytes aliceAloneRuntime() {
    StringBuilder data = new StringBuilder("\\04");
    for (byte b : GrandpaCodecsTest.ALICE.toArray()) {
      data.append(String.format("\\%02x", b & 0xff));
    }
    data.append("\\01\\00\\00\\00\\00\\00\\00\\00");
    return TestRuntimes.runtime(
        "(data (i32.const 256) \""
            + data
            + "\")\n"
            + "(func (export \"GrandpaApi_grandpa_authorities\") (param i32 i32) (result i64)"
            + " (i64.or (i64.shl (i64.const 41) (i64.const 32)) (i64.const 256)))",
        "(i64.const 0)");
  }

  @Test
  void justificationsFinalizeThroughTheImporterAndATamperedOneIsInvalid() throws Exception {
    Path spec = TestRuntimes.rawSpec(dir, "grandpa-alice", aliceAloneRuntime());
    try (Runtimes runtimes = Runtimes.create(WasmExecutionMethod.INTERPRETED, Optional.empty());
        ChainDatabase.Opened authoring =
            ChainDatabase.openChain(
                ChainSpecParser.parse(spec), new BasePath(dir.resolve("a"), false), runtimes);
        ChainDatabase.Opened following =
            ChainDatabase.openChain(
                ChainSpecParser.parse(spec), new BasePath(dir.resolve("b"), false), runtimes)) {
      // Node A: Alice's key, the voter running.
      Blockchain chainA = new Blockchain(authoring.db());
      BlockImporter importerA = new BlockImporter(chainA, runtimes, false);
      RuntimeCalls callsA = new RuntimeCalls(chainA, runtimes);
      assertThat(GrandpaFinality.isSupported(callsA, chainA.requireHeader(chainA.genesisHash())))
          .isTrue();
      List<SignedBlock> exported = new ArrayList<>();
      try (GrandpaFinality grandpaA =
          new GrandpaFinality(chainA, callsA, GrandpaKeys.keystore("Alice"))) {
        importerA.addVerifier(grandpaA);
        grandpaA.start();
        Header parent = chainA.requireHeader(chainA.genesisHash());
        for (int n = 1; n <= 3; n++) {
          Header header = child(parent);
          assertThat(importerA.importBlock(SignedBlock.of(new Block(header, List.of()))))
              .isEqualTo(new BlockImportResult.Imported(header.hash(), n, true));
          grandpaA.awaitIdle(30);
          assertThat(chainA.finalized()).isEqualTo(new BlockRef(header.hash(), n));
          exported.add(
              new SignedBlock(new Block(header, List.of()), chainA.justifications(header.hash())));
          parent = header;
        }
      }

      // Node B: no keys; the justifications finalize.
      Blockchain chainB = new Blockchain(following.db());
      BlockImporter importerB = new BlockImporter(chainB, runtimes, false);
      Keystore none = new InMemoryKeystore();
      try (GrandpaFinality grandpaB =
          new GrandpaFinality(chainB, new RuntimeCalls(chainB, runtimes), none)) {
        importerB.addVerifier(grandpaB);
        grandpaB.start();
        for (SignedBlock block : exported) {
          assertThat(importerB.importBlock(block)).isInstanceOf(BlockImportResult.Imported.class);
          assertThat(chainB.finalized().hash()).isEqualTo(block.block().header().hash());
        }
        assertThat(grandpaB.status())
            .contains("waiting for GRANDPA voters: local weight 0 of 1 needed");

        Header four = child(exported.get(2).block().header());
        GrandpaJustification good =
            GrandpaKeys.justification(
                9, 0, four, List.of(), List.of(new GrandpaKeys.Signed("Alice", four)));
        byte[] tampered = good.encoded().toArray();
        tampered[tampered.length - 50] ^= 1; // inside the signature
        BlockImportResult refused =
            importerB.importBlock(
                new SignedBlock(
                    new Block(four, List.of()),
                    Optional.of(
                        List.of(new Justification(EngineId.GRANDPA, Bytes.wrap(tampered))))),
                BlockOrigin.NETWORK_BROADCAST);
        assertThat(refused)
            .isEqualTo(
                new BlockImportResult.Invalid(
                    four.hash(),
                    4,
                    "GRANDPA justification (round 9, set 0) for #4: bad signature on the"
                        + " precommit of "
                        + GrandpaCodecsTest.ALICE.toHex()));
        assertThat(chainB.contains(four.hash())).isFalse();
        assertThat(chainB.finalized().number()).isEqualTo(3);
      }
    }
  }

  private static Header child(Header parent) {
    return new Header(
        parent.hash(),
        parent.number() + 1,
        parent.stateRoot(),
        EMPTY_TRIE,
        List.of(new DigestItem.Other(Bytes.of((byte) parent.number()))));
  }
}
