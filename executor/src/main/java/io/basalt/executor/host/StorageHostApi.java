/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I32;
import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.state.Externalities;
import io.basalt.executor.state.NoOpenTransactionException;
import io.basalt.executor.vm.WasmSignature;
import io.basalt.primitives.types.StateVersion;
import java.util.Optional;

/**
 * {@code ext_storage_*}: the top trie through {@link Externalities}. Spec: <a
 * href="https://spec.polkadot.network/chap-host-api#sect-storage-api">Storage</a>.
 */
public final class StorageHostApi {
  private StorageHostApi() {}

  static void register(HostFunctionRegistry.Builder b) {
    b.register(
        "storage",
        "set",
        1,
        WasmSignature.of(I64, I64),
        (ctx, a) -> {
          ctx.externalities().set(ctx.memory().readBytes(a[0]), ctx.memory().readBytes(a[1]));
          return 0;
        });
    b.register(
        "storage",
        "get",
        1,
        WasmSignature.returning(I64, I64),
        (ctx, a) ->
            ctx.memory().returnOptionBytes(ctx.externalities().get(ctx.memory().readBytes(a[0]))));
    b.register(
        "storage",
        "read",
        1,
        WasmSignature.returning(I64, I64, I64, I32),
        (ctx, a) ->
            StorageCodecs.read(
                ctx.memory(),
                ctx.externalities().get(ctx.memory().readBytes(a[0])),
                a[1],
                (int) a[2]));
    b.register(
        "storage",
        "clear",
        1,
        WasmSignature.of(I64),
        (ctx, a) -> {
          ctx.externalities().clear(ctx.memory().readBytes(a[0]));
          return 0;
        });
    b.register(
        "storage",
        "exists",
        1,
        WasmSignature.returning(I32, I64),
        (ctx, a) -> ctx.externalities().exists(ctx.memory().readBytes(a[0])) ? 1 : 0);
    StorageRemoval.register(
        b,
        "storage",
        "clear_prefix",
        1,
        (ext, named, limit, cursor) -> ext.clearPrefix(named.get(0), limit, cursor),
        StorageRemoval.Marshalling.UNLIMITED,
        StorageRemoval.Marshalling.KILL_STORAGE_RESULT,
        StorageRemoval.Marshalling.MULTI_REMOVAL_RESULTS);
    b.register(
        "storage",
        "append",
        1,
        WasmSignature.of(I64, I64),
        (ctx, a) -> {
          ctx.externalities().append(ctx.memory().readBytes(a[0]), ctx.memory().readBytes(a[1]));
          return 0;
        });
    b.register(
        "storage",
        "root",
        1,
        WasmSignature.returning(I64),
        (ctx, a) -> ctx.memory().allocateAndWritePointerSize(rootV2(ctx.externalities(), 0)));
    b.register(
        "storage",
        "root",
        2,
        WasmSignature.returning(I64, I32),
        (ctx, a) ->
            ctx.memory().allocateAndWritePointerSize(rootV2(ctx.externalities(), (int) a[0])));
    b.register(
        "storage",
        "changes_root",
        1,
        WasmSignature.returning(I64, I64),
        (ctx, a) -> {
          ctx.memory().read(a[0]);
          // Changes tries were removed from Substrate; the answer is always None.
          return ctx.memory().returnOptionBytes(Optional.empty());
        });
    b.register(
        "storage",
        "next_key",
        1,
        WasmSignature.returning(I64, I64),
        (ctx, a) ->
            ctx.memory()
                .returnOptionBytes(ctx.externalities().nextKey(ctx.memory().readBytes(a[0]))));
    b.register(
        "storage",
        "start_transaction",
        1,
        WasmSignature.of(),
        (ctx, a) -> {
          ctx.externalities().startTransaction();
          ctx.transactionStarted();
          return 0;
        });
    b.register(
        "storage",
        "rollback_transaction",
        1,
        WasmSignature.of(),
        (ctx, a) -> {
          ctx.transactionClosed("rollback");
          try {
            ctx.externalities().rollbackTransaction();
          } catch (NoOpenTransactionException e) {
            throw new HostFunctionException(e.getMessage(), e);
          }
          return 0;
        });
    b.register(
        "storage",
        "commit_transaction",
        1,
        WasmSignature.of(),
        (ctx, a) -> {
          ctx.transactionClosed("commit");
          try {
            ctx.externalities().commitTransaction();
          } catch (NoOpenTransactionException e) {
            throw new HostFunctionException(e.getMessage(), e);
          }
          return 0;
        });
  }

  static byte[] rootV2(Externalities ext, int version) {
    return ext.storageRoot(stateVersion(version)).toArray();
  }

  static StateVersion stateVersion(int number) {
    try {
      return StateVersion.fromNumber(number);
    } catch (IllegalArgumentException e) {
      throw new HostFunctionException("invalid state version " + number + " (expected 0 or 1)", e);
    }
  }
}
