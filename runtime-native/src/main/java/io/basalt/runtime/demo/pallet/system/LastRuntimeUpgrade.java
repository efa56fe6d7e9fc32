/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.pallet.system;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;

/**
 * {@code System.LastRuntimeUpgrade}: {@code {spec_version: Compact<u32>, spec_name: String}}.
 *
 * @param specVersion the spec version that last ran {@code on_runtime_upgrade}
 * @param specName its spec name
 */
public record LastRuntimeUpgrade(long specVersion, String specName) {

  public static LastRuntimeUpgrade decode(ScaleReader r) {
    return new LastRuntimeUpgrade(r.readCompactU32(), r.readString());
  }

  public Bytes encode() {
    return new ScaleWriter(16).writeCompact(specVersion).writeString(specName).toBytes();
  }
}
