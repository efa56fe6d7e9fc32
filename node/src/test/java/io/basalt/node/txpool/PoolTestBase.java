/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.txpool.FakeChain.Tx;
import io.basalt.primitives.bytes.Hash256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A pool on a {@link FakeChain} with a manual clock, and the helpers its tests share. */
abstract class PoolTestBase {
  static final int ALICE = 1;
  static final int BOB = 2;
  static final int CHARLIE = 3;

  final FakeChain chain = new FakeChain();
  final ManualClock clock = new ManualClock();

  TransactionPool pool(TransactionPoolConfig config) {
    return new TransactionPool(config, chain, chain.genesisRef(), () -> true, clock);
  }

  TransactionPool pool() {
    return pool(TransactionPoolConfig.defaults());
  }

  static Submission accepted(Tx tx) {
    return new Submission.Accepted(tx.hash(), Optional.empty());
  }

  static Submission rejected(Tx tx, PoolError error) {
    return new Submission.Rejected(tx.hash(), error);
  }

  static List<Hash256> readyHashes(TransactionPool pool) {
    List<Hash256> out = new ArrayList<>();
    pool.ready().forEachRemaining(tx -> out.add(tx.hash()));
    return out;
  }

  static List<Hash256> hashes(Tx... txs) {
    return Arrays.stream(txs).map(Tx::hash).toList();
  }

  static void submitAll(TransactionPool pool, Tx... txs) {
    for (Tx tx : txs) {
      assertThat(pool.submit(TransactionSource.EXTERNAL, tx.encoded())).isEqualTo(accepted(tx));
    }
  }

  static StatusRecorder watch(TransactionPool pool, Tx tx) {
    StatusRecorder events = new StatusRecorder();
    assertThat(pool.submitAndWatch(TransactionSource.EXTERNAL, tx.encoded(), events))
        .isInstanceOf(Submission.Accepted.class);
    return events;
  }
}
