/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import static io.basalt.runtime.metadata.Field.named;
import static io.basalt.runtime.metadata.TypeCatalog.skipped;
import static io.basalt.runtime.metadata.VariantDef.variant;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.metadata.ConstantSpec;
import io.basalt.runtime.metadata.PalletSpec;
import io.basalt.runtime.metadata.StorageEntrySpec;
import io.basalt.runtime.metadata.TypeCatalog;
import java.util.List;
import java.util.Optional;

/** {@code pallet_timestamp}: the timestamp inherent; its storage, call and constant. */
public final class TimestampPalletDescription implements PalletDescription {
  public static final long MINIMUM_PERIOD_MS = 1;

  TimestampPalletDescription() {}

  @Override
  public void defineTypes(TypeCatalog t) {
    t.variant(
        "pallet_timestamp::Call",
        "pallet_timestamp::pallet::Call",
        skipped("T"),
        variant(
            0,
            "set",
            "Set the current time (inherent).",
            named("now", "Compact<u64>", "T::Moment")));
  }

  @Override
  public PalletSpec pallet() {
    return new PalletSpec(
        "Timestamp",
        1,
        List.of(
            StorageEntrySpec.value(
                "Now",
                "u64",
                Bytes.wrap(new byte[8]),
                "The current time for the current block (ms since the Unix epoch)."),
            StorageEntrySpec.value(
                "DidUpdate",
                "bool",
                Bytes.wrap(new byte[1]),
                "Whether the timestamp has been updated in this block.")),
        Optional.of("pallet_timestamp::Call"),
        Optional.empty(),
        List.of(
            ConstantSpec.of(
                "MinimumPeriod",
                "u64",
                new ScaleWriter().writeU64(MINIMUM_PERIOD_MS).toBytes(),
                "The minimum period between blocks, in milliseconds.")),
        Optional.empty(),
        List.of("The timestamp inherent."));
  }
}
