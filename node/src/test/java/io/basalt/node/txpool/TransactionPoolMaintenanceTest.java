/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.txpool.FakeChain.Tx;
import io.basalt.node.txpool.TransactionStatus.FinalityTimeout;
import io.basalt.node.txpool.TransactionStatus.Finalized;
import io.basalt.node.txpool.TransactionStatus.InBlock;
import io.basalt.node.txpool.TransactionStatus.Invalid;
import io.basalt.node.txpool.TransactionStatus.Ready;
import io.basalt.node.txpool.TransactionStatus.Retracted;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.storage.block.BlockRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The pool kept in step with the chain: pruning, re-orgs, revalidation, longevity, finality, and a
 * submission racing a block import.
 */
class TransactionPoolMaintenanceTest extends PoolTestBase {
  @Test
  void aBlockFromElsewhereWithTheSameTagRemovesOurTransactionAsIncluded() {
    TransactionPool pool = pool();
    Tx ours = Tx.of(ALICE, 0).salt(1);
    Tx theirs = Tx.of(ALICE, 0).salt(2);
    StatusRecorder events = watch(pool, ours);
    BlockExtrinsics b1 = chain.block(chain.genesis, theirs);
    pool.maintain(ChainEvent.NewBestBlock.extending(b1));
    assertThat(pool.status()).isEqualTo(PoolStatus.EMPTY);
    // Their transaction was validated at the parent, as InBlock, to learn its tags; ours,
    // revalidated at b1, is stale: Substrate reports it as in the block that used its slot.
    assertThat(chain.calls())
        .contains(
            new FakeChain.Call(TransactionSource.IN_BLOCK, theirs.hash(), chain.genesisRef()));
    assertThat(events.events()).containsExactly(new Ready(), new InBlock(b1.hash()));
    assertThat(pool.isBanned(ours.hash())).isTrue();
  }

  @Test
  void aBestBlockSetBackForgetsTheRetractedTransactionsWithoutResubmittingThem() {
    TransactionPool pool = pool();
    Tx alice0 = Tx.of(ALICE, 0);
    Tx alice1 = Tx.of(ALICE, 1);
    StatusRecorder events = watch(pool, alice0);
    BlockExtrinsics a1 = chain.block(chain.genesis, alice0);
    pool.maintain(ChainEvent.NewBestBlock.extending(a1));
    submitAll(pool, alice1);
    assertThat(pool.isBanned(alice0.hash())).isTrue();

    pool.maintain(new ChainEvent.BestBlockSet(List.of(a1), List.of(), chain.genesisRef()));

    // Not resubmitted, as a re-org would; alice1 now waits for nonce 0 again at genesis.
    assertThat(pool.get(alice0.hash())).isEmpty();
    assertThat(readyHashes(pool)).isEmpty();
    assertThat(pool.status().future()).isEqualTo(1);
    assertThat(events.events())
        .containsExactly(new Ready(), new InBlock(a1.hash()), new Retracted(a1.hash()));
    // No longer banned: it can be sent again, and then alice1 follows it.
    assertThat(pool.isBanned(alice0.hash())).isFalse();
    submitAll(pool, alice0);
    assertThat(readyHashes(pool)).containsExactly(alice0.hash(), alice1.hash());
  }

  @Test
  void aBlockProvidingWhatAFutureTransactionWaitsForMakesItReady() {
    TransactionPool pool = pool();
    Tx alice1 = Tx.of(ALICE, 1);
    StatusRecorder events = watch(pool, alice1);
    BlockExtrinsics b1 = chain.block(chain.genesis, Tx.of(ALICE, 0));
    pool.maintain(ChainEvent.NewBestBlock.extending(b1));
    assertThat(readyHashes(pool)).containsExactly(alice1.hash());
    assertThat(events.events()).containsExactly(new TransactionStatus.Future(), new Ready());
  }

  @Test
  void aFutureTransactionProvidingAnIncludedTagIsDropped() {
    TransactionPool pool = pool();
    Tx alice1 = Tx.of(ALICE, 1).salt(1);
    StatusRecorder events = watch(pool, alice1);
    BlockExtrinsics b1 = chain.block(chain.genesis, Tx.of(ALICE, 0), Tx.of(ALICE, 1).salt(2));
    pool.maintain(ChainEvent.NewBestBlock.extending(b1));
    assertThat(pool.status()).isEqualTo(PoolStatus.EMPTY);
    assertThat(events.events())
        .containsExactly(new TransactionStatus.Future(), new TransactionStatus.Dropped());
  }

