/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.offchain;

import static io.basalt.rpc.dispatch.Safety.UNSAFE;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.rpc.api.OffchainApi;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.MethodRegistry;
import io.basalt.rpc.dispatch.ParamType;
import io.basalt.rpc.dispatch.Params;
import io.basalt.rpc.dispatch.RpcException;
import java.util.Optional;

/**
 * The {@code offchain_localStorage*} methods (sc-rpc-api's {@code OffchainApi}), all unsafe: the
 * {@code PERSISTENT} space of the node's offchain database. {@code LOCAL} is {@code 5001 "This
 * storage kind is not available yet"}, as in Substrate.
 */
public final class OffchainMethods implements MethodGroup {
  /** sc-rpc-api's offchain base 5000 + 1. */
  static final int UNAVAILABLE_STORAGE_KIND = 5001;

  /** sp-core's {@code StorageKind}, as serde reads it. */
  private enum Kind {
    PERSISTENT,
    LOCAL
  }

  private static final ParamType<Kind> KIND =
      new ParamType<>(
          "a storage kind, \"PERSISTENT\" or \"LOCAL\"",
          n -> {
            if (!n.isTextual()) {
              return Optional.empty();
            }
            for (Kind kind : Kind.values()) {
              if (kind.name().equals(n.textValue())) {
                return Optional.of(kind);
              }
            }
            return Optional.empty();
          });

  private final OffchainApi offchain;

  public OffchainMethods(OffchainApi offchain) {
    this.offchain = offchain;
  }

  @Override
  public void register(MethodRegistry methods) {
    methods.call("offchain_localStorageSet", UNSAFE, this::set);
    methods.call("offchain_localStorageGet", UNSAFE, this::get);
    methods.call("offchain_localStorageClear", UNSAFE, this::clear);
  }

  private Object set(Params params) {
    Kind kind = params.required(0, "kind", KIND);
    Bytes key = params.required(1, "key", ParamType.BYTES);
    Bytes value = params.required(2, "value", ParamType.BYTES);
    persistent(kind);
    offchain.set(key, value);
    return null;
  }

  private Object get(Params params) {
    Kind kind = params.required(0, "kind", KIND);
    Bytes key = params.required(1, "key", ParamType.BYTES);
    persistent(kind);
    return offchain.get(key).orElse(null);
  }

  private Object clear(Params params) {
    Kind kind = params.required(0, "kind", KIND);
    Bytes key = params.required(1, "key", ParamType.BYTES);
    persistent(kind);
    offchain.clear(key);
    return null;
  }

  private static void persistent(Kind kind) {
    if (kind != Kind.PERSISTENT) {
      throw new RpcException(
          UNAVAILABLE_STORAGE_KIND, "This storage kind is not available yet", null);
    }
  }
}
