/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.txpool.FakeChain.Tx;
import io.basalt.node.txpool.TransactionStatus.Dropped;
import io.basalt.node.txpool.TransactionStatus.Finalized;
import io.basalt.node.txpool.TransactionStatus.InBlock;
import io.basalt.node.txpool.TransactionStatus.Invalid;
import io.basalt.node.txpool.TransactionStatus.Ready;
import io.basalt.node.txpool.TransactionStatus.Usurped;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pool with a FRAME-like fake runtime: submission, ordering, replacement, limits, bans. */
class TransactionPoolTest extends PoolTestBase {
  @Test
  void acceptsAValidTransactionAsReadyAtTheBestBlock() {
    TransactionPool pool = pool();
    Tx tx = Tx.of(ALICE, 0);
    assertThat(pool.submit(TransactionSource.EXTERNAL, tx.encoded())).isEqualTo(accepted(tx));
    assertThat(tx.hash()).isEqualTo(PoolTransaction.hashOf(tx.encoded()));
    assertThat(chain.calls())
        .containsExactly(
            new FakeChain.Call(TransactionSource.EXTERNAL, tx.hash(), chain.genesisRef()));
    assertThat(pool.readyCount()).isEqualTo(1);
    assertThat(pool.status()).isEqualTo(new PoolStatus(1, tx.encoded().length(), 0, 0));
    PoolTransaction stored = pool.get(tx.hash()).orElseThrow();
    assertThat(stored.extrinsic()).isEqualTo(tx.encoded());
    assertThat(stored.payload()).isEqualTo(tx.payload());
    assertThat(stored.provides()).containsExactly(tx.tag());
    assertThat(stored.validTill()).isEqualTo(-1L); // u64::MAX: immortal
    assertThat(pool.pendingExtrinsics()).containsExactly(tx.encoded());
  }

  @Test
  void offchainWorkersSubmitWithTheLocalSource() {
    TransactionPool pool = pool();
    Tx tx = Tx.of(ALICE, 0);
    assertThat(pool.submit(TransactionSource.LOCAL, tx.encoded())).isEqualTo(accepted(tx));
    assertThat(chain.calls().getFirst().source()).isEqualTo(TransactionSource.LOCAL);
    assertThat(pool.get(tx.hash()).orElseThrow().source()).isEqualTo(TransactionSource.LOCAL);
  }

  @Test
  void aFutureTransactionWaitsUntilItsRequirementArrives() {
    TransactionPool pool = pool();
    Tx second = Tx.of(ALICE, 1);
    StatusRecorder events = new StatusRecorder();
    Submission s = pool.submitAndWatch(TransactionSource.EXTERNAL, second.encoded(), events);
    assertThat(s).isInstanceOf(Submission.Accepted.class);
    assertThat(pool.status().future()).isEqualTo(1);
    assertThat(pool.readyCount()).isZero();
    assertThat(pool.futures()).extracting(PoolTransaction::hash).containsExactly(second.hash());
    Tx first = Tx.of(ALICE, 0);
    pool.submit(TransactionSource.EXTERNAL, first.encoded());
    assertThat(readyHashes(pool)).containsExactly(first.hash(), second.hash());
    assertThat(events.events())
        .containsExactly(new TransactionStatus.Future(), new TransactionStatus.Ready());
  }

  @Test
  void refusesWhatIsAlreadyInThePoolAndBansIt() {
    TransactionPool pool = pool();
    Tx tx = Tx.of(ALICE, 0);
    pool.submit(TransactionSource.EXTERNAL, tx.encoded());
    assertThat(pool.submit(TransactionSource.EXTERNAL, tx.encoded()))
        .isEqualTo(rejected(tx, new PoolError.AlreadyImported(tx.hash())));
    assertThat(chain.callsFor(tx)).isEqualTo(1);
    assertThat(pool.isBanned(tx.hash())).isTrue();
  }

