/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I32;
import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.vm.WasmSignature;

/**
 * {@code ext_default_child_storage_*}: default child tries, named by their key without the {@code
 * :child_storage:default:} prefix. Spec: <a
 * href="https://spec.polkadot.network/chap-host-api#sect-child-storage-api">Child storage</a>.
 */
public final class DefaultChildStorageHostApi {
  private static final String NS = "default_child_storage";

  private DefaultChildStorageHostApi() {}

  static void register(HostFunctionRegistry.Builder b) {
    b.register(
        NS,
        "get",
        1,
        WasmSignature.returning(I64, I64, I64),
        (ctx, a) ->
            ctx.memory()
                .returnOptionBytes(
                    ctx.externalities()
                        .childGet(ctx.memory().readBytes(a[0]), ctx.memory().readBytes(a[1]))));
    b.register(
        NS,
        "read",
        1,
        WasmSignature.returning(I64, I64, I64, I64, I32),
        (ctx, a) ->
            StorageCodecs.read(
                ctx.memory(),
                ctx.externalities()
                    .childGet(ctx.memory().readBytes(a[0]), ctx.memory().readBytes(a[1])),
                a[2],
                (int) a[3]));
    b.register(
        NS,
        "set",
        1,
        WasmSignature.of(I64, I64, I64),
        (ctx, a) -> {
          ctx.externalities()
              .childSet(
                  ctx.memory().readBytes(a[0]),
                  ctx.memory().readBytes(a[1]),
                  ctx.memory().readBytes(a[2]));
          return 0;
        });
    b.register(
        NS,
        "clear",
        1,
        WasmSignature.of(I64, I64),
        (ctx, a) -> {
          ctx.externalities()
              .childClear(ctx.memory().readBytes(a[0]), ctx.memory().readBytes(a[1]));
          return 0;
        });
    StorageRemoval.register(
        b,
        NS,
        "storage_kill",
        1,
        (ext, named, limit, cursor) -> ext.killChild(named.get(0), limit, cursor),
        StorageRemoval.Marshalling.UNLIMITED,
        StorageRemoval.Marshalling.ALL_REMOVED_FLAG,
        StorageRemoval.Marshalling.KILL_STORAGE_RESULT,
        StorageRemoval.Marshalling.MULTI_REMOVAL_RESULTS);
    b.register(
        NS,
        "exists",
        1,
        WasmSignature.returning(I32, I64, I64),
        (ctx, a) ->
            ctx.externalities()
                    .childExists(ctx.memory().readBytes(a[0]), ctx.memory().readBytes(a[1]))
                ? 1
                : 0);
    StorageRemoval.register(
        b,
        NS,
        "clear_prefix",
        2,
        (ext, named, limit, cursor) ->
            ext.childClearPrefix(named.get(0), named.get(1), limit, cursor),
        StorageRemoval.Marshalling.UNLIMITED,
        StorageRemoval.Marshalling.KILL_STORAGE_RESULT,
        StorageRemoval.Marshalling.MULTI_REMOVAL_RESULTS);
    b.register(NS, "root", 1, WasmSignature.returning(I64, I64), (ctx, a) -> root(ctx, a[0], 0));
    b.register(
        NS,
        "root",
        2,
        WasmSignature.returning(I64, I64, I32),
        (ctx, a) -> root(ctx, a[0], (int) a[1]));
    b.register(
        NS,
        "next_key",
        1,
        WasmSignature.returning(I64, I64, I64),
        (ctx, a) ->
            ctx.memory()
                .returnOptionBytes(
                    ctx.externalities()
                        .childNextKey(ctx.memory().readBytes(a[0]), ctx.memory().readBytes(a[1]))));
  }

  /** Both versions of {@code root}: version 1 is version 2 with state version 0. */
  private static long root(HostCallContext ctx, long storageKey, int version) {
    return ctx.memory()
        .allocateAndWritePointerSize(
            ctx.externalities()
                .childStorageRoot(
                    ctx.memory().readBytes(storageKey), StorageHostApi.stateVersion(version))
                .toArray());
  }
}
