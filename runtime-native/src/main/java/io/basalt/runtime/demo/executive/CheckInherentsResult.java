/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.executive;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.pallet.timestamp.TimestampPallet;
import java.util.Optional;

/**
 * {@code sp_inherents::CheckInherentsResult{okay, fatal_error, errors}}: basalt-demo reports at
 * most one Timestamp error, {@code (timstap0, [code])} (runtime-spec §7.5).
 *
 * @param timestampError the Timestamp error code (0 TooEarly, 1 TooFarInFuture, 2 Missing)
 */
public record CheckInherentsResult(Optional<Integer> timestampError) {
  public static final int TOO_EARLY = 0;
  public static final int TOO_FAR_IN_FUTURE = 1;
  public static final int MISSING = 2;

  public Bytes encode() {
    ScaleWriter w = new ScaleWriter(16);
    w.writeBool(timestampError.isEmpty());
    w.writeBool(timestampError.isPresent());
    if (timestampError.isPresent()) {
      w.writeCompact(1);
      w.writeRaw(TimestampPallet.INHERENT_IDENTIFIER);
      w.writeCompact(1).writeU8(timestampError.get());
    } else {
      w.writeCompact(0);
    }
    return w.toBytes();
  }
}
