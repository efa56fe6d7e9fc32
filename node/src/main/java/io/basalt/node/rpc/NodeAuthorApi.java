/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.runtime.Runtimes;
import io.basalt.node.txpool.AuthorRpcError;
import io.basalt.node.txpool.PoolError;
import io.basalt.node.txpool.PoolTransaction;
import io.basalt.node.txpool.Submission;
import io.basalt.node.txpool.TransactionPool;
import io.basalt.node.txpool.TransactionSource;
import io.basalt.node.txpool.TransactionStatus;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.crypto.keystore.Keystore;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Header;
import io.basalt.rpc.api.AuthorApi;
import io.basalt.rpc.api.Cancellable;
import io.basalt.rpc.api.ExtrinsicStatus;
import io.basalt.rpc.api.RuntimeCallException;
import io.basalt.rpc.dispatch.RpcException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code author_*} as the node answers it: the transaction pool (RPC submissions are {@link
 * TransactionSource#EXTERNAL}, validated at the best block) and the key store, with the runtime's
 * {@code SessionKeys} API at the best block for session keys.
 *
 * <p>As in Substrate, bytes that are not one encoded extrinsic are {@code 1040 "Client error: …"}
 * for {@code author_submitExtrinsic} (sc-rpc decodes them before the pool sees them) and {@code
 * 1001} for a watched submission; every other refusal is the pool's {@link PoolError#rpcError()}.
 */
public final class NodeAuthorApi implements AuthorApi {
  /** sc-rpc-api's {@code OTHER_ERR}. */
  private static final int OTHER_ERROR = 1040;

  private final Blockchain chain;
  private final TransactionPool pool;
  private final Keystore keystore;
  private final RuntimeCalls calls;

  public NodeAuthorApi(
      Blockchain chain, TransactionPool pool, Keystore keystore, RuntimeCalls calls) {
    this.chain = chain;
    this.pool = pool;
    this.keystore = keystore;
    this.calls = calls;
  }

  @Override
  public Hash256 submit(Bytes extrinsic) {
    return switch (pool.submit(TransactionSource.EXTERNAL, extrinsic)) {
      case Submission.Accepted accepted -> accepted.hash();
      case Submission.Rejected(Hash256 hash, PoolError.BadFormat(String reason)) ->
          throw new RpcException(OTHER_ERROR, "Client error: " + reason, null);
      case Submission.Rejected(Hash256 hash, PoolError error) -> throw refusal(error);
    };
  }

  @Override
  public Cancellable submitAndWatch(Bytes extrinsic, Consumer<ExtrinsicStatus> listener) {
    Submission submission =
        pool.submitAndWatch(
            TransactionSource.EXTERNAL, extrinsic, status -> listener.accept(json(status)));
    return switch (submission) {
      case Submission.Accepted(Hash256 hash, var watcher) ->
          watcher.<Cancellable>map(w -> w::close).orElse(() -> {});
      case Submission.Rejected(Hash256 hash, PoolError error) -> throw refusal(error);
    };
  }

  private static RpcException refusal(PoolError error) {
    AuthorRpcError rpc = error.rpcError();
    return new RpcException(rpc.code(), rpc.message(), rpc.data().orElse(null));
  }

  private static ExtrinsicStatus json(TransactionStatus status) {
    return switch (status) {
      case TransactionStatus.Future f -> ExtrinsicStatus.future();
      case TransactionStatus.Ready r -> ExtrinsicStatus.ready();
      case TransactionStatus.Broadcast(List<String> peers) -> ExtrinsicStatus.broadcast(peers);
      case TransactionStatus.InBlock(Hash256 block) -> ExtrinsicStatus.inBlock(block);
      case TransactionStatus.Retracted(Hash256 block) -> ExtrinsicStatus.retracted(block);
      case TransactionStatus.FinalityTimeout(Hash256 block) ->
          ExtrinsicStatus.finalityTimeout(block);
      case TransactionStatus.Finalized(Hash256 block) -> ExtrinsicStatus.finalized(block);
      case TransactionStatus.Usurped(Hash256 by) -> ExtrinsicStatus.usurped(by);
      case TransactionStatus.Dropped d -> ExtrinsicStatus.dropped();
      case TransactionStatus.Invalid i -> ExtrinsicStatus.invalid();
    };
  }

  @Override
  public List<Bytes> pendingExtrinsics() {
    return pool.pendingExtrinsics();
  }

  @Override
  public List<Hash256> remove(Collection<Hash256> hashes) {
    List<Hash256> removed = new ArrayList<>();
    for (PoolTransaction tx : pool.removeInvalid(hashes)) {
      removed.add(tx.hash());
    }
    return removed;
  }

  @Override
  public void insertKey(KeyTypeId keyType, String suri, Bytes publicKey) {
    try {
      keystore.insert(keyType, suri, publicKey);
    } catch (RuntimeException e) {
      throw new RpcException(OTHER_ERROR, "The key store is unavailable", null);
    }
  }

  @Override
  public Bytes rotateKeys() {
    Bytes encoded =
        sessionKeysCall("SessionKeys_generate_session_keys", Bytes.of((byte) 0)); // seed: None
    try {
      ScaleReader r = new ScaleReader(encoded);
      return r.readByteVec();
    } catch (ScaleDecodingException e) {
      throw badAnswer("SessionKeys_generate_session_keys", e);
    }
  }

  @Override
  public Optional<Boolean> hasSessionKeys(Bytes sessionKeys) {
    Bytes encoded =
        sessionKeysCall(
            "SessionKeys_decode_session_keys",
            new ScaleWriter(sessionKeys.length() + 5).writeByteVec(sessionKeys).toBytes());
    List<Keystore.KeyReference> keys = new ArrayList<>();
    try {
      ScaleReader r = new ScaleReader(encoded);
      if (!r.readBool()) {
        return Optional.empty();
      }
      long count = r.readCompactLong();
      for (long i = 0; i < count; i++) {
        Bytes publicKey = r.readByteVec();
        keys.add(new Keystore.KeyReference(new KeyTypeId(r.readFixed(4)), publicKey));
      }
    } catch (ScaleDecodingException e) {
      throw badAnswer("SessionKeys_decode_session_keys", e);
    }
    return Optional.of(keystore.hasKeys(keys));
  }

  @Override
  public boolean hasKey(Bytes publicKey, KeyTypeId keyType) {
    return keystore.hasKeys(List.of(new Keystore.KeyReference(keyType, publicKey)));
  }

  /** A {@code SessionKeys} call at the best block, with the key store (sc-rpc's author calls). */
  private Bytes sessionKeysCall(String method, Bytes input) {
    Header best = chain.requireHeader(chain.best().hash());
    return calls.callOrFail(best, method, input, Runtimes.services().withKeystore(keystore));
  }

  private static RuntimeCallException badAnswer(String method, ScaleDecodingException e) {
    return new RuntimeCallException(
        "Failed to decode return value of " + method + ": " + e.getMessage());
  }
}
