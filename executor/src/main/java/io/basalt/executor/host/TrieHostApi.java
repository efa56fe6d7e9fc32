/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I32;
import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.api.TrieOperations;
import io.basalt.executor.vm.WasmSignature;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.Tuple2;
import io.basalt.primitives.types.StateVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ext_trie_*}: roots of ad-hoc tries (extrinsics roots use the ordered form, keys = SCALE
 * compact indices) and proof verification, delegated to {@link TrieOperations}. Version 1 of each
 * function uses state version 0. Spec: <a
 * href="https://spec.polkadot.network/chap-host-api#sect-trie-api">Trie</a>.
 */
public final class TrieHostApi {
  private static final ScaleCodec<List<Tuple2<Bytes, Bytes>>> PAIRS =
      ScaleCodec.vec(ScaleCodec.tuple(ScaleCodec.BYTES, ScaleCodec.BYTES));
  private static final ScaleCodec<List<Bytes>> VALUES = ScaleCodec.vec(ScaleCodec.BYTES);
  private static final String NOTE = "TrieOperations seam (storage module's trie)";

  private TrieHostApi() {}

  static void register(HostFunctionRegistry.Builder b) {
    for (TrieOperations.Hasher hasher : TrieOperations.Hasher.values()) {
      String prefix = hasher == TrieOperations.Hasher.BLAKE2_256 ? "blake2_256" : "keccak_256";
      b.register(
          "trie",
          prefix + "_root",
          1,
          WasmSignature.returning(I32, I64),
          HostFunctionRegistry.Status.DELEGATED,
          NOTE,
          (ctx, a) -> returnHash(ctx, root(ctx, ctx.memory().readScale(a[0], PAIRS), 0, hasher)));
      b.register(
          "trie",
          prefix + "_root",
          2,
          WasmSignature.returning(I32, I64, I32),
          HostFunctionRegistry.Status.DELEGATED,
          NOTE,
          (ctx, a) ->
              returnHash(ctx, root(ctx, ctx.memory().readScale(a[0], PAIRS), (int) a[1], hasher)));
      b.register(
          "trie",
          prefix + "_ordered_root",
          1,
          WasmSignature.returning(I32, I64),
          HostFunctionRegistry.Status.DELEGATED,
          NOTE,
          (ctx, a) ->
              returnHash(ctx, orderedRoot(ctx, ctx.memory().readScale(a[0], VALUES), 0, hasher)));
      b.register(
          "trie",
          prefix + "_ordered_root",
          2,
          WasmSignature.returning(I32, I64, I32),
          HostFunctionRegistry.Status.DELEGATED,
          NOTE,
          (ctx, a) ->
              returnHash(
                  ctx, orderedRoot(ctx, ctx.memory().readScale(a[0], VALUES), (int) a[1], hasher)));
      b.register(
          "trie",
          prefix + "_verify_proof",
          1,
          WasmSignature.returning(I32, I32, I64, I64, I64),
          HostFunctionRegistry.Status.DELEGATED,
          NOTE,
          (ctx, a) -> verifyProof(ctx, a, 0, hasher) ? 1 : 0);
      b.register(
          "trie",
          prefix + "_verify_proof",
          2,
          WasmSignature.returning(I32, I32, I64, I64, I64, I32),
          HostFunctionRegistry.Status.DELEGATED,
          NOTE,
          (ctx, a) -> verifyProof(ctx, a, (int) a[4], hasher) ? 1 : 0);
    }
  }

  private static long returnHash(HostCallContext ctx, Hash256 hash) {
    return Integer.toUnsignedLong(ctx.memory().allocateAndWrite(hash.toArray()));
  }

  /** Root of key-value pairs; a repeated key keeps its last value, as a map build does. */
  static Hash256 root(
      HostCallContext ctx, List<Tuple2<Bytes, Bytes>> pairs, int version, TrieOperations.Hasher h) {
    TreeMap<Bytes, Bytes> sorted = new TreeMap<>();
    for (Tuple2<Bytes, Bytes> p : pairs) {
      sorted.put(p.first(), p.second());
    }
    List<TrieOperations.Entry> entries = new ArrayList<>(sorted.size());
    for (Map.Entry<Bytes, Bytes> e : sorted.entrySet()) {
      entries.add(new TrieOperations.Entry(e.getKey(), e.getValue()));
    }
    return ctx.services().trie().root(entries, StorageHostApi.stateVersion(version), h);
  }

  /** Root of values keyed by their SCALE compact index. */
  static Hash256 orderedRoot(
      HostCallContext ctx, List<Bytes> values, int version, TrieOperations.Hasher h) {
    return ctx.services().trie().orderedRoot(values, StorageHostApi.stateVersion(version), h);
  }

  private static boolean verifyProof(
      HostCallContext ctx, long[] a, int version, TrieOperations.Hasher h) {
    Hash256 root = Hash256.wrap(ctx.memory().read((int) a[0], 32));
    List<Bytes> proof = ctx.memory().readScale(a[1], VALUES);
    Bytes key = ctx.memory().readBytes(a[2]);
    Bytes value = ctx.memory().readBytes(a[3]);
    StateVersion v = StorageHostApi.stateVersion(version);
    return ctx.services().trie().verifyProof(root, proof, key, value, v, h);
  }
}
