/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.pallet.system;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.dispatch.DispatchClass;
import io.basalt.runtime.demo.dispatch.Weight;

/**
 * {@code System.BlockWeight}: the weight consumed so far per dispatch class ({@code
 * PerDispatchClass<Weight>}).
 *
 * @param normal consumed by Normal extrinsics
 * @param operational consumed by Operational extrinsics
 * @param mandatory consumed by Mandatory extrinsics and the block itself
 */
public record BlockWeight(Weight normal, Weight operational, Weight mandatory) {
  public static final BlockWeight ZERO = new BlockWeight(Weight.ZERO, Weight.ZERO, Weight.ZERO);

  public Weight get(DispatchClass c) {
    return switch (c) {
      case NORMAL -> normal;
      case OPERATIONAL -> operational;
      case MANDATORY -> mandatory;
    };
  }

  public BlockWeight with(DispatchClass c, Weight w) {
    return switch (c) {
      case NORMAL -> new BlockWeight(w, operational, mandatory);
      case OPERATIONAL -> new BlockWeight(normal, w, mandatory);
      case MANDATORY -> new BlockWeight(normal, operational, w);
    };
  }

  public static BlockWeight decode(ScaleReader r) {
    return new BlockWeight(Weight.decode(r), Weight.decode(r), Weight.decode(r));
  }

  public Bytes encode() {
    ScaleWriter w = new ScaleWriter(32);
    normal.encode(w);
    operational.encode(w);
    mandatory.encode(w);
    return w.toBytes();
  }
}