  @Test
  void anInvalidTransactionIsRefusedWithTheRuntimesReasonAndBanned() {
    TransactionPool pool = pool();
    Tx tx = Tx.of(ALICE, 0);
    chain.override(
        tx,
        at ->
            new TransactionValidityError.Invalid(
                InvalidTransaction.of(InvalidTransaction.Kind.BAD_PROOF)));
    Submission s = pool.submit(TransactionSource.EXTERNAL, tx.encoded());
    assertThat(s)
        .isEqualTo(
            rejected(
                tx,
                new PoolError.Invalid(InvalidTransaction.of(InvalidTransaction.Kind.BAD_PROOF))));
    assertThat(((Submission.Rejected) s).error().rpcError().data())
        .contains("Transaction has a bad signature");
    assertThat(pool.status()).isEqualTo(PoolStatus.EMPTY);
    chain.clearOverride(tx);
    assertThat(pool.submit(TransactionSource.EXTERNAL, tx.encoded()))
        .isEqualTo(rejected(tx, new PoolError.TemporarilyBanned()));
    assertThat(chain.callsFor(tx)).isEqualTo(1);
  }

  @Test
  void anUnknownValidityIsRefusedWithoutABan() {
    TransactionPool pool = pool();
    Tx tx = Tx.of(ALICE, 0);
    chain.override(
        tx,
        at ->
            new TransactionValidityError.Unknown(
                UnknownTransaction.of(UnknownTransaction.Kind.CANNOT_LOOKUP)));
    assertThat(pool.submit(TransactionSource.EXTERNAL, tx.encoded()))
        .isEqualTo(
            rejected(
                tx,
                new PoolError.Unknown(
                    UnknownTransaction.of(UnknownTransaction.Kind.CANNOT_LOOKUP))));
    chain.clearOverride(tx);
    assertThat(pool.submit(TransactionSource.EXTERNAL, tx.encoded())).isEqualTo(accepted(tx));
  }

  @Test
  void aRuntimeFailureIsAVerificationErrorAndBansTheHash() {
    TransactionPool pool = pool();
    Tx tx = Tx.of(ALICE, 0);
    chain.override(
        tx,
        at -> {
          throw new IllegalStateException("wasm trap: unreachable executed");
        });
    Submission s = pool.submit(TransactionSource.EXTERNAL, tx.encoded());
    assertThat(s)
        .isEqualTo(
            rejected(tx, new PoolError.VerificationFailed("wasm trap: unreachable executed")));
    assertThat(((Submission.Rejected) s).error().rpcError().message())
        .isEqualTo("Verification Error: Runtime error: wasm trap: unreachable executed");
    assertThat(pool.isBanned(tx.hash())).isTrue();
  }

  @Test
  void aTransactionProvidingNoTagIsRefused() {
    TransactionPool pool = pool();
    Tx tx = Tx.of(ALICE, 0);
    chain.override(tx, at -> new ValidTransaction(1, List.of(), List.of(), 64, true));
    assertThat(pool.submit(TransactionSource.EXTERNAL, tx.encoded()))
        .isEqualTo(rejected(tx, new PoolError.NoTagsProvided()));
    assertThat(pool.isBanned(tx.hash())).isTrue();
  }

  @Test
  void aTransactionThatMustNotPropagateNeedsAnAuthoringNode() {
    Tx tx = Tx.of(ALICE, 0).notPropagated();
    TransactionPool observer =
        new TransactionPool(
            TransactionPoolConfig.defaults(), chain, chain.genesisRef(), () -> false, clock);
    assertThat(observer.submit(TransactionSource.LOCAL, tx.encoded()))
        .isEqualTo(rejected(tx, new PoolError.Unactionable()));
    assertThat(observer.isBanned(tx.hash())).isFalse();
    assertThat(pool().submit(TransactionSource.LOCAL, tx.encoded())).isEqualTo(accepted(tx));
  }

