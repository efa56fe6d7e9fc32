/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dependency graph alone (sc-transaction-pool's base pool and ready queue): transactions with
 * one-byte tags, imported in the orders Substrate's own tests use, with the outcomes its rules
 * give.
 */
class TransactionGraphTest {
  private final TransactionGraph graph = new TransactionGraph();

  private static Bytes tag(int t) {
    return Bytes.of((byte) t);
  }

  private static Hash256 hash(int id) {
    return Hashing.blake2b256Hash(new byte[] {(byte) id});
  }

  /** Transaction {@code id}: priority 5, valid till 64, one byte of extrinsic. */
  private static PoolTransaction tx(int id, List<Integer> requires, List<Integer> provides) {
    return tx(id, 5, 64, requires, provides);
  }

  private static PoolTransaction tx(
      int id, long priority, long validTill, List<Integer> requires, List<Integer> provides) {
    return new PoolTransaction(
        hash(id),
        Bytes.of((byte) 4, (byte) id),
        TransactionSource.EXTERNAL,
        priority,
        validTill,
        requires.stream().map(TransactionGraphTest::tag).toList(),
        provides.stream().map(TransactionGraphTest::tag).toList(),
        true,
        0);
  }

  private List<Integer> readyOrder() {
    List<Integer> ids = new ArrayList<>();
    graph.ready().forEachRemaining(tx -> ids.add((int) tx.extrinsic().get(1)));
    return ids;
  }

  private static List<Hash256> hashes(int... ids) {
    List<Hash256> out = new ArrayList<>();
    for (int id : ids) {
      out.add(hash(id));
    }
    return out;
  }

  @Test
  void aTransactionWaitsForItsRequirementThenBothAreReady() {
    assertThat(graph.add(tx(1, List.of(0), List.of(1))))
        .isEqualTo(new TransactionGraph.Imported.Future(hash(1)));
    assertThat(graph.status()).isEqualTo(new PoolStatus(0, 0, 1, 2));
    assertThat(graph.add(tx(2, List.of(), List.of(0))))
        .isEqualTo(new TransactionGraph.Imported.Ready(hash(2), hashes(1), List.of(), List.of()));
    assertThat(readyOrder()).containsExactly(2, 1);
    assertThat(graph.status()).isEqualTo(new PoolStatus(2, 4, 0, 0));
  }

  @Test
  void theSameTransactionIsImportedOnce() {
    graph.add(tx(1, List.of(), List.of(1)));
    assertThat(graph.add(tx(1, List.of(), List.of(1))))
        .isEqualTo(
            new TransactionGraph.Imported.Failed(
                new PoolError.AlreadyImported(hash(1)), List.of()));
  }

  @Test
  void promotesAWholeSubgraphAndOrdersItByDependenciesThenPriority() {
    graph.add(tx(1, List.of(0), List.of(1)));
    graph.add(tx(3, List.of(2), List.of()));
    graph.add(tx(2, List.of(1), List.of(3, 2)));
    graph.add(tx(4, 1000, 64, List.of(3, 4), List.of()));
    assertThat(readyOrder()).isEmpty();
    TransactionGraph.Imported result = graph.add(tx(5, List.of(), List.of(0, 4)));
    assertThat(result)
        .isEqualTo(
            new TransactionGraph.Imported.Ready(hash(5), hashes(1, 2, 3, 4), List.of(), List.of()));
    // 4 needs 3 (from 2) and 4 (from 5) and outranks 3 once both are in.
    assertThat(readyOrder()).containsExactly(5, 1, 2, 4, 3);
  }

  @Test
  void aPromotedTransactionReplacesALowerPriorityOneProvidingTheSameTag() {
    graph.add(tx(3, 50, 64, List.of(1), List.of(3)));
    PoolTransaction two = tx(2, List.of(1), List.of(3));
    graph.add(two);
    assertThat(graph.status().future()).isEqualTo(2);
    assertThat(graph.add(tx(1, List.of(), List.of(1))))
        .isEqualTo(
            new TransactionGraph.Imported.Ready(hash(1), hashes(3), List.of(), List.of(two)));
    assertThat(readyOrder()).containsExactly(1, 3);
    assertThat(graph.status().future()).isZero();
  }

  @Test
  void aCycleIsBrokenByPriority() {
    graph.add(tx(1, List.of(0), List.of(1)));
    graph.add(tx(3, List.of(1), List.of(2)));
    PoolTransaction two = tx(2, List.of(2), List.of(0));
    graph.add(two);
    assertThat(graph.status().future()).isEqualTo(3);
    // 4 provides 0 with a higher priority than 2: 2 loses its place when the cycle closes.
    assertThat(graph.add(tx(4, 50, 64, List.of(), List.of(0))))
        .isEqualTo(
            new TransactionGraph.Imported.Ready(hash(4), hashes(1, 3), List.of(), List.of(two)));
    assertThat(readyOrder()).containsExactly(4, 1, 3);
    assertThat(graph.status().future()).isZero();
  }

  @Test
  void aCycleThatPushesOutTheNewTransactionIsRefusedAndLeavesNothing() {
    graph.add(tx(1, List.of(0), List.of(1)));
    graph.add(tx(3, List.of(1), List.of(2)));
    graph.add(tx(2, List.of(2), List.of(0)));
    TransactionGraph.Imported result = graph.add(tx(4, 1, 64, List.of(), List.of(0)));
    assertThat(result).isInstanceOf(TransactionGraph.Imported.Failed.class);
    TransactionGraph.Imported.Failed failed = (TransactionGraph.Imported.Failed) result;
    assertThat(failed.error()).isEqualTo(new PoolError.CycleDetected());
    assertThat(failed.lost()).containsExactlyInAnyOrderElementsOf(hashes(1, 2, 3));
    assertThat(graph.status()).isEqualTo(PoolStatus.EMPTY);
  }

  @Test
  void removingASubtreeTakesTheDependentsAlongAndFuturesByHash() {
    graph.add(tx(5, List.of(), List.of(0, 4)));
    graph.add(tx(1, List.of(0), List.of(1)));
    graph.add(tx(3, List.of(2), List.of()));
    graph.add(tx(2, List.of(1), List.of(3, 2)));
    graph.add(tx(4, 1000, 64, List.of(3, 4), List.of()));
    graph.add(tx(6, 1000, 64, List.of(11), List.of()));
    assertThat(graph.status().ready()).isEqualTo(5);
    assertThat(graph.status().future()).isEqualTo(1);
    List<PoolTransaction> removed = graph.removeSubtree(hashes(6, 1));
    assertThat(removed)
        .extracting(PoolTransaction::hash)
        .containsExactlyInAnyOrderElementsOf(hashes(1, 2, 3, 4, 6));
    assertThat(readyOrder()).containsExactly(5);
    assertThat(graph.status().future()).isZero();
  }

  @Test
  void pruningATagRemovesItsProviderAndEagerlyWhatItRequiredAndPromotesWaiters() {
    graph.add(tx(5, List.of(0), List.of(100)));
    graph.add(tx(1, List.of(), List.of(1)));
    graph.add(tx(2, List.of(2), List.of(3)));
    graph.add(tx(3, List.of(1), List.of(2)));
    graph.add(tx(4, 1000, 64, List.of(3, 2), List.of(4)));
    assertThat(graph.status().ready()).isEqualTo(4);
    assertThat(graph.status().future()).isEqualTo(1);

    TransactionGraph.PruneStatus status = graph.pruneTags(List.of(tag(0), tag(2)));

    // 3 provided 2; 1 unlocked only 3, so it went too. 2 and 4 stay, their need for tag 2 now met
    // by the chain; 5 waited for 0.
    assertThat(status.pruned())
        .extracting(PoolTransaction::hash)
        .containsExactlyElementsOf(hashes(3, 1));
    assertThat(status.failed()).isEmpty();
    assertThat(status.promoted())
        .containsExactly(
            new TransactionGraph.Imported.Ready(hash(5), List.of(), List.of(), List.of()));
    assertThat(graph.status().ready()).isEqualTo(3);
    assertThat(graph.status().future()).isZero();
    assertThat(readyOrder()).containsExactly(2, 4, 5);
  }

  @Test
  void pruningATagAFutureTransactionProvidesRemovesIt() {
    graph.add(tx(0xaa, List.of(1), List.of(2)));
    TransactionGraph.PruneStatus status = graph.pruneTags(List.of(tag(2)));
    assertThat(status.failed()).containsExactly(hash(0xaa));
    assertThat(status.pruned()).isEmpty();
    assertThat(graph.status()).isEqualTo(PoolStatus.EMPTY);
  }

  @Test
  void recentlyPrunedTagsCountAsMetForTwoPrunings() {
    graph.pruneTags(List.of(tag(7)));
    assertThat(graph.add(tx(1, List.of(7), List.of(1))))
        .isInstanceOf(TransactionGraph.Imported.Ready.class);
    graph.pruneTags(List.of(tag(8)));
    assertThat(graph.add(tx(2, List.of(7), List.of(2))))
        .isInstanceOf(TransactionGraph.Imported.Ready.class);
    graph.pruneTags(List.of(tag(9)));
    assertThat(graph.add(tx(3, List.of(7), List.of(3))))
        .isInstanceOf(TransactionGraph.Imported.Future.class);
  }

  /** Substrate's ready-queue fixture: 1 → 2 → 3 (3 also needs 1), 1 → 4 → 5 → 6, 1 → 7. */
  private void populate() {
    graph.add(tx(1, 1, 2, List.of(), List.of(3, 4)));
    graph.add(tx(2, 1, 2, List.of(3, 4), List.of(106)));
    graph.add(tx(3, 1, 2, List.of(3, 106), List.of()));
    graph.add(tx(7, 1, -1L, List.of(3), List.of()));
    graph.add(tx(4, 1, 2, List.of(3), List.of(107)));
    graph.add(tx(5, 1, 2, List.of(107), List.of(108)));
    graph.add(tx(6, 1, 2, List.of(108), List.of()));
  }

  @Test
  void equalPrioritiesGoByValidityLeftThenArrival() {
    populate();
    // 7 lives forever, so it comes after every other one unlocked with it.
    assertThat(readyOrder()).containsExactly(1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void reportingATransactionInvalidSkipsWhatDependsOnIt() {
    populate();
    ReadyTransactions ready = graph.ready();
    List<Integer> seen = new ArrayList<>();
    while (ready.hasNext()) {
      PoolTransaction tx = ready.next();
      seen.add((int) tx.extrinsic().get(1));
      if (tx.hash().equals(hash(4))) {
        ready.reportInvalid(tx);
      }
    }
    assertThat(seen).containsExactly(1, 2, 3, 4, 7);
    // The snapshot did not change the pool.
    assertThat(readyOrder()).containsExactly(1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void aSnapshotDoesNotSeeLaterChanges() {
    populate();
    ReadyTransactions ready = graph.ready();
    graph.removeSubtree(hashes(1));
    assertThat(graph.status().ready()).isZero();
    int count = 0;
    while (ready.hasNext()) {
      ready.next();
      count++;
    }
    assertThat(count).isEqualTo(7);
  }

  @Test
  void aReplacementMustOutbidTheSummedPriorityOfEverythingItReplaces() {
    graph.add(tx(2, 1, 2, List.of(), List.of(3)));
    graph.add(tx(3, 1, 2, List.of(), List.of(4)));
    assertThat(graph.add(tx(1, 1, 2, List.of(), List.of(3, 4))))
        .isEqualTo(
            new TransactionGraph.Imported.Failed(new PoolError.TooLowPriority(2, 1), List.of()));
    assertThat(graph.add(tx(11, 2, 2, List.of(), List.of(3, 4))))
        .isEqualTo(
            new TransactionGraph.Imported.Failed(new PoolError.TooLowPriority(2, 2), List.of()));
    TransactionGraph.Imported replaced = graph.add(tx(12, 10, 2, List.of(), List.of(3, 4)));
    assertThat(replaced).isInstanceOf(TransactionGraph.Imported.Ready.class);
    assertThat(((TransactionGraph.Imported.Ready) replaced).removed())
        .extracting(PoolTransaction::hash)
        .containsExactlyInAnyOrderElementsOf(hashes(2, 3));
    assertThat(readyOrder()).containsExactly(12);
  }

  @Test
  void replacingATransactionDropsWhatDependedOnTagsTheReplacementDoesNotProvide() {
    graph.add(tx(0, 1, 2, List.of(), List.of(0)));
    graph.add(tx(1, 1, 2, List.of(), List.of(1)));
    graph.add(tx(2, 1, 2, List.of(0, 1), List.of(2, 3)));
    graph.add(tx(3, 1, 2, List.of(2), List.of(4)));
    graph.add(tx(4, 1, 2, List.of(3), List.of(5)));
    assertThat(readyOrder()).hasSize(5);
    graph.add(tx(5, 10, 2, List.of(0, 1), List.of(2)));
    assertThat(readyOrder()).containsExactly(0, 1, 5);
  }

  @Test
  void limitsDropTheLowestPriorityOldestReadySubtreeAndTheOldestFuture() {
    graph.add(tx(1, 5, 64, List.of(), List.of(1)));
    graph.add(tx(2, 9, 64, List.of(1), List.of(2)));
    graph.add(tx(3, 5, 64, List.of(), List.of(3)));
    graph.add(tx(4, 7, 64, List.of(), List.of(4)));
    graph.add(tx(10, 1, 64, List.of(50), List.of(10)));
    graph.add(tx(11, 1, 64, List.of(51), List.of(11)));
    List<PoolTransaction> removed =
        graph.enforceLimits(new PoolLimit(2, 1000), new PoolLimit(1, 1000));
    // 1 (priority 5, older than 3) goes with 2, which needs it; then the oldest future, 10.
    assertThat(removed)
        .extracting(PoolTransaction::hash)
        .containsExactlyElementsOf(hashes(1, 2, 10));
    assertThat(readyOrder()).containsExactly(4, 3);
    assertThat(graph.futures()).extracting(PoolTransaction::hash).containsExactly(hash(11));
    assertThat(graph.enforceLimits(new PoolLimit(2, 3), new PoolLimit(1, 1000)))
        .extracting(PoolTransaction::hash)
        .containsExactly(hash(3));
  }
}
