/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import java.util.function.Consumer;

/**
 * What the {@code chainHead_v1_*} methods ask the node: the head of the chain, its changes as they
 * happen, and the blocks' data ({@link BlockSource}).
 */
public interface ChainHeadApi extends BlockSource {
  /** The finalized block, the best block and every block built on the finalized one. */
  HeadSnapshot head();

  /**
   * Tells {@code listener} every change from now on, in order, on the thread that made it (block
   * import, finalization): it must only hand the event on.
   *
   * @return stops the events
   */
  AutoCloseable follow(Consumer<HeadEvent> listener);
}
