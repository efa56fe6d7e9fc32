/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Bytes;
import java.util.function.Consumer;

/**
 * What the {@code transaction_v1_*} and {@code transactionWatch_v1_*} methods ask the node: put
 * transactions in its pool, and follow them. There is no networking, so "broadcasting" is keeping a
 * transaction in the pool until it is finalized, found invalid, or stopped.
 */
public interface TransactionApi {
  /**
   * Submits a transaction and tells {@code listener} its progress, from whatever thread learns it,
   * ending with a {@linkplain TransactionEvent#isFinal() final} event. A transaction the pool
   * refuses gets one final event ({@code invalid}, {@code dropped}…) before this returns.
   *
   * @param transaction the SCALE-encoded extrinsic with its length prefix
   * @return stops the events (the transaction stays in the pool)
   * @throws io.basalt.rpc.dispatch.RpcException {@code 1001 "Extrinsic has invalid format: …"} if
   *     the bytes are not one length-prefixed extrinsic
   */
  AutoCloseable submitAndWatch(Bytes transaction, Consumer<TransactionEvent> listener);

  /**
   * Keeps a transaction in the pool: submits it now and, when it fails in a way that may pass later
   * (banned, pool full, dropped), again at the next best blocks, until it is finalized or fails for
   * good. Bytes that are not an extrinsic are ignored silently (the spec's broadcast never
   * reports).
   *
   * @param onDone runs once when the broadcast ends by itself
   * @return stops the broadcast (a transaction already in the pool stays there)
   */
  AutoCloseable broadcast(Bytes transaction, Runnable onDone);
}
