/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainEvent;
import io.basalt.node.chain.ChainListener;
import io.basalt.node.chain.TreeRoute;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.rpc.api.Cancellable;
import io.basalt.rpc.api.HeadKind;
import io.basalt.storage.block.BlockRef;
import java.util.function.Consumer;

/**
 * One {@code chain_subscribe*Heads}-style follower of the chain: the current head of its kind
 * first, then the heads of that kind from the chain's events, delivered in order off the importing
 * thread.
 *
 * <p>{@link HeadKind#BEST}: every block that becomes the best block, by import or because a
 * finalization moved the best block to another fork. {@link HeadKind#FINALIZED}: every newly
 * finalized block in chain order, none skipped, even if an event was missed between reading the
 * current head and listening. A head set on request ({@code dev_setHead}) is delivered to best and
 * all-heads followers, and to finalized ones when it moved finality back. A head equal to the last
 * one delivered is not repeated.
 */
final class HeadFollower implements ChainListener, Cancellable {
  private final Blockchain chain;
  private final HeadKind kind;
  private final Consumer<Header> listener;
  private final OrderedDelivery delivery = new OrderedDelivery();
  private volatile boolean cancelled;

  // Touched by delivery tasks only, one at a time.
  private BlockRef last;

  private HeadFollower(Blockchain chain, HeadKind kind, Consumer<Header> listener) {
    this.chain = chain;
    this.kind = kind;
    this.listener = listener;
  }

  /** Starts following: the current head is delivered first. */
  static HeadFollower start(Blockchain chain, HeadKind kind, Consumer<Header> listener) {
    HeadFollower follower = new HeadFollower(chain, kind, listener);
    BlockRef current = kind == HeadKind.FINALIZED ? chain.finalized() : chain.best();
    follower.delivery.execute(() -> follower.deliver(current));
    chain.addListener(follower);
    return follower;
  }

  @Override
  public void onEvent(ChainEvent event) {
    if (cancelled) {
      return;
    }
    switch (event) {
      case ChainEvent.BlockImported imported -> {
        if (kind == HeadKind.ALL || (kind == HeadKind.BEST && imported.isNewBest())) {
          BlockRef block = imported.ref();
          delivery.execute(() -> deliver(block));
        }
      }
      case ChainEvent.Finalized finalized -> {
        if (kind == HeadKind.FINALIZED) {
          BlockRef target = finalized.finalized();
          delivery.execute(() -> deliverFinalizedUpTo(target));
        } else if (kind == HeadKind.BEST && finalized.bestRoute().isPresent()) {
          BlockRef best = finalized.bestRoute().get().enacted().getLast();
          delivery.execute(() -> deliver(best));
        }
      }
      case ChainEvent.BestBlockSet set -> {
        if (kind == HeadKind.FINALIZED) {
          set.finalityRevertedTo().ifPresent(head -> delivery.execute(() -> deliver(head)));
        } else {
          BlockRef best = set.best();
          delivery.execute(() -> deliver(best));
        }
      }
    }
  }

  /** Every block from the last one delivered (excluded) to {@code target}. */
  private void deliverFinalizedUpTo(BlockRef target) {
    if (last == null || target.number() <= last.number()) {
      deliver(target);
      return;
    }
    TreeRoute route = chain.treeRoute(last.hash(), target.hash());
    route.enacted().forEach(this::deliver);
  }

  private void deliver(BlockRef block) {
    if (cancelled || block.equals(last)) {
      return;
    }
    last = block;
    Hash256 hash = block.hash();
    chain.header(hash).ifPresent(listener);
  }

  @Override
  public void cancel() {
    cancelled = true;
    chain.removeListener(this);
  }
}
