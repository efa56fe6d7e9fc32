/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.archive;

import static io.basalt.rpc.dispatch.Safety.SAFE;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.ArchiveApi;
import io.basalt.rpc.api.BlockQueryException;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.MethodRegistry;
import io.basalt.rpc.dispatch.ParamType;
import io.basalt.rpc.dispatch.Params;
import io.basalt.rpc.dispatch.RpcException;
import io.basalt.rpc.dispatch.SubscriptionNames;
import io.basalt.rpc.method.blockstorage.BlockStorage;
import io.basalt.rpc.method.blockstorage.StorageItem;
import io.basalt.rpc.subscription.SubscriptionSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The {@code archive_v1_*} methods (json-rpc-interface-spec {@code archive}, sc-rpc-spec-v2's
 * {@code Archive}): body, header, call, genesis hash, finalized height and hashes by height as
 * calls; {@code archive_v1_storage} ({@code archive_v1_storageEvent}, stopped with {@code
 * archive_v1_stopStorage}) and {@code archive_v1_storageDiff} ({@code archive_v1_storageDiffEvent},
 * stopped with {@code archive_v1_storageDiff_stopStorageDiff}) as subscriptions that stream their
 * results on the group's pool at the pace the client reads.
 *
 * <p>Errors: bad {@code callParameters} or a height beyond u32 are {@code 3001 "Invalid parameter:
 * …"} (Substrate's archive codes); bad keys in storage items end the subscription with an {@code
 * storageError} event, as Substrate reports them. {@code archive_v1_call} on an unknown block is
 * {@code null}, as the spec says.
 */
public final class ArchiveMethods implements MethodGroup {
  private static final long U32_MAX = 0xFFFF_FFFFL;

  private final ArchiveApi archive;
  private final Executor pool;

  /**
   * The group.
   *
   * @param pool where the storage subscriptions read (they may block waiting for the client)
   */
  public ArchiveMethods(ArchiveApi archive, Executor pool) {
    this.archive = archive;
    this.pool = pool;
  }

  @Override
  public void register(MethodRegistry methods) {
    methods.call("archive_v1_body", SAFE, this::body);
    methods.call("archive_v1_call", SAFE, this::call);
    methods.call("archive_v1_finalizedHeight", SAFE, params -> archive.finalizedHeight());
    methods.call("archive_v1_genesisHash", SAFE, params -> archive.genesisHash());
    methods.call("archive_v1_hashByHeight", SAFE, this::hashByHeight);
    methods.call("archive_v1_header", SAFE, this::header);
    methods.subscription(
        SubscriptionNames.of(
            "archive_v1_storage", "archive_v1_storageEvent", "archive_v1_stopStorage"),
        SAFE,
        this::storage);
    methods.subscription(
        SubscriptionNames.of(
            "archive_v1_storageDiff",
            "archive_v1_storageDiffEvent",
            "archive_v1_storageDiff_stopStorageDiff"),
        SAFE,
        this::storageDiff);
  }

  /** {@code 3001 "Invalid parameter: …"}. */
  static RpcException invalidParam(String what) {
    return new RpcException(3001, "Invalid parameter: " + what, null);
  }

  private Object body(Params params) {
    Hash256 hash = params.required(0, "hash", ParamType.HASH);
    return archive.body(hash).orElse(null);
  }

  private Object header(Params params) {
    Hash256 hash = params.required(0, "hash", ParamType.HASH);
    return archive.header(hash).orElse(null);
  }

  private Object hashByHeight(Params params) {
    long height = params.required(0, "height", ParamType.U64);
    if (height > U32_MAX) {
      throw invalidParam("Invalid block height: " + height);
    }
    return archive.hashesAt(height);
  }

  private Object call(Params params) {
    Hash256 hash = params.required(0, "hash", ParamType.HASH);
    String function = params.required(1, "function", ParamType.STRING);
    String parametersText = params.required(2, "callParameters", ParamType.STRING);
    Bytes parameters =
        BlockStorage.hex(parametersText).orElseThrow(() -> invalidParam(parametersText));
    if (archive.header(hash).isEmpty()) {
      return null;
    }
    Map<String, Object> result = new LinkedHashMap<>(4);
    try {
      Bytes output = archive.call(hash, function, parameters);
      result.put("success", true);
      result.put("value", output);
    } catch (BlockQueryException e) {
      result.put("success", false);
      result.put("error", e.getMessage());
    }
    return result;
  }

  private void storage(Params params, SubscriptionSink sink) {
    Hash256 hash = params.required(0, "hash", ParamType.HASH);
    List<StorageItem> items = params.required(1, "items", StorageItem.LIST);
    Optional<String> childTrie = params.optional(2, "childTrie", ParamType.STRING);
    pool.execute(new StorageStream(archive, hash, items, childTrie, sink)::run);
  }

  private void storageDiff(Params params, SubscriptionSink sink) {
    Hash256 hash = params.required(0, "hash", ParamType.HASH);
    List<DiffItem> items =
        params.optional(1, "items", DiffItem.LIST).filter(l -> !l.isEmpty()).orElse(DiffItem.ALL);
    Optional<Hash256> previous = params.optional(2, "previousHash", ParamType.HASH);
    pool.execute(new StorageDiffStream(archive, hash, items, previous, sink)::run);
  }
}
