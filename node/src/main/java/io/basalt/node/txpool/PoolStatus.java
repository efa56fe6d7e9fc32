/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

/**
 * How full the pool is.
 *
 * @param ready transactions in the ready queue ({@code substrate_ready_transactions_number})
 * @param readyBytes their encoded size
 * @param future transactions in the future queue
 * @param futureBytes their encoded size
 */
public record PoolStatus(int ready, long readyBytes, int future, long futureBytes) {
  /** An empty pool. */
  public static final PoolStatus EMPTY = new PoolStatus(0, 0, 0, 0);

  /** Whether the pool holds no transaction. */
  public boolean isEmpty() {
    return ready == 0 && future == 0;
  }
}
