/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Hash256;
import java.util.Optional;

/** What became of a submitted transaction. */
public sealed interface Submission {

  /** The transaction's hash (of the submitted bytes, whatever the outcome). */
  Hash256 hash();

  /**
   * The transaction is in the pool (ready or future).
   *
   * @param watcher the handle of {@link TransactionPool#submitAndWatch}'s listener; empty for
   *     {@link TransactionPool#submit}
   */
  record Accepted(Hash256 hash, Optional<TransactionWatcher> watcher) implements Submission {}

  /** The pool refused the transaction; nothing about it is kept (except, maybe, a ban). */
  record Rejected(Hash256 hash, PoolError error) implements Submission {}
}
