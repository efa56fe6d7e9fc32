/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.state;

import static io.basalt.rpc.dispatch.Safety.SAFE;
import static io.basalt.rpc.dispatch.Safety.UNSAFE;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.rpc.api.BlockState;
import io.basalt.rpc.api.Cancellable;
import io.basalt.rpc.api.ChainApi;
import io.basalt.rpc.api.HeadKind;
import io.basalt.rpc.api.RuntimeCallException;
import io.basalt.rpc.api.StateApi;
import io.basalt.rpc.api.UnknownBlockException;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.MethodRegistry;
import io.basalt.rpc.dispatch.ParamType;
import io.basalt.rpc.dispatch.Params;
import io.basalt.rpc.dispatch.RpcException;
import io.basalt.rpc.dispatch.SubscriptionNames;
import io.basalt.rpc.subscription.SubscriptionSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code state_*} methods (sc-rpc-api's {@code StateApi}) over a {@link StateApi}: runtime
 * calls, storage reads with Substrate's paging, sizes and hashes, change sets, read proofs,
 * metadata, runtime versions and their subscriptions. The block defaults to the best block.
 *
 * <p>Unsafe, as in sc-rpc: {@code getPairs}, {@code queryStorage}, {@code traceBlock}, and {@code
 * subscribeStorage} without keys. Errors: {@code 4003 "Client error: UnknownBlock: Header was not
 * found in the database: 0x…"} for an unknown block ({@code "Api called for an unknown Block: …"}
 * for metadata and runtime versions), {@code 4003 "Client error: Execution failed: …"} when the
 * runtime fails, {@code 4002} for a page over 1000 keys, {@code 4001} for a block range that does
 * not resolve. {@code traceBlock} answers Substrate's trace error ({@code 4001}): Basalt records no
 * runtime spans or state events.
 */
public final class StateMethods implements MethodGroup {
  private static final Logger LOG = LoggerFactory.getLogger("rpc");

  /** sc-rpc's {@code STORAGE_KEYS_PAGED_MAX_COUNT}. */
  static final int STORAGE_KEYS_PAGED_MAX_COUNT = 1000;

  private final StateApi state;
  private final ChainApi chain;

  public StateMethods(StateApi state, ChainApi chain) {
    this.state = state;
    this.chain = chain;
  }

  @Override
  public void register(MethodRegistry methods) {
    methods.call("state_call", SAFE, this::call, "state_callAt");
    methods.call("state_getKeys", SAFE, this::keys);
    methods.call("state_getPairs", UNSAFE, this::pairs);
    methods.call("state_getKeysPaged", SAFE, this::keysPaged, "state_getKeysPagedAt");
    methods.call("state_getStorage", SAFE, this::storage, "state_getStorageAt");
    methods.call("state_getStorageHash", SAFE, this::storageHash, "state_getStorageHashAt");
    methods.call("state_getStorageSize", SAFE, this::storageSize, "state_getStorageSizeAt");
    methods.call("state_getMetadata", SAFE, this::metadata);
    methods.call("state_getRuntimeVersion", SAFE, this::runtimeVersion, "chain_getRuntimeVersion");
    methods.call("state_queryStorage", UNSAFE, this::queryStorage);
    methods.call("state_queryStorageAt", SAFE, this::queryStorageAt);
    methods.call("state_getReadProof", SAFE, this::readProof);
    methods.call("state_traceBlock", UNSAFE, this::traceBlock);
    methods.subscription(
        SubscriptionNames.of(
                "state_subscribeRuntimeVersion",
                "state_runtimeVersion",
                "state_unsubscribeRuntimeVersion")
            .withSubscribeAliases("chain_subscribeRuntimeVersion")
            .withUnsubscribeAliases("chain_unsubscribeRuntimeVersion"),
        SAFE,
        this::subscribeRuntimeVersion);
    methods.subscription(
        SubscriptionNames.of("state_subscribeStorage", "state_storage", "state_unsubscribeStorage"),
        SAFE,
        this::subscribeStorage);
  }

  private Object call(Params params) {
    String method = params.required(0, "name", ParamType.STRING);
    Bytes data = params.required(1, "bytes", ParamType.BYTES);
    BlockState at = at(params.optional(2, "hash", ParamType.HASH));
    try {
      return at.call(method, data);
    } catch (RuntimeCallException e) {
      throw StateErrors.executionFailed(e);
    }
  }

  private Object keys(Params params) {
    Bytes prefix = params.required(0, "prefix", ParamType.BYTES);
    return at(params.optional(1, "hash", ParamType.HASH)).keys(prefix, Optional.empty()).toList();
  }

  private Object pairs(Params params) {
    Bytes prefix = params.required(0, "prefix", ParamType.BYTES);
    return at(params.optional(1, "hash", ParamType.HASH))
        .entries(prefix)
        .map(e -> List.of(e.key(), e.value()))
        .toList();
  }

  private Object keysPaged(Params params) {
    Optional<Bytes> prefix = params.optional(0, "prefix", ParamType.BYTES);
    long count = params.required(1, "count", ParamType.U32);
    Optional<Bytes> startKey = params.optional(2, "startKey", ParamType.BYTES);
    Optional<Hash256> hash = params.optional(3, "hash", ParamType.HASH);
    if (count > STORAGE_KEYS_PAGED_MAX_COUNT) {
      throw new RpcException(
          StateErrors.INVALID_COUNT,
          "count exceeds maximum value. value: " + count + ", max: " + STORAGE_KEYS_PAGED_MAX_COUNT,
          null);
    }
    return at(hash).keys(prefix.orElse(Bytes.EMPTY), startKey).limit(count).toList();
  }

  private Object storage(Params params) {
    Bytes key = params.required(0, "key", ParamType.BYTES);
    return at(params.optional(1, "hash", ParamType.HASH)).get(key).orElse(null);
  }

  private Object storageHash(Params params) {
    Bytes key = params.required(0, "key", ParamType.BYTES);
    return at(params.optional(1, "hash", ParamType.HASH))
        .get(key)
        .map(StateValues::hash)
        .orElse(null);
  }

  private Object storageSize(Params params) {
    Bytes key = params.required(0, "key", ParamType.BYTES);
    return StateValues.sizeOfValueOrPrefix(at(params.optional(1, "hash", ParamType.HASH)), key)
        .orElse(null);
  }

  private Object metadata(Params params) {
    BlockState at = apiAt(params.optional(0, "hash", ParamType.HASH));
    Bytes opaque;
    try {
      opaque = at.call("Metadata_metadata", Bytes.EMPTY);
    } catch (RuntimeCallException e) {
      throw StateErrors.executionFailed(e);
    }
    try {
      ScaleReader r = new ScaleReader(opaque);
      return r.readByteVec();
    } catch (ScaleDecodingException e) {
      throw StateErrors.client(
          "Failed to decode return value of Metadata_metadata: " + e.getMessage());
    }
  }

  private Object runtimeVersion(Params params) {
    return version(apiAt(params.optional(0, "hash", ParamType.HASH)));
  }

  private static RuntimeVersion version(BlockState at) {
    try {
      return at.runtimeVersion();
    } catch (RuntimeCallException e) {
      throw StateErrors.executionFailed(e);
    }
  }

  private Object queryStorage(Params params) {
    List<Bytes> keys = params.required(0, "keys", StateValues.KEYS);
    Hash256 from = params.required(1, "block", ParamType.HASH);
    Optional<Hash256> to = params.optional(2, "hash", ParamType.HASH);
    return changeSets(keys, from, to.orElseGet(chain::bestHash));
  }

  private Object queryStorageAt(Params params) {
    List<Bytes> keys = params.required(0, "keys", StateValues.KEYS);
    Hash256 at = params.optional(1, "at", ParamType.HASH).orElseGet(chain::bestHash);
    return changeSets(keys, at, at);
  }

  /**
   * Substrate's {@code query_storage}: the values of {@code keys} in every block from {@code from}
   * to {@code to} (one chain), each change set holding the keys whose value differs from the
   * previous block's (every key in the first block); empty change sets are left out.
   */
  private List<StorageChangeSet> changeSets(List<Bytes> keys, Hash256 from, Hash256 to) {
    Header fromHeader =
        chain
            .header(from)
            .orElseThrow(() -> unresolved(from, to, "UnknownBlock: " + headerNotFound(from)));
    Header toHeader =
        chain
            .header(to)
            .orElseThrow(() -> unresolved(from, to, "UnknownBlock: " + headerNotFound(to)));
    if (fromHeader.number() > toHeader.number()) {
      throw StateErrors.invalidBlockRange(
          describe(fromHeader), describe(toHeader), "from number > to number");
    }
    List<Hash256> hashes = new ArrayList<>();
    Header last = toHeader;
    hashes.add(last.hash());
    while (last.number() > fromHeader.number()) {
      Header child = last;
      last =
          chain
              .header(last.parentHash())
              .orElseThrow(
                  () ->
                      StateErrors.invalidBlockRange(
                          describe(child),
                          describe(toHeader),
                          "UnknownBlock: " + headerNotFound(child.parentHash())));
      hashes.add(last.hash());
    }
    if (!last.hash().equals(from)) {
      throw StateErrors.invalidBlockRange(
          describe(fromHeader), describe(toHeader), "from and to are on different forks");
    }
    List<StorageChangeSet> sets = new ArrayList<>();
    Map<Bytes, Optional<Bytes>> previous = new HashMap<>();
    for (int i = hashes.size() - 1; i >= 0; i--) {
      BlockState block = at(Optional.of(hashes.get(i)));
      List<StorageChangeSet.Change> changes = StateValues.changed(block, keys, previous);
      if (!changes.isEmpty()) {
        sets.add(new StorageChangeSet(block.blockHash(), changes));
      }
    }
    return sets;
  }

  private static RpcException unresolved(Hash256 from, Hash256 to, String details) {
    return StateErrors.invalidBlockRange(from.toHex(), "Some(" + to.toHex() + ")", details);
  }

  private static String headerNotFound(Hash256 block) {
    return StateErrors.headerNotFound(block);
  }

  /** sc-rpc's {@code "{number} ({hash:?})"}. */
  private static String describe(Header header) {
    return header.number() + " (" + header.hash().toHex() + ")";
  }

  private Object readProof(Params params) {
    List<Bytes> keys = params.required(0, "keys", StateValues.KEYS);
    BlockState at = at(params.optional(1, "hash", ParamType.HASH));
    return new ReadProof(at.blockHash(), at.readProof(keys));
  }

  private Object traceBlock(Params params) {
    Hash256 block = params.required(0, "block", ParamType.HASH);
    params.optional(1, "targets", ParamType.STRING);
    params.optional(2, "storageKeys", ParamType.STRING);
    params.optional(3, "methods", ParamType.STRING);
    String details =
        chain.header(block).isEmpty()
            ? "Missing block component: Header not found"
            : "Dispatch error: Failed to collect traces and execute block: block tracing is not"
                + " supported by this node (it records no runtime spans or state events)";
    throw StateErrors.invalidBlockRange(block.toHex(), "None", details);
  }

  /** The initial version at the best block (refused if unreadable), then each change. */
  private void subscribeRuntimeVersion(Params params, SubscriptionSink sink) {
    RuntimeVersion initial = version(apiAt(Optional.empty()));
    sink.send(initial);
    RuntimeVersion[] previous = {initial};
    Cancellable follower =
        chain.follow(
            HeadKind.BEST,
            header -> {
              Optional<RuntimeVersion> version = quietly(header, () -> versionAt(header));
              if (version.isPresent() && !version.get().equals(previous[0])) {
                previous[0] = version.get();
                sink.send(version.get());
              }
            });
    sink.onClose(follower::cancel);
  }

  private RuntimeVersion versionAt(Header header) {
    return state.at(Optional.of(header.hash())).runtimeVersion();
  }

  /**
   * With keys: their values at the best block, then, for each new best block, the keys whose value
   * changed. Without keys (unsafe): every key that changed, for each new best block.
   */
  private void subscribeStorage(Params params, SubscriptionSink sink) {
    Optional<List<Bytes>> keys = params.optional(0, "keys", StateValues.KEYS);
    if (keys.isEmpty()) {
      params.requireUnsafeAllowed();
      Hash256[] previous = {null};
      Cancellable follower =
          chain.follow(
              HeadKind.BEST,
              header -> {
                Hash256 from = previous[0];
                previous[0] = header.hash();
                if (from == null) {
                  return;
                }
                quietly(header, () -> state.changes(from, header.hash()))
                    .filter(changes -> !changes.isEmpty())
                    .ifPresent(changes -> sink.send(changeSet(header.hash(), changes)));
              });
      sink.onClose(follower::cancel);
      return;
    }
    Map<Bytes, Optional<Bytes>> previous = new HashMap<>();
    BlockState best = at(Optional.empty());
    List<StorageChangeSet.Change> initial = StateValues.changed(best, keys.get(), previous);
    if (!initial.isEmpty()) {
      sink.send(new StorageChangeSet(best.blockHash(), initial));
    }
    Cancellable follower =
        chain.follow(
            HeadKind.BEST,
            header ->
                quietly(
                        header,
                        () ->
                            StateValues.changed(
                                state.at(Optional.of(header.hash())), keys.get(), previous))
                    .filter(changes -> !changes.isEmpty())
                    .ifPresent(changes -> sink.send(new StorageChangeSet(header.hash(), changes))));
    sink.onClose(follower::cancel);
  }

  private static StorageChangeSet changeSet(
      Hash256 block, NavigableMap<Bytes, Optional<Bytes>> changes) {
    List<StorageChangeSet.Change> list = new ArrayList<>(changes.size());
    changes.forEach((key, value) -> list.add(new StorageChangeSet.Change(key, value)));
    return new StorageChangeSet(block, list);
  }

  /** Runs a read for a subscription; a failure skips that block (as sc-rpc's streams do). */
  private static <T> Optional<T> quietly(Header header, java.util.function.Supplier<T> read) {
    try {
      return Optional.of(Objects.requireNonNull(read.get()));
    } catch (RuntimeException e) {
      LOG.debug("state subscription skips block #{}: {}", header.number(), e.toString());
      return Optional.empty();
    }
  }

  private BlockState at(Optional<Hash256> block) {
    try {
      return state.at(block);
    } catch (UnknownBlockException e) {
      throw StateErrors.unknownBlock(e);
    }
  }

  /** {@link #at} for runtime API reads, whose unknown-block error is sp-api's. */
  private BlockState apiAt(Optional<Hash256> block) {
    try {
      return state.at(block);
    } catch (UnknownBlockException e) {
      throw StateErrors.apiUnknownBlock(e);
    }
  }
}