  @Test
  void bytesThatAreNotOneEncodedExtrinsicAreRefusedUnvalidated() {
    TransactionPool pool = pool();
    Tx tx = Tx.of(ALICE, 0);
    Bytes truncated = tx.encoded().slice(0, tx.encoded().length() - 1);
    Bytes trailing = tx.encoded().concat(Bytes.of((byte) 0));
    for (Bytes bad : List.of(Bytes.EMPTY, truncated, trailing)) {
      Submission s = pool.submit(TransactionSource.EXTERNAL, bad);
      assertThat(s).isInstanceOf(Submission.Rejected.class);
      assertThat(((Submission.Rejected) s).error()).isInstanceOf(PoolError.BadFormat.class);
    }
    assertThat(
            ((Submission.Rejected) pool.submit(TransactionSource.EXTERNAL, truncated))
                .error()
                .message())
        .isEqualTo("Invalid extrinsic format: the length prefix says 23 byte(s) but 22 follow it");
    assertThat(chain.calls()).isEmpty();
  }

  @Test
  void readyOrderIsPriorityThenShorterValidityThenArrival() {
    TransactionPool pool = pool();
    Tx low = Tx.of(ALICE, 0).priority(1);
    Tx highLongLived = Tx.of(BOB, 0).priority(9);
    Tx highShortLived = Tx.of(CHARLIE, 0).priority(9).longevity(10);
    Tx lowLater = Tx.of(4, 0).priority(1);
    for (Tx tx : List.of(low, highLongLived, highShortLived, lowLater)) {
      pool.submit(TransactionSource.EXTERNAL, tx.encoded());
    }
    assertThat(readyHashes(pool))
        .containsExactlyElementsOf(hashes(highShortLived, highLongLived, low, lowLater));
  }

  @Test
  void aTransactionComesAfterWhatItRequiresWhateverItsPriority() {
    TransactionPool pool = pool();
    Tx alice0 = Tx.of(ALICE, 0).priority(1);
    Tx alice1 = Tx.of(ALICE, 1).priority(100);
    Tx bob0 = Tx.of(BOB, 0).priority(50);
    for (Tx tx : List.of(alice1, bob0, alice0)) {
      pool.submit(TransactionSource.EXTERNAL, tx.encoded());
    }
    assertThat(readyHashes(pool)).containsExactlyElementsOf(hashes(bob0, alice0, alice1));
  }

  @Test
  void aHigherPriorityTransactionWithTheSameTagUsurpsTheOther() {
    TransactionPool pool = pool();
    Tx first = Tx.of(ALICE, 0).priority(10);
    Tx same = Tx.of(ALICE, 0).priority(10).salt(1);
    Tx better = Tx.of(ALICE, 0).priority(11).salt(2);
    StatusRecorder events = new StatusRecorder();
    pool.submitAndWatch(TransactionSource.EXTERNAL, first.encoded(), events);
    Submission tooLow = pool.submit(TransactionSource.EXTERNAL, same.encoded());
    assertThat(tooLow).isEqualTo(rejected(same, new PoolError.TooLowPriority(10, 10)));
    assertThat(((Submission.Rejected) tooLow).error().message())
        .isEqualTo("Too low priority (10 > 10)");
    assertThat(pool.submit(TransactionSource.EXTERNAL, better.encoded()))
        .isEqualTo(accepted(better));
    assertThat(readyHashes(pool)).containsExactly(better.hash());
    assertThat(events.events()).containsExactly(new Ready(), new Usurped(better.hash()));
    // The stream ended: nothing more reaches the usurped transaction's watcher.
    pool.removeInvalid(List.of(better.hash()));
    assertThat(events.events()).hasSize(2);
  }

  @Test
  void aFullReadyQueueDropsTheLowestPriorityAndRefusesAWorseNewcomer() {
    TransactionPool pool =
        pool(
            new TransactionPoolConfig(
                new PoolLimit(2, 1 << 20),
                new PoolLimit(10, 1 << 20),
                Duration.ofMinutes(30),
                256));
    Tx five = Tx.of(ALICE, 0).priority(5);
    Tx ten = Tx.of(BOB, 0).priority(10);
    StatusRecorder fiveEvents = new StatusRecorder();
    pool.submitAndWatch(TransactionSource.EXTERNAL, five.encoded(), fiveEvents);
    pool.submit(TransactionSource.EXTERNAL, ten.encoded());

    Tx one = Tx.of(CHARLIE, 0).priority(1);
    StatusRecorder oneEvents = new StatusRecorder();
    assertThat(pool.submitAndWatch(TransactionSource.EXTERNAL, one.encoded(), oneEvents))
        .isEqualTo(rejected(one, new PoolError.ImmediatelyDropped()));
    assertThat(oneEvents.events()).isEmpty();
    assertThat(pool.isBanned(one.hash())).isTrue();

    Tx twenty = Tx.of(4, 0).priority(20);
    assertThat(pool.submit(TransactionSource.EXTERNAL, twenty.encoded()))
        .isEqualTo(accepted(twenty));
    assertThat(readyHashes(pool)).containsExactlyElementsOf(hashes(twenty, ten));
    assertThat(fiveEvents.events()).containsExactly(new Ready(), new Dropped());
    assertThat(pool.isBanned(five.hash())).isTrue();
  }

