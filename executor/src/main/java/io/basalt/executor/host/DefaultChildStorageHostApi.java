/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I32;
import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.state.RemovalResult;
import io.basalt.executor.vm.WasmSignature;
import java.util.Optional;
import java.util.OptionalLong;

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
    b.register(
        NS,
        "storage_kill",
        1,
        WasmSignature.of(I64),
        (ctx, a) -> {
          ctx.externalities()
              .killChild(ctx.memory().readBytes(a[0]), OptionalLong.empty(), Optional.empty());
          return 0;
        });
    b.register(
        NS,
        "storage_kill",
        2,
        WasmSignature.returning(I32, I64, I64),
        (ctx, a) -> {
          RemovalResult r =
              ctx.externalities()
                  .killChild(
                      ctx.memory().readBytes(a[0]),
                      StorageCodecs.limit(ctx.memory(), a[1]),
                      Optional.empty());
          return r.allRemoved() ? 1 : 0;
        });
    b.register(
        NS,
        "storage_kill",
        3,
        WasmSignature.returning(I64, I64, I64),
        (ctx, a) -> {
          RemovalResult r =
              ctx.externalities()
                  .killChild(
                      ctx.memory().readBytes(a[0]),
                      StorageCodecs.limit(ctx.memory(), a[1]),
                      Optional.empty());
          return ctx.memory().allocateAndWritePointerSize(StorageCodecs.killStorageResult(r));
        });
    b.register(
        NS,
        "storage_kill",
        4,
        WasmSignature.returning(I64, I64, I64, I64),
        (ctx, a) -> {
          RemovalResult r =
              ctx.externalities()
                  .killChild(
                      ctx.memory().readBytes(a[0]),
                      StorageCodecs.limit(ctx.memory(), a[1]),
                      StorageCodecs.cursor(ctx.memory(), a[2]));
          return ctx.memory().allocateAndWritePointerSize(StorageCodecs.multiRemovalResults(r));
        });
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
    b.register(
        NS,
        "clear_prefix",
        1,
        WasmSignature.of(I64, I64),
        (ctx, a) -> {
          ctx.externalities()
              .childClearPrefix(
                  ctx.memory().readBytes(a[0]),
                  ctx.memory().readBytes(a[1]),
                  OptionalLong.empty(),
                  Optional.empty());
          return 0;
        });
    b.register(
        NS,
        "clear_prefix",
        2,
        WasmSignature.returning(I64, I64, I64, I64),
        (ctx, a) -> {
          RemovalResult r =
              ctx.externalities()
                  .childClearPrefix(
                      ctx.memory().readBytes(a[0]),
                      ctx.memory().readBytes(a[1]),
                      StorageCodecs.limit(ctx.memory(), a[2]),
                      Optional.empty());
          return ctx.memory().allocateAndWritePointerSize(StorageCodecs.killStorageResult(r));
        });
    b.register(
        NS,
        "clear_prefix",
        3,
        WasmSignature.returning(I64, I64, I64, I64, I64),
        (ctx, a) -> {
          RemovalResult r =
              ctx.externalities()
                  .childClearPrefix(
                      ctx.memory().readBytes(a[0]),
                      ctx.memory().readBytes(a[1]),
                      StorageCodecs.limit(ctx.memory(), a[2]),
                      StorageCodecs.cursor(ctx.memory(), a[3]));
          return ctx.memory().allocateAndWritePointerSize(StorageCodecs.multiRemovalResults(r));
        });
    b.register(
        NS,
        "root",
        1,
        WasmSignature.returning(I64, I64),
        (ctx, a) ->
            ctx.memory()
                .allocateAndWritePointerSize(
                    ctx.externalities()
                        .childStorageRoot(
                            ctx.memory().readBytes(a[0]), StorageHostApi.stateVersion(0))
                        .toArray()));
    b.register(
        NS,
        "root",
        2,
        WasmSignature.returning(I64, I64, I32),
        (ctx, a) ->
            ctx.memory()
                .allocateAndWritePointerSize(
                    ctx.externalities()
                        .childStorageRoot(
                            ctx.memory().readBytes(a[0]), StorageHostApi.stateVersion((int) a[1]))
                        .toArray()));
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
}
