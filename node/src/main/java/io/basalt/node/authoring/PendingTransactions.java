/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** What the block builder takes from the transaction pool. */
public interface PendingTransactions {
  /**
   * A transaction ready for a block.
   *
   * @param hash its hash
   * @param extrinsic its encoding, with its compact length prefix (as submitted)
   */
  record Pending(Hash256 hash, Bytes extrinsic) {}

  /** Ready transactions in block order; told which ones the runtime refused. */
  interface Ready extends Iterator<Pending> {
    /** The runtime refused {@code tx}: skip what depends on it. */
    default void reportInvalid(Pending tx) {}
  }

  /** Ready transactions in the order a block should take them (priority; dependencies first). */
  Ready ready();

  /** The block builder found these transactions invalid: drop them. */
  void invalid(List<Hash256> hashes);

  /** Whether any transaction is ready. */
  default boolean isEmpty() {
    return !ready().hasNext();
  }

  /** No transactions at all (a chain without a pool). */
  PendingTransactions NONE = of(List.of());

  /** A fixed list of transactions, taken in order (tests, benchmarks). */
  static PendingTransactions of(List<Pending> transactions) {
    return new PendingTransactions() {
      @Override
      public Ready ready() {
        Iterator<Pending> it = transactions.iterator();
        return new Ready() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Pending next() {
            return it.next();
          }
        };
      }

      @Override
      public void invalid(List<Hash256> hashes) {}
    };
  }

  /** No transactions, as an iterator. */
  static Ready none() {
    Iterator<Pending> empty = Collections.emptyIterator();
    return new Ready() {
      @Override
      public boolean hasNext() {
        return empty.hasNext();
      }

      @Override
      public Pending next() {
        return empty.next();
      }
    };
  }
}
