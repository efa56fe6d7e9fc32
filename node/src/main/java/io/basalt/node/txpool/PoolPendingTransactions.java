/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.node.authoring.PendingTransactions;
import io.basalt.primitives.bytes.Hash256;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The pool as the block builder sees it: its ready queue, and where refused transactions go. */
public final class PoolPendingTransactions implements PendingTransactions {
  private final TransactionPool pool;

  public PoolPendingTransactions(TransactionPool pool) {
    this.pool = pool;
  }

  @Override
  public Ready ready() {
    ReadyTransactions snapshot = pool.ready();
    Map<Hash256, PoolTransaction> handedOut = new HashMap<>();
    return new Ready() {
      @Override
      public boolean hasNext() {
        return snapshot.hasNext();
      }

      @Override
      public Pending next() {
        PoolTransaction tx = snapshot.next();
        handedOut.put(tx.hash(), tx);
        return new Pending(tx.hash(), tx.extrinsic());
      }

      @Override
      public void reportInvalid(Pending tx) {
        PoolTransaction known = handedOut.get(tx.hash());
        if (known != null) {
          snapshot.reportInvalid(known);
        }
      }
    };
  }

  @Override
  public void invalid(List<Hash256> hashes) {
    pool.removeInvalid(hashes);
  }

  @Override
  public boolean isEmpty() {
    return pool.readyCount() == 0;
  }
}