  @Test
  void aReorgReturnsRetractedTransactionsUnlessTheNewChainHasThem() {
    TransactionPool pool = pool();
    Tx alice0 = Tx.of(ALICE, 0);
    Tx bob0 = Tx.of(BOB, 0);
    StatusRecorder aliceEvents = watch(pool, alice0);
    StatusRecorder bobEvents = watch(pool, bob0);
    BlockExtrinsics a1 = chain.block(chain.genesis, 0, alice0, bob0);
    pool.maintain(ChainEvent.NewBestBlock.extending(a1));
    assertThat(pool.status()).isEqualTo(PoolStatus.EMPTY);

    // Another fork, longer, has Bob's transaction but not Alice's.
    BlockExtrinsics b1 = chain.block(chain.genesis, 1, bob0);
    BlockExtrinsics b2 = chain.block(b1, 1);
    pool.maintain(new ChainEvent.NewBestBlock(List.of(a1), List.of(b1, b2)));

    assertThat(readyHashes(pool)).containsExactly(alice0.hash());
    assertThat(pool.get(alice0.hash()).orElseThrow().source())
        .isEqualTo(TransactionSource.EXTERNAL);
    assertThat(pool.get(alice0.hash()).orElseThrow().validatedAt()).isEqualTo(2);
    assertThat(aliceEvents.events())
        .containsExactly(
            new Ready(), new InBlock(a1.hash()), new Retracted(a1.hash()), new Ready());
    assertThat(bobEvents.events())
        .containsExactly(
            new Ready(), new InBlock(a1.hash()), new Retracted(a1.hash()), new InBlock(b1.hash()));

    // Back to the first fork: Alice's transaction is included again, finalized with its block.
    BlockExtrinsics a2 = chain.block(a1, 0);
    BlockExtrinsics a3 = chain.block(a2, 0);
    pool.maintain(new ChainEvent.NewBestBlock(List.of(b2, b1), List.of(a1, a2, a3)));
    assertThat(pool.status()).isEqualTo(PoolStatus.EMPTY);
    pool.maintain(new ChainEvent.Finalized(List.of(a1.hash(), a2.hash())));
    assertThat(aliceEvents.events())
        .containsExactly(
            new Ready(),
            new InBlock(a1.hash()),
            new Retracted(a1.hash()),
            new Ready(),
            new InBlock(a1.hash()),
            new Finalized(a1.hash()));
    assertThat(bobEvents.events())
        .endsWith(
            new InBlock(b1.hash()),
            new Retracted(b1.hash()),
            new InBlock(a1.hash()),
            new Finalized(a1.hash()));
  }

  @Test
  void revalidationRemovesTransactionsThatBecameInvalidWithWhatDependsOnThem() {
    TransactionPool pool = pool();
    Tx alice0 = Tx.of(ALICE, 0);
    Tx alice1 = Tx.of(ALICE, 1);
    Tx bob0 = Tx.of(BOB, 0);
    StatusRecorder alice0Events = watch(pool, alice0);
    StatusRecorder alice1Events = watch(pool, alice1);
    submitAll(pool, bob0);
    chain.override(
        alice0,
        at ->
            at.number() == 0
                ? new ValidTransaction(0, List.of(), List.of(alice0.tag()), -1L, true)
                : new TransactionValidityError.Invalid(
                    InvalidTransaction.of(InvalidTransaction.Kind.PAYMENT)));
    pool.maintain(ChainEvent.NewBestBlock.extending(chain.block(chain.genesis)));
    assertThat(readyHashes(pool)).containsExactly(bob0.hash());
    assertThat(alice0Events.events()).containsExactly(new Ready(), new Invalid());
    assertThat(alice1Events.events()).containsExactly(new Ready(), new Invalid());
    assertThat(pool.isBanned(alice0.hash())).isTrue();
    assertThat(pool.isBanned(alice1.hash())).isFalse();
  }

  @Test
  void revalidationKeepsUnknownsAndAppliesNewPriorities() {
    TransactionPool pool = pool();
    Tx alice0 = Tx.of(ALICE, 0).priority(1);
    Tx bob0 = Tx.of(BOB, 0).priority(5);
    Tx unknown = Tx.of(3, 0).priority(3);
    submitAll(pool, alice0, bob0, unknown);
    assertThat(readyHashes(pool)).containsExactlyElementsOf(hashes(bob0, unknown, alice0));
    chain.override(
        alice0, at -> new ValidTransaction(9, List.of(), List.of(alice0.tag()), -1L, true));
    chain.override(
        unknown,
        at ->
            new TransactionValidityError.Unknown(
                UnknownTransaction.of(UnknownTransaction.Kind.CANNOT_LOOKUP)));
    pool.maintain(ChainEvent.NewBestBlock.extending(chain.block(chain.genesis)));
    assertThat(readyHashes(pool)).containsExactlyElementsOf(hashes(alice0, bob0, unknown));
    assertThat(pool.get(alice0.hash()).orElseThrow().validatedAt()).isEqualTo(1);
    assertThat(pool.get(unknown.hash()).orElseThrow().validatedAt()).isZero();
  }

