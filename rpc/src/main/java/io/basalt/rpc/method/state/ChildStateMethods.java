/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.state;

import static io.basalt.rpc.dispatch.Safety.SAFE;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.BlockState;
import io.basalt.rpc.api.StateApi;
import io.basalt.rpc.api.StorageView;
import io.basalt.rpc.api.UnknownBlockException;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.MethodRegistry;
import io.basalt.rpc.dispatch.ParamType;
import io.basalt.rpc.dispatch.Params;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The {@code childstate_*} methods and {@code state_getChildReadProof} (sc-rpc-api's {@code
 * ChildStateApi}): reads of a default child trie, named by its prefixed key {@code
 * :child_storage:default:<name>}. Any other key is {@code 4003 "Client error: Invalid child storage
 * key"}; an unknown block is the state methods' error. Unlike {@code state_getKeysPaged}, the page
 * size is not capped, and {@code getStorageSize} is the value's length only.
 */
public final class ChildStateMethods implements MethodGroup {
  /** sp-core's {@code DEFAULT_CHILD_STORAGE_KEY_PREFIX}. */
  private static final Bytes DEFAULT_CHILD_PREFIX =
      Bytes.wrap(":child_storage:default:".getBytes(StandardCharsets.US_ASCII));

  private final StateApi state;

  public ChildStateMethods(StateApi state) {
    this.state = state;
  }

  @Override
  public void register(MethodRegistry methods) {
    methods.call("childstate_getKeys", SAFE, this::keys);
    methods.call("childstate_getKeysPaged", SAFE, this::keysPaged, "childstate_getKeysPagedAt");
    methods.call("childstate_getStorage", SAFE, this::storage);
    methods.call("childstate_getStorageEntries", SAFE, this::storageEntries);
    methods.call("childstate_getStorageHash", SAFE, this::storageHash);
    methods.call("childstate_getStorageSize", SAFE, this::storageSize);
    methods.call("state_getChildReadProof", SAFE, this::readProof);
  }

  private Object keys(Params params) {
    Bytes child = childKey(params);
    Bytes prefix = params.required(1, "prefix", ParamType.BYTES);
    return view(child, params.optional(2, "hash", ParamType.HASH))
        .keys(prefix, Optional.empty())
        .toList();
  }

  private Object keysPaged(Params params) {
    Bytes child = childKey(params);
    Optional<Bytes> prefix = params.optional(1, "prefix", ParamType.BYTES);
    long count = params.required(2, "count", ParamType.U32);
    Optional<Bytes> startKey = params.optional(3, "startKey", ParamType.BYTES);
    return view(child, params.optional(4, "hash", ParamType.HASH))
        .keys(prefix.orElse(Bytes.EMPTY), startKey)
        .limit(count)
        .toList();
  }

  private Object storage(Params params) {
    Bytes child = childKey(params);
    Bytes key = params.required(1, "key", ParamType.BYTES);
    return view(child, params.optional(2, "hash", ParamType.HASH)).get(key).orElse(null);
  }

  private Object storageEntries(Params params) {
    Bytes child = childKey(params);
    List<Bytes> keys = params.required(1, "keys", StateValues.KEYS);
    StorageView view = view(child, params.optional(2, "hash", ParamType.HASH));
    return keys.stream().map(key -> view.get(key).orElse(null)).toList();
  }

  private Object storageHash(Params params) {
    Bytes child = childKey(params);
    Bytes key = params.required(1, "key", ParamType.BYTES);
    return view(child, params.optional(2, "hash", ParamType.HASH))
        .get(key)
        .map(StateValues::hash)
        .orElse(null);
  }

  private Object storageSize(Params params) {
    Bytes child = childKey(params);
    Bytes key = params.required(1, "key", ParamType.BYTES);
    return view(child, params.optional(2, "hash", ParamType.HASH))
        .get(key)
        .map(v -> (long) v.length())
        .orElse(null);
  }

  private Object readProof(Params params) {
    Bytes child = childKey(params);
    List<Bytes> keys = params.required(1, "keys", StateValues.KEYS);
    BlockState at = at(params.optional(2, "hash", ParamType.HASH));
    return new ReadProof(at.blockHash(), at.child(child).readProof(keys));
  }

  /** The child trie's name from param 0, a {@code PrefixedStorageKey} of a default child trie. */
  private static Bytes childKey(Params params) {
    Bytes prefixed = params.required(0, "childStorageKey", ParamType.BYTES);
    if (!prefixed.startsWith(DEFAULT_CHILD_PREFIX)) {
      throw StateErrors.client("Invalid child storage key");
    }
    return prefixed.slice(DEFAULT_CHILD_PREFIX.length(), prefixed.length());
  }

  private StorageView view(Bytes child, Optional<Hash256> block) {
    return at(block).child(child);
  }

  private BlockState at(Optional<Hash256> block) {
    try {
      return state.at(block);
    } catch (UnknownBlockException e) {
      throw StateErrors.unknownBlock(e);
    }
  }
}
