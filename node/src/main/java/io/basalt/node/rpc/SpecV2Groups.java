/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.method.archive.ArchiveMethods;
import io.basalt.rpc.method.chainhead.ChainHeadLimits;
import io.basalt.rpc.method.chainhead.ChainHeadMethods;
import io.basalt.rpc.method.chainspec.ChainSpecMethods;
import io.basalt.rpc.method.transaction.TransactionMethods;
import io.basalt.rpc.subscription.SubscriptionIds;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The groups of the new JSON-RPC spec ({@code chainSpec_v1}, {@code chainHead_v1}, {@code
 * archive_v1}, {@code transaction_v1}, {@code transactionWatch_v1}) over the node, sharing one pool
 * of daemon threads for follow events, operations, storage streams and broadcasts; idle threads end
 * after 30 s, so the pool needs no shutdown.
 */
final class SpecV2Groups {
  private SpecV2Groups() {}

  static List<MethodGroup> of(NodeRpc.Node node) {
    Executor pool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            Thread.ofPlatform().name("rpc-spec-v2-", 1).daemon().factory());
    NodeBlocks blocks = new NodeBlocks(node.chain(), node.calls());
    return List.of(
        new ChainSpecMethods(new NodeChainSpecApi(node.spec(), node.chain().genesisHash())),
        new ChainHeadMethods(blocks, ChainHeadLimits.DEFAULT, pool, System::nanoTime),
        new ArchiveMethods(blocks, pool),
        new TransactionMethods(
            new NodeTransactionApi(node.pool(), node.chain(), pool), SubscriptionIds.random()));
  }
}