  @Test
  void revalidationIsBoundedAndTakesTheLeastRecentlyValidatedFirst() {
    TransactionPool pool = pool(TransactionPoolConfig.defaults().withRevalidationBatch(2));
    List<Tx> txs = new ArrayList<>();
    for (int sender = 10; sender < 15; sender++) {
      txs.add(Tx.of(sender, 0));
    }
    submitAll(pool, txs.toArray(Tx[]::new));
    BlockExtrinsics b1 = chain.block(chain.genesis);
    pool.maintain(ChainEvent.NewBestBlock.extending(b1));
    assertThat(validationsAt(b1)).isEqualTo(2);
    BlockExtrinsics b2 = chain.block(b1);
    pool.maintain(ChainEvent.NewBestBlock.extending(b2));
    assertThat(validationsAt(b2)).isEqualTo(2);
    BlockExtrinsics b3 = chain.block(b2);
    pool.maintain(ChainEvent.NewBestBlock.extending(b3));
    // The fifth, never revalidated, goes before the ones revalidated at #1.
    assertThat(validationsAt(b3)).isEqualTo(2);
    assertThat(pool.get(txs.get(4).hash()).orElseThrow().validatedAt()).isEqualTo(3);
    assertThat(txs.stream().map(tx -> pool.get(tx.hash()).orElseThrow().validatedAt()))
        .allMatch(n -> n >= 1);
  }

  private long validationsAt(BlockExtrinsics block) {
    return chain.calls().stream().filter(c -> c.at().equals(FakeChain.ref(block))).count();
  }

  @Test
  void transactionsPastTheirLongevityAreDroppedAsInvalidAndBanned() {
    TransactionPool pool = pool(TransactionPoolConfig.defaults().withRevalidationBatch(0));
    Tx shortLived = Tx.of(ALICE, 0).longevity(2);
    Tx immortal = Tx.of(BOB, 0);
    StatusRecorder events = watch(pool, shortLived);
    submitAll(pool, immortal);
    assertThat(pool.get(shortLived.hash()).orElseThrow().validTill()).isEqualTo(2);
    BlockExtrinsics b1 = chain.block(chain.genesis);
    pool.maintain(ChainEvent.NewBestBlock.extending(b1));
    assertThat(pool.status().ready()).isEqualTo(2);
    BlockExtrinsics b2 = chain.block(b1);
    pool.maintain(ChainEvent.NewBestBlock.extending(b2));
    assertThat(readyHashes(pool)).containsExactly(immortal.hash());
    assertThat(events.events()).containsExactly(new Ready(), new Invalid());
    assertThat(pool.isBanned(shortLived.hash())).isTrue();
  }

  @Test
  void revalidationRenewsLongevity() {
    TransactionPool pool = pool();
    Tx tx = Tx.of(ALICE, 0).longevity(2);
    submitAll(pool, tx);
    BlockExtrinsics block = chain.genesis;
    for (int i = 0; i < 5; i++) {
      block = chain.block(block);
      pool.maintain(ChainEvent.NewBestBlock.extending(block));
    }
    assertThat(pool.get(tx.hash()).orElseThrow().validTill()).isEqualTo(7);
  }

  @Test
  void transactionsAwaitingFinalityTimeOutAfter512Blocks() {
    TransactionPool pool = pool();
    Tx tx = Tx.of(ALICE, 0);
    StatusRecorder events = watch(pool, tx);
    BlockExtrinsics first = chain.block(chain.genesis, tx);
    pool.maintain(ChainEvent.NewBestBlock.extending(first));
    BlockExtrinsics block = first;
    for (int i = 0; i < WatcherRegistry.MAX_FINALITY_WATCHERS; i++) {
      block = chain.block(block, Tx.of(BOB, i));
      pool.maintain(ChainEvent.NewBestBlock.extending(block));
      if (i == WatcherRegistry.MAX_FINALITY_WATCHERS - 2) {
        assertThat(events.events()).hasSize(2);
      }
    }
    assertThat(events.events())
        .containsExactly(new Ready(), new InBlock(first.hash()), new FinalityTimeout(first.hash()));
    pool.maintain(new ChainEvent.Finalized(List.of(first.hash())));
    assertThat(events.events()).hasSize(3);
  }

