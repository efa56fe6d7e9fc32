/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import static io.basalt.runtime.metadata.Field.named;
import static io.basalt.runtime.metadata.TypeCatalog.skipped;
import static io.basalt.runtime.metadata.VariantDef.variant;

import io.basalt.runtime.metadata.PalletSpec;
import io.basalt.runtime.metadata.StorageEntrySpec;
import io.basalt.runtime.metadata.TypeCatalog;
import java.util.List;
import java.util.Optional;

/** {@code pallet_sudo}: one superuser account; its storage, calls, events and error. */
public final class SudoPalletDescription implements PalletDescription {
  SudoPalletDescription() {}

  @Override
  public void defineTypes(TypeCatalog t) {
    calls(t);
    events(t);
    t.simpleEnum("pallet_sudo::Error", "pallet_sudo::pallet::Error", "RequireSudo");
  }

  @Override
  public PalletSpec pallet() {
    return new PalletSpec(
        "Sudo",
        4,
        List.of(
            StorageEntrySpec.optionalValue(
                "Key", "AccountId32", "The `AccountId` of the sudo key.")),
        Optional.of("pallet_sudo::Call"),
        Optional.of("pallet_sudo::Event"),
        List.of(),
        Optional.of("pallet_sudo::Error"),
        List.of("One superuser account."));
  }

  private static void calls(TypeCatalog t) {
    t.variant(
        "pallet_sudo::Call",
        "pallet_sudo::pallet::Call",
        skipped("T"),
        variant(
            0,
            "sudo",
            "Authenticates the sudo key and dispatches a function call with `Root` origin.",
            named("call", "RuntimeCall", "Box<<T as Config>::RuntimeCall>")),
        variant(
            1,
            "sudo_unchecked_weight",
            "Same as `sudo`, with the weight given by the caller.",
            named("call", "RuntimeCall", "Box<<T as Config>::RuntimeCall>"),
            named("weight", "Weight", "Weight")),
        variant(
            2,
            "set_key",
            "Authenticates the current sudo key and sets the given account as the new sudo key.",
            named("new", "MultiAddress", "AccountIdLookupOf<T>")),
        variant(
            3,
            "sudo_as",
            "Authenticates the sudo key and dispatches a function call with `Signed` origin from a given account.",
            named("who", "MultiAddress", "AccountIdLookupOf<T>"),
            named("call", "RuntimeCall", "Box<<T as Config>::RuntimeCall>")),
        variant(4, "remove_key", "Permanently removes the sudo key."));
  }

  private static void events(TypeCatalog t) {
    t.variant(
        "pallet_sudo::Event",
        "pallet_sudo::pallet::Event",
        skipped("T"),
        variant(
            0,
            "Sudid",
            "A sudo call just took place.",
            named("sudo_result", "Result<(), DispatchError>", "DispatchResult")),
        variant(
            1,
            "KeyChanged",
            "The sudo key has been updated.",
            named("old", "Option<AccountId32>", "Option<T::AccountId>"),
            named("new", "AccountId32", "T::AccountId")),
        variant(2, "KeyRemoved", "The key was permanently removed."),
        variant(
            3,
            "SudoAsDone",
            "A `sudo_as` call just took place.",
            named("sudo_result", "Result<(), DispatchError>", "DispatchResult")));
  }
}
