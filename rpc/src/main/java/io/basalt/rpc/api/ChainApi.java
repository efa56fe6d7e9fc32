/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;
import java.util.Optional;
import java.util.function.Consumer;

/** What the {@code chain_*} methods (and the state subscriptions) ask the node about blocks. */
public interface ChainApi {
  /** The best block's hash. */
  Hash256 bestHash();

  /** The last finalized block's hash. */
  Hash256 finalizedHash();

  /** A block's header, if the node has the block. */
  Optional<Header> header(Hash256 hash);

  /** A block with its body and justifications, if the node has it. */
  Optional<SignedBlock> block(Hash256 hash);

  /** The hash of the best chain's block at a height, if the chain is that high. */
  Optional<Hash256> canonicalHash(long number);

  /**
   * Follows the chain's heads of one kind: {@code listener} hears the current head of that kind
   * (the best block, or the finalized one) first, then every head of that kind as it comes, in
   * order, one at a time, on a thread of the node's that is not the importing thread (so the
   * listener may read state). A {@link HeadKind#FINALIZED} follower hears every finalized block,
   * none skipped.
   *
   * @return stops the follower
   */
  Cancellable follow(HeadKind kind, Consumer<Header> listener);
}