  @Test
  void aSubmissionValidatedBeforeABlockLandsStillFindsItsRequirementMet() throws Exception {
    // Substrate's should_handle_pruning_in_the_middle_of_import: Alice's nonce-1 transaction is
    // validated at #0 (requiring nonce 0) while a block including nonce 0 is imported.
    TransactionPool pool = pool();
    Tx alice0 = Tx.of(ALICE, 0);
    Tx alice1 = Tx.of(ALICE, 1);
    CountDownLatch validating = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    chain.override(
        alice1,
        at -> {
          validating.countDown();
          await(release);
          return new ValidTransaction(0, List.of(alice0.tag()), List.of(alice1.tag()), -1L, true);
        });
    ExecutorService rpc = Executors.newSingleThreadExecutor();
    try {
      Future<Submission> pending =
          rpc.submit(() -> pool.submit(TransactionSource.EXTERNAL, alice1.encoded()));
      await(validating);
      submitAll(pool, alice0);
      pool.maintain(ChainEvent.NewBestBlock.extending(chain.block(chain.genesis, alice0)));
      assertThat(pool.status()).isEqualTo(PoolStatus.EMPTY);
      release.countDown();
      assertThat(pending.get(30, TimeUnit.SECONDS)).isEqualTo(accepted(alice1));
      assertThat(pool.status().ready()).isEqualTo(1);
      assertThat(pool.status().future()).isZero();
    } finally {
      rpc.shutdownNow();
    }
  }

  @Test
  void concurrentSubmissionsAndMaintenanceKeepThePoolConsistent() throws Exception {
    TransactionPool pool = pool();
    int senders = 8;
    int perSender = 20;
    ExecutorService rpc = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        int sender = 100 + s;
        work.add(
            rpc.submit(
                () -> {
                  for (int n = perSender - 1; n >= 0; n--) {
                    pool.submit(TransactionSource.EXTERNAL, Tx.of(sender, n).encoded());
                  }
                }));
      }
      BlockExtrinsics block = chain.genesis;
      for (int i = 0; i < 10; i++) {
        block = chain.block(block);
        pool.maintain(ChainEvent.NewBestBlock.extending(block));
      }
      for (Future<?> f : work) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      rpc.shutdownNow();
    }
    // Every transaction got in once (nothing is invalid), and each sender's chain is ready.
    assertThat(pool.status())
        .isEqualTo(new PoolStatus(senders * perSender, pool.status().readyBytes(), 0, 0));
    List<Hash256> order = readyHashes(pool);
    assertThat(order).hasSize(senders * perSender).doesNotHaveDuplicates();
    for (int s = 0; s < senders; s++) {
      int sender = 100 + s;
      List<Integer> positions = new ArrayList<>();
      for (int n = 0; n < perSender; n++) {
        positions.add(order.indexOf(Tx.of(sender, n).hash()));
      }
      assertThat(positions).isSorted();
    }
  }

  @Test
  void theBestBlockStartsWhereTheNodeIs() {
    BlockRef at = new BlockRef(Hash256.fromHex("01".repeat(32)), 41);
    TransactionPool pool = new TransactionPool(TransactionPoolConfig.defaults(), chain, at);
    assertThat(pool.bestBlock()).isEqualTo(at);
    assertThat(pool.submit(TransactionSource.EXTERNAL, Tx.of(ALICE, 0).encoded()))
        .isInstanceOf(Submission.Rejected.class); // the fake runtime does not know that block
  }

  @Test
  void banTimeZeroLastsUntilTheNextBlock() {
    TransactionPool pool = pool(TransactionPoolConfig.fromLimits(8192, 20480, Duration.ZERO));
    Tx tx = Tx.of(ALICE, 0);
    submitAll(pool, tx);
    BlockExtrinsics b1 = chain.block(chain.genesis, tx);
    pool.maintain(ChainEvent.NewBestBlock.extending(b1));
    assertThat(pool.isBanned(tx.hash())).isTrue();
    clock.advance(Duration.ofMillis(1));
    pool.maintain(ChainEvent.NewBestBlock.extending(chain.block(b1)));
    assertThat(pool.isBanned(tx.hash())).isFalse();
    Submission again = pool.submit(TransactionSource.EXTERNAL, tx.encoded());
    assertThat(again)
        .isEqualTo(
            new Submission.Rejected(
                tx.hash(),
                new PoolError.Invalid(InvalidTransaction.of(InvalidTransaction.Kind.STALE))));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other thread never arrived");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
