/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.Iterator;
import java.util.List;

/** What the block builder takes from the transaction pool. */
public interface PendingTransactions {
  /**
   * A transaction ready for a block.
   *
   * @param hash its hash
   * @param extrinsic its encoding
   */
  record Pending(Hash256 hash, Bytes extrinsic) {}

  /** Ready transactions in the order a block should take them (priority; dependencies first). */
  Iterator<Pending> ready();

  /** The block builder found these transactions invalid: drop them. */
  void invalid(List<Hash256> hashes);

  /** No transactions at all (a chain without a pool). */
  PendingTransactions NONE =
      new PendingTransactions() {
        @Override
        public Iterator<Pending> ready() {
          return java.util.Collections.emptyIterator();
        }

        @Override
        public void invalid(List<Hash256> hashes) {}
      };
}
