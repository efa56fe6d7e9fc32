/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.event;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;

/**
 * {@code frame_system::Phase}: {@code ApplyExtrinsic(u32)=0 | Finalization=1 | Initialization=2}.
 */
public sealed interface Phase {

  /** Applying the extrinsic with this index. */
  record ApplyExtrinsic(long index) implements Phase {}

  /** In {@code finalize_block}. */
  record Finalization() implements Phase {}

  /** In {@code initialize_block} (also what an absent {@code ExecutionPhase} reads as). */
  record Initialization() implements Phase {}

  static Phase finalization() {
    return new Finalization();
  }

  static Phase initialization() {
    return new Initialization();
  }

  static Phase decode(ScaleReader r) {
    return switch (r.readVariant("Phase", 3)) {
      case 0 -> new ApplyExtrinsic(r.readU32AsLong());
      case 1 -> new Finalization();
      default -> new Initialization();
    };
  }

  default void encode(ScaleWriter w) {
    switch (this) {
      case ApplyExtrinsic(long index) -> w.writeU8(0).writeU32(index);
      case Finalization() -> w.writeU8(1);
      case Initialization() -> w.writeU8(2);
    }
  }

  default Bytes encode() {
    ScaleWriter w = new ScaleWriter(5);
    encode(w);
    return w.toBytes();
  }
}
