/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

import io.basalt.executor.state.OverlayLookup;
import io.basalt.primitives.bytes.Bytes;
import java.util.Optional;

/**
 * A key whose value after the native run differs from its value after the Wasm run.
 *
 * @param space where the key lives
 * @param childKey the child trie's key, for {@link Space#CHILD}
 * @param key the key
 * @param nativeValue the native run's value: {@link OverlayLookup.Value}, {@link
 *     OverlayLookup.Deleted} (no value; for the offchain index, a deletion) or, for the offchain
 *     index only, {@link OverlayLookup.Unknown} (not written)
 * @param wasmValue the Wasm run's value, likewise
 */
public record KeyDifference(
    Space space,
    Optional<Bytes> childKey,
    Bytes key,
    OverlayLookup nativeValue,
    OverlayLookup wasmValue) {

  /** The key spaces a call writes. */
  public enum Space {
    TOP("top"),
    CHILD("child"),
    OFFCHAIN_INDEX("offchain index");

    private final String label;

    Space(String label) {
      this.label = label;
    }

    /** The name in logs. */
    public String label() {
      return label;
    }
  }

  /** {@code top 0x26aa394e…8f3cb710: native 0x01…(32 B) vs wasm 0x02…(32 B)}. */
  public String describe() {
    return space.label()
        + childKey.map(c -> " " + Abbreviated.key(c)).orElse("")
        + " "
        + Abbreviated.key(key)
        + ": native "
        + describe(nativeValue)
        + " vs wasm "
        + describe(wasmValue);
  }

  private String describe(OverlayLookup value) {
    return switch (value) {
      case OverlayLookup.Value v -> Abbreviated.value(v.value());
      case OverlayLookup.Deleted d -> space == Space.OFFCHAIN_INDEX ? "(deleted)" : "(none)";
      case OverlayLookup.Unknown u -> "(not written)";
    };
  }
}
