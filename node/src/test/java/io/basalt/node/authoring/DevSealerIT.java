/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeConfig;
import io.basalt.node.service.NodeService;
import io.basalt.node.txpool.Submission;
import io.basalt.node.txpool.TransactionSource;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.Header;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.storage.StorageKeys;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a development chain's sealer does on request, on a real dev chain: storage written with a
 * block, time travel both ways, given extrinsics instead of the pool's, and switching modes.
 */
class DevSealerIT {
  private static final ChainSpec DEV = ChainSpecs.load("dev");

  private static NodeConfig config(Path base) {
    return DevConfigs.at(base).name("sealer-it").build();
  }

  private static Optional<Bytes> read(NodeService node, Hash256 block, Bytes key) {
    return node.chain().stateAt(node.chain().requireHeader(block)).get(key);
  }

  private static long timestamp(NodeService node, Hash256 block) {
    return new ScaleReader(read(node, block, DevSealer.TIMESTAMP_NOW).orElseThrow().unsafeArray())
        .readI64();
  }

  private static Bytes aliceAccount() {
    return StorageKeys.mapEntry("System", "Account", DevAccounts.aliceId().bytes());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void storageWrittenWithABlockReadsBackExactlyAndTheChainGoesOnAfterARestart(@TempDir Path dir) {
    Bytes free = AccountInfo.created(BigInteger.valueOf(123_456_789)).encode();
    Bytes custom = Bytes.fromHex("0x11223344");
    Bytes sudoKey = StorageKeys.plain("Sudo", "Key");
    Hash256 written;
    try (NodeService node = NodeService.start(config(dir), DEV, Clock.systemUTC())) {
      DevSealer sealer = node.sealer().orElseThrow();
      assertThat(read(node, node.chain().best().hash(), sudoKey)).isPresent();
      CreatedBlock block =
          sealer
              .createBlock(
                  SealRequest.next()
                      .withStorage(
                          List.of(
                              new StorageOverride.Put(aliceAccount(), free),
                              new StorageOverride.Put(custom, Bytes.fromHex("0xbeef")),
                              new StorageOverride.Delete(sudoKey))))
              .join();
      written = block.hash();
      assertThat(block.isNewBest()).isTrue();
      assertThat(read(node, written, aliceAccount())).contains(free);
      assertThat(read(node, written, custom)).contains(Bytes.fromHex("0xbeef"));
      assertThat(read(node, written, sudoKey)).isEmpty();
      // The header commits to that state: the next block builds on it and keeps the values.
      Hash256 next = sealer.createBlock(SealRequest.next()).join().hash();
      assertThat(node.chain().requireHeader(next).parentHash()).isEqualTo(written);
      assertThat(read(node, next, custom)).contains(Bytes.fromHex("0xbeef"));

      CreatedBlock cleared =
          sealer
              .createBlock(
                  SealRequest.next()
                      .withStorage(
                          List.of(new StorageOverride.DeletePrefix(Bytes.fromHex("0x1122")))))
              .join();
      assertThat(read(node, cleared.hash(), custom)).isEmpty();
    }
    try (NodeService node = NodeService.start(config(dir), DEV, Clock.systemUTC())) {
      assertThat(read(node, written, aliceAccount())).contains(free);
      assertThat(node.chain().best().number()).isEqualTo(3);
      node.sealer().orElseThrow().createBlock(SealRequest.next()).join();
      assertThat(node.chain().best().number()).isEqualTo(4);
    }
  }

  @Test
  void timeTravelStampsTheNextBlockAndTheChainGoesOnFromThereForwardOrBack(@TempDir Path dir) {
    try (NodeService node = NodeService.start(config(dir), DEV, Clock.systemUTC())) {
      DevSealer sealer = node.sealer().orElseThrow();
      long future = Instant.now().plusSeconds(400 * 86_400L).toEpochMilli();
      sealer.timeTravel(future);
      Hash256 first = sealer.createBlock(SealRequest.next()).join().hash();
      assertThat(timestamp(node, first)).isEqualTo(future);
      Hash256 second = sealer.createBlock(SealRequest.next()).join().hash();
      assertThat(timestamp(node, second)).isBetween(future + 1, future + 600_000);

      long past = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
      sealer.timeTravel(past);
      Hash256 third = sealer.createBlock(SealRequest.next()).join().hash();
      assertThat(timestamp(node, third)).isEqualTo(past);
      Hash256 fourth = sealer.createBlock(SealRequest.next()).join().hash();
      assertThat(timestamp(node, fourth)).isBetween(past + 1, past + 600_000);
    }
  }

  @Test
  void givenExtrinsicsReplaceThePoolsAndTheRefusedOnesAreLeftOut(@TempDir Path dir) {
    try (NodeService node = NodeService.start(config(dir), DEV, Clock.systemUTC())) {
      ExtrinsicFactory xts = new ExtrinsicFactory(100, node.chain().genesisHash());
      Bytes transfer = transfer(xts, 0);
      Bytes stale = transfer(xts, 7); // a future nonce: not applicable now
      Bytes pooled = xts.signed(DevAccounts.bob(), remark(), 0).encoded();
      assertThat(node.pool().submit(TransactionSource.EXTERNAL, pooled))
          .isInstanceOf(Submission.Accepted.class);
      CreatedBlock block =
          node.sealer()
              .orElseThrow()
              .createBlock(SealRequest.next().withExtrinsics(List.of(transfer, stale)))
              .join();
      List<Bytes> body = node.chain().body(block.hash()).orElseThrow();
      assertThat(body).hasSize(2); // timestamp, transfer
      assertThat(BlockProposer.extrinsicHash(body.get(1)))
          .isEqualTo(Hashing.blake2b256Hash(transfer.toArray()));
      assertThat(node.pool().readyCount()).isEqualTo(1); // the pool's own waits
    }
  }

  @Test
  void switchingModesAtRunTimeStartsAndStopsInstantSeal(@TempDir Path dir) throws Exception {
    try (NodeService node = NodeService.start(config(dir), DEV, Clock.systemUTC())) {
      DevSealer sealer = node.sealer().orElseThrow();
      ExtrinsicFactory xts = new ExtrinsicFactory(100, node.chain().genesisHash());
      assertThat(node.pool().submit(TransactionSource.EXTERNAL, transfer(xts, 0)))
          .isInstanceOf(Submission.Accepted.class);
      assertThat(node.chain().best().number()).isZero();

      sealer.switchTo(new Consensus.InstantSeal()); // a ready transaction: a block at once
      await(() -> node.chain().best().number() == 1, "instant seal to make block #1");
      assertThat(node.chain().body(node.chain().best().hash()).orElseThrow()).hasSize(2);

      sealer.switchTo(new Consensus.Manual());
      assertThat(sealer.consensus()).isEqualTo(new Consensus.Manual());
      assertThat(node.pool().submit(TransactionSource.EXTERNAL, transfer(xts, 1)))
          .isInstanceOf(Submission.Accepted.class);
      CreatedBlock requested = sealer.createBlock(SealRequest.next()).join();
      assertThat(requested.number()).isEqualTo(2); // nothing sealed the transfer before
      assertThat(node.chain().body(requested.hash()).orElseThrow()).hasSize(2);
      Header head = node.chain().requireHeader(node.chain().best().hash());
      assertThat(head.number()).isEqualTo(2);
    }
  }

  private static Bytes transfer(ExtrinsicFactory xts, long nonce) {
    return xts.signed(
            DevAccounts.alice(),
            new RuntimeCall.TransferKeepAlive(
                MultiAddress.id(DevAccounts.bobId()), BigInteger.TEN.pow(12)),
            nonce)
        .encoded();
  }

  private static RuntimeCall remark() {
    return new RuntimeCall.Remark(Bytes.fromHex("0x01"));
  }
}
