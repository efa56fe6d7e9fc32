/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.offchain;

import io.basalt.primitives.bytes.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Extrinsics that offchain workers submitted ({@code ext_offchain_submit_transaction}), waiting for
 * the transaction pool, which does not exist yet: a bounded in-memory queue that the future pool
 * will {@link #drain}. Nothing here validates a transaction; that is the pool's job ({@code
 * TaggedTransactionQueue_validate_transaction}). When the queue is full, submissions are refused,
 * which the runtime sees as {@code Err(())}, as when Substrate's pool rejects one.
 *
 * <pre>{@code
 * SubmittedTransactions submitted = new SubmittedTransactions(1024);
 * submitted.offer(extrinsic);       // false when full
 * List<Bytes> batch = submitted.drain();
 * }</pre>
 */
public final class SubmittedTransactions {
  private final BlockingQueue<Bytes> queue;

  /**
   * An empty queue holding at most {@code capacity} extrinsics.
   *
   * @throws IllegalArgumentException if {@code capacity} is not positive
   */
  public SubmittedTransactions(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Queues an encoded extrinsic; false if the queue is full. */
  public boolean offer(Bytes extrinsic) {
    return queue.offer(extrinsic);
  }

  /** Takes every queued extrinsic, oldest first. */
  public List<Bytes> drain() {
    List<Bytes> out = new ArrayList<>(queue.size());
    queue.drainTo(out);
    return out;
  }

  /** How many extrinsics are waiting. */
  public int size() {
    return queue.size();
  }
}
