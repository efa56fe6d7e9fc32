/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainEvent;
import io.basalt.node.chain.ChainListener;
import io.basalt.node.txpool.InvalidTransaction;
import io.basalt.node.txpool.PoolError;
import io.basalt.node.txpool.PoolTransaction;
import io.basalt.node.txpool.Submission;
import io.basalt.node.txpool.TransactionPool;
import io.basalt.node.txpool.TransactionSource;
import io.basalt.node.txpool.TransactionStatus;
import io.basalt.node.txpool.TransactionWatcher;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.TransactionApi;
import io.basalt.rpc.api.TransactionBlock;
import io.basalt.rpc.api.TransactionEvent;
import io.basalt.rpc.dispatch.RpcException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code transactionWatch_v1_*} and {@code transaction_v1_*} over the transaction pool, with
 * sc-rpc-spec-v2's mapping of pool statuses and errors to spec events ({@code TransactionState},
 * {@code From<Error> for TransactionEvent}); the index of an included transaction is found by
 * hashing the block's extrinsics. Transactions come in as {@link TransactionSource#EXTERNAL}.
 */
public final class NodeTransactionApi implements TransactionApi {
  private static final Logger LOG = LoggerFactory.getLogger("rpc");

  private final TransactionPool pool;
  private final Blockchain chain;
  private final Executor executor;

  /**
   * The facade.
   *
   * @param executor where broadcasts resubmit (validation runs the runtime)
   */
  public NodeTransactionApi(TransactionPool pool, Blockchain chain, Executor executor) {
    this.pool = pool;
    this.chain = chain;
    this.executor = executor;
  }

  @Override
  public AutoCloseable submitAndWatch(Bytes transaction, Consumer<TransactionEvent> listener) {
    Hash256 hash = PoolTransaction.hashOf(transaction);
    Submission submission =
        pool.submitAndWatch(
            TransactionSource.EXTERNAL,
            transaction,
            status -> event(status, hash).ifPresent(listener));
    return switch (submission) {
      case Submission.Accepted accepted -> accepted.watcher().orElseThrow();
      case Submission.Rejected(Hash256 h, PoolError.BadFormat bad) ->
          throw new RpcException(1001, "Extrinsic has invalid format: " + bad.reason(), null);
      case Submission.Rejected rejected -> {
        listener.accept(new TransactionEvent.Invalid(message(rejected.error())));
        yield () -> {};
      }
    };
  }

  @Override
  public AutoCloseable broadcast(Bytes transaction, Runnable onDone) {
    Broadcast broadcast = new Broadcast(transaction, onDone);
    broadcast.attempt();
    return broadcast::stop;
  }

  /** A pool status as a spec event; nothing for statuses the spec does not report. */
  Optional<TransactionEvent> event(TransactionStatus status, Hash256 transaction) {
    return switch (status) {
      case TransactionStatus.Future f -> Optional.of(new TransactionEvent.Validated());
      case TransactionStatus.Ready r -> Optional.of(new TransactionEvent.Validated());
      case TransactionStatus.Broadcast b -> Optional.empty();
      case TransactionStatus.InBlock in ->
          Optional.of(
              new TransactionEvent.BestChainBlockIncluded(
                  Optional.of(included(in.block(), transaction))));
      case TransactionStatus.Retracted r ->
          Optional.of(new TransactionEvent.BestChainBlockIncluded(Optional.empty()));
      case TransactionStatus.FinalityTimeout t ->
          Optional.of(
              new TransactionEvent.Dropped("Maximum number of finality watchers has been reached"));
      case TransactionStatus.Finalized f ->
          Optional.of(new TransactionEvent.Finalized(included(f.block(), transaction)));
      case TransactionStatus.Usurped u ->
          Optional.of(
              new TransactionEvent.Invalid("Extrinsic was rendered invalid by another extrinsic"));
      case TransactionStatus.Dropped d ->
          Optional.of(
              new TransactionEvent.Dropped(
                  "Extrinsic dropped from the pool due to exceeding limits"));
      case TransactionStatus.Invalid i ->
          Optional.of(new TransactionEvent.Invalid("Extrinsic marked as invalid"));
    };
  }

