/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.dispatch;

import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;

/**
 * {@code frame_system::DispatchEventInfo}: what {@code ExtrinsicSuccess}/{@code ExtrinsicFailed}
 * report. basalt-demo always charges ({@code Pays::Yes}, encoded {@code 00}).
 *
 * @param weight the call weight plus the base extrinsic weight
 * @param dispatchClass the call's class
 * @param paysFee whether the call pays (always true in basalt-demo)
 */
public record DispatchInfo(Weight weight, DispatchClass dispatchClass, boolean paysFee) {

  public static DispatchInfo decode(ScaleReader r) {
    Weight weight = Weight.decode(r);
    DispatchClass dispatchClass = DispatchClass.fromIndex(r.readVariant("DispatchClass", 3));
    boolean pays = r.readVariant("Pays", 2) == 0;
    return new DispatchInfo(weight, dispatchClass, pays);
  }

  public void encode(ScaleWriter w) {
    weight.encode(w);
    w.writeU8(dispatchClass.index());
    w.writeU8(paysFee ? 0 : 1);
  }
}
