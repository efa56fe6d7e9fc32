/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I32;
import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.state.Externalities;
import io.basalt.executor.state.RemovalResult;
import io.basalt.executor.vm.WasmSignature;
import io.basalt.executor.vm.WasmValueType;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The removal functions ({@code clear_prefix} of both storage namespaces, {@code storage_kill}):
 * each has one removal, and its versions differ only in marshalling, as in sp-io. A version reads
 * the byte arguments that name what to remove, then an optional limit and cursor, calls the removal
 * and encodes its {@link RemovalResult} in the version's own way.
 *
 * <pre>{@code
 * StorageRemoval.register(b, "storage", "clear_prefix", 1,
 *     (ext, named, limit, cursor) -> ext.clearPrefix(named.get(0), limit, cursor),
 *     Marshalling.UNLIMITED, Marshalling.KILL_STORAGE_RESULT, Marshalling.MULTI_REMOVAL_RESULTS);
 * }</pre>
 */
final class StorageRemoval {
  private StorageRemoval() {}

  /** The logic shared by every version of a removal function. */
  @FunctionalInterface
  interface Removal {
    /**
     * Removes what {@code named} designates (a prefix, a child trie, a child trie and a prefix).
     *
     * @param limit at most this many backend keys visited; empty for no limit
     * @param cursor where a previous, limited call stopped
     */
    RemovalResult remove(
        Externalities ext, List<Bytes> named, OptionalLong limit, Optional<Bytes> cursor);
  }

  /** How one version passes the limit and cursor and returns the outcome (sp-io's types). */
  enum Marshalling {
    /** No limit, no cursor, no result: version 1 of every removal function. */
    UNLIMITED(false, false, Optional.empty()),
    /** {@code Option<u32>} limit; returns 1 if everything was removed, else 0. */
    ALL_REMOVED_FLAG(true, false, Optional.of(I32)),
    /** {@code Option<u32>} limit; returns {@code KillStorageResult}. */
    KILL_STORAGE_RESULT(true, false, Optional.of(I64)),
    /**
     * {@code Option<u32>} limit and {@code Option<Vec<u8>>} cursor; returns {@code
     * MultiRemovalResults}.
     */
    MULTI_REMOVAL_RESULTS(true, true, Optional.of(I64));

    private final boolean limit;
    private final boolean cursor;
    private final Optional<WasmValueType> result;

    Marshalling(boolean limit, boolean cursor, Optional<WasmValueType> result) {
      this.limit = limit;
      this.cursor = cursor;
      this.result = result;
    }

    /** The Wasm type of this version with {@code named} leading byte arguments. */
    WasmSignature signature(int named) {
      List<WasmValueType> params =
          new ArrayList<>(Collections.nCopies(named + (limit ? 1 : 0) + (cursor ? 1 : 0), I64));
      return new WasmSignature(params, result.map(List::of).orElse(List.of()));
    }

    /** Decodes the arguments, runs the removal and encodes its outcome. */
    long call(HostCallContext ctx, long[] args, int named, Removal removal) {
      HostMemory memory = ctx.memory();
      List<Bytes> targets = new ArrayList<>(named);
      for (int i = 0; i < named; i++) {
        targets.add(memory.readBytes(args[i]));
      }
      OptionalLong max = OptionalLong.empty();
      if (limit) {
        Optional<Long> decoded = memory.readScale(args[named], StorageCodecs.OPTION_U32);
        max = decoded.isPresent() ? OptionalLong.of(decoded.get()) : OptionalLong.empty();
      }
      Optional<Bytes> from =
          cursor ? memory.readScale(args[named + 1], StorageCodecs.OPTION_BYTES) : Optional.empty();
      RemovalResult r = removal.remove(ctx.externalities(), targets, max, from);
      return switch (this) {
        case UNLIMITED -> 0;
        case ALL_REMOVED_FLAG -> r.allRemoved() ? 1 : 0;
        case KILL_STORAGE_RESULT -> memory.allocateAndWritePointerSize(killStorageResult(r));
        case MULTI_REMOVAL_RESULTS -> memory.allocateAndWritePointerSize(multiRemovalResults(r));
      };
    }

    /** {@code KillStorageResult}: 0 AllRemoved(u32) / 1 SomeRemaining(u32), counting loops. */
    private static byte[] killStorageResult(RemovalResult r) {
      return new ScaleWriter(5).writeU8(r.allRemoved() ? 0 : 1).writeU32(r.loops()).toByteArray();
    }

    /** {@code MultiRemovalResults}: (maybe_cursor, backend, unique, loops). */
    private static byte[] multiRemovalResults(RemovalResult r) {
      ScaleWriter w = new ScaleWriter(16);
      w.writeOption(r.cursor(), ScaleCodec.BYTES);
      return w.writeU32(r.backend()).writeU32(r.unique()).writeU32(r.loops()).toByteArray();
    }
  }

  /**
   * Registers versions 1, 2, ... of a removal function, one per marshalling given, all running the
   * same removal.
   *
   * @param named how many byte arguments name what to remove
   */
  static void register(
      HostFunctionRegistry.Builder b,
      String namespace,
      String function,
      int named,
      Removal removal,
      Marshalling... versions) {
    for (int i = 0; i < versions.length; i++) {
      Marshalling marshalling = versions[i];
      b.register(
          namespace,
          function,
          i + 1,
          marshalling.signature(named),
          (ctx, a) -> marshalling.call(ctx, a, named, removal));
    }
  }
}