  @Test
  void equalPrioritiesDropTheOldestAndDependentsGoWithWhatTheyNeed() {
    TransactionPool pool = pool(TransactionPoolConfig.fromLimits(2, 1024, Duration.ZERO));
    Tx alice0 = Tx.of(ALICE, 0).priority(1);
    Tx alice1 = Tx.of(ALICE, 1).priority(100);
    pool.submit(TransactionSource.EXTERNAL, alice0.encoded());
    pool.submit(TransactionSource.EXTERNAL, alice1.encoded());
    Tx bob0 = Tx.of(BOB, 0).priority(50);
    assertThat(pool.submit(TransactionSource.EXTERNAL, bob0.encoded())).isEqualTo(accepted(bob0));
    assertThat(readyHashes(pool)).containsExactly(bob0.hash());
  }

  @Test
  void theByteLimitCountsEncodedSizes() {
    Tx a = Tx.of(ALICE, 0).priority(3);
    int size = a.encoded().length();
    TransactionPool pool =
        pool(
            new TransactionPoolConfig(
                new PoolLimit(100, 2L * size), new PoolLimit(10, 1000), Duration.ZERO, 256));
    pool.submit(TransactionSource.EXTERNAL, a.encoded());
    pool.submit(TransactionSource.EXTERNAL, Tx.of(BOB, 0).priority(2).encoded());
    Tx c = Tx.of(CHARLIE, 0).priority(1);
    assertThat(pool.submit(TransactionSource.EXTERNAL, c.encoded()))
        .isEqualTo(rejected(c, new PoolError.ImmediatelyDropped()));
    assertThat(pool.status().readyBytes()).isEqualTo(2L * size);
  }

  @Test
  void aFullFutureQueueDropsTheOldestWaitingTransaction() {
    TransactionPool pool = pool(TransactionPoolConfig.fromLimits(10, 1024, Duration.ZERO));
    Tx old = Tx.of(ALICE, 5);
    StatusRecorder events = new StatusRecorder();
    pool.submitAndWatch(TransactionSource.EXTERNAL, old.encoded(), events);
    Tx newer = Tx.of(BOB, 5);
    assertThat(pool.submit(TransactionSource.EXTERNAL, newer.encoded())).isEqualTo(accepted(newer));
    assertThat(pool.futures()).extracting(PoolTransaction::hash).containsExactly(newer.hash());
    assertThat(events.events()).containsExactly(new TransactionStatus.Future(), new Dropped());
  }

