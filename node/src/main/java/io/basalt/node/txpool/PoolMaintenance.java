/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainListener;
import io.basalt.node.chain.TreeRoute;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.storage.block.BlockRef;
import java.util.List;

/**
 * Keeps the pool current with the chain: each new best block (with the route from the previous one,
 * so a re-organisation resubmits what it retracted), each best block set on request (a rewind,
 * which does not) and each finalization.
 */
public final class PoolMaintenance implements ChainListener {
  private final Blockchain chain;
  private final TransactionPool pool;

  public PoolMaintenance(Blockchain chain, TransactionPool pool) {
    this.chain = chain;
    this.pool = pool;
  }

  @Override
  public void onEvent(io.basalt.node.chain.ChainEvent event) {
    switch (event) {
      case io.basalt.node.chain.ChainEvent.BlockImported imported ->
          imported.bestRoute().ifPresent(this::newBest);
      case io.basalt.node.chain.ChainEvent.BestBlockSet set ->
          pool.maintain(
              new ChainEvent.BestBlockSet(
                  blocks(set.bestRoute().retracted()),
                  blocks(set.bestRoute().enacted()),
                  set.best()));
      case io.basalt.node.chain.ChainEvent.Finalized finalized -> {
        finalized.bestRoute().ifPresent(this::newBest);
        pool.maintain(
            new ChainEvent.Finalized(
                finalized.newlyFinalized().stream().map(BlockRef::hash).toList()));
      }
    }
  }

  private void newBest(TreeRoute route) {
    pool.maintain(new ChainEvent.NewBestBlock(blocks(route.retracted()), blocks(route.enacted())));
  }

  private List<BlockExtrinsics> blocks(List<BlockRef> refs) {
    return refs.stream()
        .map(
            ref -> {
              Header header = chain.requireHeader(ref.hash());
              return BlockExtrinsics.of(
                  new Block(header, chain.body(ref.hash()).orElse(List.of())));
            })
        .toList();
  }
}
