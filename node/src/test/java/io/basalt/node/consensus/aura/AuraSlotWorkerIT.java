/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.aura;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.node.NodeCli;
import io.basalt.node.authoring.Consensus;
import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.metadata.RuntimeMetadata;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeService;
import io.basalt.node.txpool.Submission;
import io.basalt.node.txpool.TransactionSource;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.DevKeys;
import io.basalt.primitives.crypto.keystore.InMemoryKeystore;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --alice} on the node-template fixture with Bob's {@code aura} key inserted ({@code key
 * insert}): the node holds both Aura authorities and authors a block in every slot on the wall
 * clock; a transfer Alice → Bob (signed here, as a wallet does) is included and moves the balance;
 * a second node accepts the blocks as broadcasts (clock check included). Nothing finalizes the
 * blocks until GRANDPA runs, and the node says so.
 */
class AuraSlotWorkerIT {
  private static final Bytes ALICE =
      Bytes.fromHex("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
  private static final Bytes BOB =
      Bytes.fromHex("0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");

  @Test
  void aliceWithBobsKeyAuthorsOnTheClockAndIncludesATransfer(@TempDir Path dir) throws Exception {
    Path specFile = Fixtures.file("chainspecs/node-template-local.json");
    ChainSpec spec = ChainSpecParser.parse(specFile);
    Path a = dir.resolve("alice");
    NodeCli insert =
        NodeCli.run(
            "key",
            "insert",
            "--chain",
            specFile.toString(),
            "-d",
            a.toString(),
            "--suri",
            "//Bob",
            "--key-type",
            "aura",
            "--scheme",
            "sr25519");
    assertThat(insert.exitCode()).as(insert.err()).isZero();

    try (NodeService node =
        NodeService.start(
            DevConfigs.at(a).consensus(new Consensus.None()).build(), spec, Clock.systemUTC())) {
      assertThat(node.sealer()).as("on the clock, not the dev sealer").isEmpty();
      Blockchain chain = node.chain();
      await(() -> chain.best().number() >= 2, "two blocks on the clock", 45);
      AuraEngine aura = (AuraEngine) node.engines().slots().orElseThrow().authorship();
      Header one = chain.requireHeader(chain.canonicalHash(1).orElseThrow());
      Header two = chain.requireHeader(chain.canonicalHash(2).orElseThrow());
      long clockSlot = System.currentTimeMillis() / 6000;
      assertThat(aura.slotOf(one)).isBetween(clockSlot - 3, clockSlot);
      assertThat(aura.slotOf(two)).isGreaterThan(aura.slotOf(one)).isLessThanOrEqualTo(clockSlot);

      // A transfer Alice -> Bob of 1 unit, included by the slot worker.
      Header best = chain.requireHeader(chain.best().hash());
      BigInteger before = freeBalance(node, best, BOB);
      Bytes transfer = transfer(node, best, BigInteger.TEN.pow(12));
      Submission submitted = node.pool().submit(TransactionSource.EXTERNAL, transfer);
      assertThat(submitted).isInstanceOf(Submission.Accepted.class);
      Bytes body = new ScaleReader(transfer).readByteVec();
      long from = best.number();
      await(() -> includedAfter(chain, from, body).isPresent(), "the transfer in a block", 45);
      Header including = includedAfter(chain, from, body).orElseThrow();
      assertThat(freeBalance(node, including, BOB).subtract(before))
          .isEqualTo(BigInteger.TEN.pow(12));

      assertThat(chain.finalized().number())
          .as("Alice alone holds half the GRANDPA weight")
          .isZero();
      assertThat(node.finalityWaits()).isTrue();

      // A second node imports the blocks as broadcasts: seals, slots and the clock check pass.
      try (NodeService follower =
          NodeService.start(
              DevConfigs.at(dir.resolve("follower")).authority(false).build(),
              spec,
              Clock.systemUTC())) {
        for (long n = 1; n <= including.number(); n++) {
          Hash256 hash = chain.canonicalHash(n).orElseThrow();
          SignedBlock block =
              new SignedBlock(
                  new Block(chain.requireHeader(hash), chain.body(hash).orElseThrow()),
                  Optional.empty());
          assertThat(follower.importer().importBlock(block, BlockOrigin.NETWORK_BROADCAST))
              .as("block #%d", n)
              .isInstanceOf(BlockImportResult.Imported.class);
        }
      }
    }
  }

  private static Optional<Header> includedAfter(Blockchain chain, long from, Bytes extrinsic) {
    for (long n = from + 1; n <= chain.best().number(); n++) {
      Optional<Hash256> hash = chain.canonicalHash(n);
      if (hash.isPresent() && chain.body(hash.get()).orElseThrow().contains(extrinsic)) {
        return Optional.of(chain.requireHeader(hash.get()));
      }
    }
    return Optional.empty();
  }

  /** {@code System.Account[who].data.free}. */
  private static BigInteger freeBalance(NodeService node, Header at, Bytes who) {
    Bytes key =
        RuntimeMetadata.plainKey("System", "Account")
            .concat(Bytes.wrap(Hashing.blake2b128(who.toArray())))
            .concat(who);
    Bytes info = node.chain().stateAt(at).get(key).orElseThrow();
    ScaleReader r = new ScaleReader(info);
    r.readRaw(16, "nonce, consumers, providers, sufficients");
    return r.readU128();
  }

  /** The index of the Balances pallet, from the fixture's recorded metadata. */
  private static int balancesPallet() {
    try {
      String hex =
          Files.readString(Fixtures.file("chainspecs/node-template-local.metadata.hex")).strip();
      return RuntimeMetadata.decode(Bytes.fromHex(hex)).pallet("Balances").orElseThrow().index();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Alice's signed {@code Balances.transfer_keep_alive} to Bob (call index 3), immortal, nonce 0,
   * no tip, as a wallet builds it for this runtime.
   */
  private static Bytes transfer(NodeService node, Header at, BigInteger amount) {
    RuntimeVersion version = new RuntimeCalls(node.chain(), node.runtimes()).codeAt(at).version();
    Hash256 genesis = node.chain().genesisHash();
    byte[] call =
        new ScaleWriter()
            .writeU8(balancesPallet())
            .writeU8(3)
            .writeU8(0)
            .writeRaw(BOB)
            .writeCompact(amount)
            .toByteArray();
    byte[] extra = new ScaleWriter().writeU8(0).writeCompact(0).writeCompact(0).toByteArray();
    byte[] payload =
        new ScaleWriter()
            .writeRaw(call)
            .writeRaw(extra)
            .writeU32(version.specVersion())
            .writeU32(version.transactionVersion())
            .writeHash(genesis)
            .writeHash(genesis)
            .toByteArray();
    if (payload.length > 256) {
      payload = Hashing.blake2b256(payload);
    }
    InMemoryKeystore keys = new InMemoryKeystore();
    DevKeys.insert(
        keys, "Alice", List.of(new DevKeys.KeySpec(KeyTypeId.ACCOUNT, KeyScheme.SR25519)));
    byte[] signature =
        keys.sign(KeyTypeId.ACCOUNT, KeyScheme.SR25519, ALICE, payload).orElseThrow();
    byte[] body =
        new ScaleWriter()
            .writeU8(0x84)
            .writeU8(0)
            .writeRaw(ALICE)
            .writeU8(1)
            .writeRaw(signature)
            .writeRaw(extra)
            .writeRaw(call)
            .toByteArray();
    return Bytes.wrap(new ScaleWriter().writeByteVec(body).toByteArray());
  }

  private static void await(BooleanSupplier condition, String what, int seconds)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(seconds);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