  @Test
  void cliDerivedDefaultsAreSubstrates() {
    TransactionPoolConfig config = TransactionPoolConfig.defaults();
    assertThat(config.ready()).isEqualTo(new PoolLimit(8192, 20 * 1024 * 1024));
    assertThat(config.future()).isEqualTo(new PoolLimit(819, 2_097_152));
    assertThat(config.banTime()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aBanOutlivesTheBanTimeUntilTheNextBlockIsPruned() {
    TransactionPool pool =
        pool(TransactionPoolConfig.fromLimits(8192, 20480, Duration.ofSeconds(60)));
    Tx tx = Tx.of(ALICE, 0);
    chain.override(
        tx,
        at ->
            new TransactionValidityError.Invalid(
                InvalidTransaction.of(InvalidTransaction.Kind.PAYMENT)));
    pool.submit(TransactionSource.EXTERNAL, tx.encoded());
    chain.clearOverride(tx);
    clock.advance(Duration.ofSeconds(59));
    pool.maintain(ChainEvent.NewBestBlock.extending(chain.block(chain.genesis)));
    // Refused again, and, as in Substrate, the refusal renews the ban (until 59 + 60 s).
    assertThat(pool.submit(TransactionSource.EXTERNAL, tx.encoded()))
        .isEqualTo(rejected(tx, new PoolError.TemporarilyBanned()));
    clock.advance(Duration.ofSeconds(60));
    pool.maintain(ChainEvent.NewBestBlock.extending(chain.block(chain.genesis)));
    assertThat(pool.isBanned(tx.hash())).isTrue();
    clock.advance(Duration.ofSeconds(2));
    // Expired, but bans are lifted only when a block is pruned.
    assertThat(pool.isBanned(tx.hash())).isTrue();
    BlockExtrinsics b1 = chain.block(chain.genesis);
    BlockExtrinsics b2 = chain.block(b1);
    pool.maintain(ChainEvent.NewBestBlock.extending(b2));
    assertThat(pool.isBanned(tx.hash())).isFalse();
    assertThat(pool.submit(TransactionSource.EXTERNAL, tx.encoded())).isEqualTo(accepted(tx));
  }

  @Test
  void removeProvidingDropsTheTransactionsWithATag() {
    TransactionPool pool = pool();
    Tx alice0 = Tx.of(ALICE, 0);
    Tx alice1 = Tx.of(ALICE, 1);
    Tx bob3 = Tx.of(BOB, 3);
    for (Tx tx : List.of(alice0, alice1, bob3)) {
      pool.submit(TransactionSource.EXTERNAL, tx.encoded());
    }
    assertThat(pool.removeProviding(alice0.tag()))
        .extracting(PoolTransaction::hash)
        .containsExactlyInAnyOrderElementsOf(hashes(alice0, alice1));
    assertThat(pool.removeProviding(bob3.tag()))
        .extracting(PoolTransaction::hash)
        .containsExactly(bob3.hash());
    assertThat(pool.status()).isEqualTo(PoolStatus.EMPTY);
    assertThat(pool.isBanned(alice0.hash())).isTrue();
    assertThat(pool.isBanned(alice1.hash())).isFalse();
  }

  @Test
  void theBlockBuilderRemovesWhatTheRuntimeRefusedAndItsDependents() {
    TransactionPool pool = pool();
    Tx alice0 = Tx.of(ALICE, 0);
    Tx alice1 = Tx.of(ALICE, 1);
    Tx bob0 = Tx.of(BOB, 0);
    StatusRecorder alice1Events = new StatusRecorder();
    pool.submit(TransactionSource.EXTERNAL, alice0.encoded());
    pool.submitAndWatch(TransactionSource.EXTERNAL, alice1.encoded(), alice1Events);
    pool.submit(TransactionSource.EXTERNAL, bob0.encoded());
    ReadyTransactions ready = pool.ready();
    List<Hash256> applied = new ArrayList<>();
    List<Hash256> refused = new ArrayList<>();
    while (ready.hasNext()) {
      PoolTransaction tx = ready.next();
      if (tx.hash().equals(alice0.hash())) {
        ready.reportInvalid(tx);
        refused.add(tx.hash());
      } else {
        applied.add(tx.hash());
      }
    }
    assertThat(applied).containsExactly(bob0.hash());
    assertThat(pool.removeInvalid(refused))
        .extracting(PoolTransaction::hash)
        .containsExactlyInAnyOrderElementsOf(hashes(alice0, alice1));
    assertThat(alice1Events.events()).containsExactly(new Ready(), new Invalid());
    assertThat(readyHashes(pool)).containsExactly(bob0.hash());
  }

  @Test
  void readyListenersHearOfSubmittedReadyTransactionsOnly() {
    TransactionPool pool = pool();
    List<Hash256> heard = new ArrayList<>();
    java.util.function.Consumer<Hash256> listener = heard::add;
    pool.addReadyListener(listener);
    Tx alice1 = Tx.of(ALICE, 1);
    Tx alice0 = Tx.of(ALICE, 0);
    pool.submit(TransactionSource.EXTERNAL, alice1.encoded());
    assertThat(heard).isEmpty();
    pool.submit(TransactionSource.EXTERNAL, alice0.encoded());
    assertThat(heard).containsExactly(alice0.hash());
    pool.removeReadyListener(listener);
    pool.submit(TransactionSource.EXTERNAL, Tx.of(BOB, 0).encoded());
    assertThat(heard).containsExactly(alice0.hash());
    assertThat(pool.readyCount()).isEqualTo(3);
  }

  @Test
  void aListenerMayCallBackIntoThePool() {
    TransactionPool pool = pool();
    Tx alice0 = Tx.of(ALICE, 0);
    Tx alice1 = Tx.of(ALICE, 1);
    List<Submission> nested = new ArrayList<>();
    StatusRecorder events = new StatusRecorder();
    pool.submitAndWatch(
        TransactionSource.EXTERNAL,
        alice0.encoded(),
        status -> {
          events.accept(status);
          if (status instanceof Ready && nested.isEmpty()) {
            nested.add(pool.submit(TransactionSource.EXTERNAL, alice1.encoded()));
          }
        });
    assertThat(nested).containsExactly(accepted(alice1));
    assertThat(events.events()).containsExactly(new Ready());
    assertThat(readyHashes(pool)).containsExactlyElementsOf(hashes(alice0, alice1));
  }

  @Test
  void aClosedWatcherHearsNothingMore() {
    TransactionPool pool = pool();
    Tx tx = Tx.of(ALICE, 0);
    StatusRecorder events = new StatusRecorder();
    Submission s = pool.submitAndWatch(TransactionSource.EXTERNAL, tx.encoded(), events);
    TransactionWatcher watcher = ((Submission.Accepted) s).watcher().orElseThrow();
    assertThat(watcher.hash()).isEqualTo(tx.hash());
    watcher.close();
    pool.removeInvalid(List.of(tx.hash()));
    assertThat(events.events()).containsExactly(new Ready());
  }

  @Test
  void aRejectedWatchedSubmissionGetsNoEvents() {
    TransactionPool pool = pool();
    Tx tx = Tx.of(ALICE, 0);
    pool.submit(TransactionSource.EXTERNAL, tx.encoded());
    StatusRecorder events = new StatusRecorder();
    assertThat(pool.submitAndWatch(TransactionSource.EXTERNAL, tx.encoded(), events))
        .isEqualTo(rejected(tx, new PoolError.AlreadyImported(tx.hash())));
    pool.removeInvalid(List.of(tx.hash()));
    assertThat(events.events()).isEmpty();
  }

  @Test
  void includedTransactionsLeaveThePoolWithInBlockThenFinalized() {
    TransactionPool pool = pool();
    Tx alice0 = Tx.of(ALICE, 0);
    Tx alice1 = Tx.of(ALICE, 1);
    StatusRecorder events = new StatusRecorder();
    pool.submitAndWatch(TransactionSource.EXTERNAL, alice0.encoded(), events);
    pool.submit(TransactionSource.EXTERNAL, alice1.encoded());
    BlockExtrinsics b1 = chain.block(chain.genesis, alice0);
    pool.maintain(ChainEvent.NewBestBlock.extending(b1));
    assertThat(pool.bestBlock()).isEqualTo(FakeChain.ref(b1));
    assertThat(readyHashes(pool)).containsExactly(alice1.hash());
    assertThat(pool.get(alice0.hash())).isEmpty();
    assertThat(events.events()).containsExactly(new Ready(), new InBlock(b1.hash()));
    assertThat(pool.submit(TransactionSource.EXTERNAL, alice0.encoded()))
        .isEqualTo(rejected(alice0, new PoolError.TemporarilyBanned()));
    pool.maintain(new ChainEvent.Finalized(List.of(b1.hash())));
    assertThat(events.events())
        .containsExactly(new Ready(), new InBlock(b1.hash()), new Finalized(b1.hash()));
  }
}
