/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import static io.basalt.runtime.metadata.Field.named;
import static io.basalt.runtime.metadata.TypeCatalog.skipped;
import static io.basalt.runtime.metadata.VariantDef.variant;

import io.basalt.runtime.metadata.PalletSpec;
import io.basalt.runtime.metadata.StorageEntrySpec;
import io.basalt.runtime.metadata.TypeCatalog;
import io.basalt.runtime.metadata.VariantDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pallet_template}: one stored value whose layout changes in spec 101 (a {@code ValueRecord}
 * with the block it was set at, and a {@code Migrated} event).
 */
public final class TemplatePalletDescription implements PalletDescription {
  private final int spec;

  /** The pallet as it is in a spec version. */
  TemplatePalletDescription(int spec) {
    this.spec = spec;
  }

  @Override
  public void defineTypes(TypeCatalog t) {
    t.variant(
        "pallet_template::Call",
        "pallet_template::pallet::Call",
        skipped("T"),
        variant(
            0,
            "set_value",
            "Store a value; any signed origin may call it.",
            named("value", "u32", "u32")));
    List<VariantDef> events = new ArrayList<>();
    events.add(
        variant(
            0,
            "ValueSet",
            "A value was stored.",
            named("value", "u32", "u32"),
            named("who", "AccountId32", "T::AccountId")));
    if (spec >= 101) {
      t.composite(
          "ValueRecord",
          "pallet_template::ValueRecord",
          named("value", "u32", "u32"),
          named("set_at", "u32", "BlockNumberFor<T>"));
      events.add(
          variant(
              1,
              "Migrated",
              "The storage migration of spec 101 ran.",
              named("from_version", "u16", "u16"),
              named("to_version", "u16", "u16"),
              named("translated", "u32", "u32")));
    }
    t.variant(
        "pallet_template::Event",
        "pallet_template::pallet::Event",
        skipped("T"),
        events.toArray(VariantDef[]::new));
  }

  @Override
  public PalletSpec pallet() {
    StorageEntrySpec value =
        spec >= 101
            ? StorageEntrySpec.optionalValue(
                "Value", "ValueRecord", "The stored value and the block it was set at.")
            : StorageEntrySpec.optionalValue("Value", "u32", "The stored value.");
    return new PalletSpec(
        "Template",
        5,
        List.of(value),
        Optional.of("pallet_template::Call"),
        Optional.of("pallet_template::Event"),
        List.of(),
        Optional.empty(),
        List.of("A one-value pallet whose storage layout changes in spec 101."));
  }
}
