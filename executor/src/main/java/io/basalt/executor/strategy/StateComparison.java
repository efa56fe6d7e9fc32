/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

import io.basalt.executor.state.OverlayLookup;
import io.basalt.executor.state.SavepointChanges;
import io.basalt.executor.state.StateBackend;
import io.basalt.primitives.bytes.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares what two runs of one call, each started from the same overlay, left behind: the value
 * each key ends with, not the writes that led there. A storage key a run did not write keeps its
 * value from before (the overlay's, else the backend's), so writing a key's current value again is
 * no difference; in the offchain index, where every write is an operation to apply, "not written",
 * "deleted" and a value are three different outcomes.
 */
final class StateComparison {
  private StateComparison() {}

  /** The keys whose resulting values differ between the native and the Wasm run. */
  static List<KeyDifference> differences(
      SavepointChanges nativeRun, SavepointChanges wasmRun, StateBackend state) {
    List<KeyDifference> out = new ArrayList<>();
    compare(
        KeyDifference.Space.TOP,
        Optional.empty(),
        nativeRun.top(),
        wasmRun.top(),
        k -> state.get(k),
        out);
    TreeSet<Bytes> childKeys = new TreeSet<>(nativeRun.children().keySet());
    childKeys.addAll(wasmRun.children().keySet());
    for (Bytes child : childKeys) {
      compare(
          KeyDifference.Space.CHILD,
          Optional.of(child),
          nativeRun.children().getOrDefault(child, new TreeMap<>()),
          wasmRun.children().getOrDefault(child, new TreeMap<>()),
          k -> state.childGet(child, k),
          out);
    }
    compare(
        KeyDifference.Space.OFFCHAIN_INDEX,
        Optional.empty(),
        nativeRun.offchainIndex(),
        wasmRun.offchainIndex(),
        null,
        out);
    return out;
  }

  /**
   * Compares one key space; {@code backend} resolves keys the overlay knew nothing about ({@code
   * null} for the offchain index, where not writing is itself an outcome).
   */
  private static void compare(
      KeyDifference.Space space,
      Optional<Bytes> childKey,
      NavigableMap<Bytes, SavepointChanges.Write> nativeWrites,
      NavigableMap<Bytes, SavepointChanges.Write> wasmWrites,
      Function<Bytes, Optional<Bytes>> backend,
      List<KeyDifference> out) {
    TreeSet<Bytes> keys = new TreeSet<>(nativeWrites.keySet());
    keys.addAll(wasmWrites.keySet());
    for (Bytes key : keys) {
      SavepointChanges.Write n = nativeWrites.get(key);
      SavepointChanges.Write w = wasmWrites.get(key);
      OverlayLookup before = (n != null ? n : w).before();
      OverlayLookup nativeValue = n != null ? n.after() : before;
      OverlayLookup wasmValue = w != null ? w.after() : before;
      if (backend != null) {
        nativeValue = resolve(nativeValue, key, backend);
        wasmValue = resolve(wasmValue, key, backend);
      }
      if (!nativeValue.equals(wasmValue)) {
        out.add(new KeyDifference(space, childKey, key, nativeValue, wasmValue));
      }
    }
  }

  private static OverlayLookup resolve(
      OverlayLookup value, Bytes key, Function<Bytes, Optional<Bytes>> backend) {
    if (!(value instanceof OverlayLookup.Unknown)) {
      return value;
    }
    return backend
        .apply(key)
        .<OverlayLookup>map(OverlayLookup.Value::new)
        .orElse(OverlayLookup.DELETED);
  }
}
