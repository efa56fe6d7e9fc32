/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import io.basalt.primitives.bytes.Bytes;

/**
 * What the overlay knows about a key: nothing ({@link Unknown}, ask the backend), that it was
 * deleted ({@link Deleted}), or its new value ({@link Value}).
 */
public sealed interface OverlayLookup {
  /** The overlay has no change for the key: the backend value stands. */
  record Unknown() implements OverlayLookup {}

  /** The key was deleted. */
  record Deleted() implements OverlayLookup {}

  /** The key has this new value. */
  record Value(Bytes value) implements OverlayLookup {}

  OverlayLookup UNKNOWN = new Unknown();
  OverlayLookup DELETED = new Deleted();

  static OverlayLookup value(Bytes value) {
    return new Value(value);
  }
}
