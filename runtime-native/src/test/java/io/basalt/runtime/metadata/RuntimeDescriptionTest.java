/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.types.RuntimeVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeDescriptionTest {
  private static final RuntimeVersion VERSION =
      new RuntimeVersion("test", "test", 1, 1, 0, List.of(), 1, 1);
  private static final ExtrinsicSpec EXTRINSIC =
      new ExtrinsicSpec(4, "Xt", "Address", "Call", "Signature", "Extra", List.of());

  @Test
  void shouldRejectTwoPalletsWithOneIndex() {
    assertThatThrownBy(() -> describe(pallet("System", 0), pallet("Balances", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pallet index 0 of Balances is used twice");
  }

  @Test
  void shouldRejectTwoPalletsWithOneName() {
    assertThatThrownBy(() -> describe(pallet("System", 0), pallet("System", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pallet name System is used twice");
  }

  private static RuntimeDescription describe(PalletSpec... pallets) {
    return new RuntimeDescription(
        VERSION,
        new TypeCatalog(),
        List.of(pallets),
        EXTRINSIC,
        "Runtime",
        List.of(),
        "Call",
        "Event",
        "Error");
  }

  private static PalletSpec pallet(String name, int index) {
    return new PalletSpec(
        name,
        index,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        List.of());
  }
}