  /** Where a transaction sits in a block's body: found by hashing the body's extrinsics. */
  private TransactionBlock included(Hash256 block, Hash256 transaction) {
    List<Bytes> body = chain.body(block).orElse(List.of());
    for (int i = 0; i < body.size(); i++) {
      if (PoolTransaction.hashOf(PoolTransaction.withLengthPrefix(body.get(i)))
          .equals(transaction)) {
        return new TransactionBlock(block, i);
      }
    }
    LOG.warn("transaction {} is not in the body of block {}", transaction, block);
    return new TransactionBlock(block, 0);
  }

  /** sc-rpc-spec-v2's text for a pool error. */
  static String message(PoolError error) {
    return switch (error) {
      case PoolError.Invalid(InvalidTransaction reason) ->
          reason.kind() == InvalidTransaction.Kind.CUSTOM
              ? "Invalid transaction with custom error: " + reason.customCode()
              : "Invalid transaction: " + reason.message();
      case PoolError.Unknown unknown ->
          "Unknown transaction validity: " + unknown.reason().message();
      case PoolError.TemporarilyBanned b -> "Transaction is temporarily banned";
      case PoolError.AlreadyImported a -> "Transaction is already imported";
      case PoolError.TooLowPriority(long old, long now) ->
          "The priority of the transaction is too low (pool "
              + Long.toUnsignedString(old)
              + " > current "
              + Long.toUnsignedString(now)
              + ")";
      case PoolError.CycleDetected c -> "The transaction contains a cyclic dependency";
      case PoolError.ImmediatelyDropped d ->
          "The transaction could not enter the pool because of the limit";
      case PoolError.Unactionable u ->
          "Transaction cannot be propagated and the local node does not author blocks";
      case PoolError.NoTagsProvided n ->
          "Transaction does not provide any tags, so the pool cannot identify it";
      case PoolError.VerificationFailed(String reason) -> "Verification error: " + reason;
      case PoolError.BadFormat(String reason) -> "Extrinsic has invalid format: " + reason;
    };
  }

  /**
   * One {@code transaction_v1_broadcast}: the transaction is submitted now and, after a failure
   * that may pass (banned, pool full, dropped, invalid, finality timeout: Substrate's {@code
   * is_retriable}), again at the next new best block, until it is finalized, usurped or fails for
   * good.
   */
  private final class Broadcast implements ChainListener {
    private final Bytes transaction;
    private final Runnable onDone;
    private TransactionWatcher watcher;
    private boolean waiting;
    private boolean over;

    Broadcast(Bytes transaction, Runnable onDone) {
      this.transaction = transaction;
      this.onDone = onDone;
    }

    void attempt() {
      synchronized (this) {
        if (over) {
          return;
        }
      }
      Submission submission =
          pool.submitAndWatch(TransactionSource.EXTERNAL, transaction, this::onStatus);
      switch (submission) {
        case Submission.Accepted accepted -> {
          synchronized (this) {
            watcher = accepted.watcher().orElseThrow();
            if (over) {
              watcher.close();
            }
          }
        }
        case Submission.Rejected(Hash256 h, PoolError error) -> {
          if (error instanceof PoolError.TemporarilyBanned
              || error instanceof PoolError.ImmediatelyDropped) {
            retryAtNextBestBlock();
          } else {
            finish();
          }
        }
      }
    }

    private void onStatus(TransactionStatus status) {
      if (!status.isFinal()) {
        return;
      }
      if (status instanceof TransactionStatus.Invalid
          || status instanceof TransactionStatus.Dropped
          || status instanceof TransactionStatus.FinalityTimeout) {
        retryAtNextBestBlock();
      } else {
        finish();
      }
    }

    private synchronized void retryAtNextBestBlock() {
      if (!over && !waiting) {
        waiting = true;
        chain.addListener(this);
      }
    }

    @Override
    public void onEvent(ChainEvent event) {
      if (event instanceof ChainEvent.BlockImported imported && imported.isNewBest()) {
        synchronized (this) {
          if (!waiting) {
            return;
          }
          waiting = false;
        }
        chain.removeListener(this);
        executor.execute(this::attempt);
      }
    }

    private void finish() {
      stop();
      onDone.run();
    }

    void stop() {
      TransactionWatcher current;
      synchronized (this) {
        over = true;
        waiting = false;
        current = watcher;
      }
      chain.removeListener(this);
      if (current != null) {
        current.close();
      }
    }
  }
}
