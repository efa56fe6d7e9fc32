/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import static io.basalt.runtime.metadata.Field.unnamed;
import static io.basalt.runtime.metadata.VariantDef.variant;

import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.runtime.metadata.PalletSpec;
import io.basalt.runtime.metadata.RuntimeApiSpec;
import io.basalt.runtime.metadata.RuntimeDescription;
import io.basalt.runtime.metadata.TypeCatalog;
import io.basalt.runtime.metadata.VariantDef;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * The description of the demo runtime {@code basalt-demo} (docs/runtime-spec.md is its prose form),
 * assembled as {@code construct_runtime!} assembles a FRAME runtime: the shared types, each
 * pallet's description in index order, the outer call, event and error enums built from them, the
 * extrinsic format and the runtime APIs. Both implementations take their metadata, version,
 * constants and storage keys from here: the Java runtime directly, the Wasm runtime through the
 * generated blobs.
 *
 * <pre>{@code
 * RuntimeDescription d = DemoRuntimeDescription.description(100);
 * Bytes key = d.pallet("System").storageEntry("Number").keyPrefix("System");
 * }</pre>
 */
public final class DemoRuntimeDescription {
  /** The spec versions that exist. 101 adds the Template migration. */
  public static final List<Integer> SPEC_VERSIONS = List.of(100, 101);

  public static final String SPEC_NAME = "basalt-demo";

  /** One unit of the native token: 10^12 planck (12 decimals). */
  public static final BigInteger UNIT = BigInteger.TEN.pow(12);

  /** What each dev account holds at genesis: 2^60 planck. */
  public static final BigInteger ENDOWMENT = BigInteger.ONE.shiftLeft(60);

  /** The Rust type name construct_runtime! gives a pallet's variant of {@code RuntimeCall}. */
  private static final String CALLABLE_CALL_FOR =
      "self::sp_api_hidden_includes_construct_runtime::hidden_include::dispatch::CallableCallFor<";

  private DemoRuntimeDescription() {}

  /** The runtime version of a spec version. */
  public static RuntimeVersion version(int specVersion) {
    checkSpec(specVersion);
    return new RuntimeVersion(
        SPEC_NAME,
        SPEC_NAME,
        1,
        specVersion,
        0,
        RuntimeApisDescription.apis().stream().map(RuntimeApiSpec::apiVersion).toList(),
        1,
        1);
  }

  private static void checkSpec(int specVersion) {
    if (!SPEC_VERSIONS.contains(specVersion)) {
      throw new IllegalArgumentException(
          "basalt-demo has spec versions " + SPEC_VERSIONS + ", not " + specVersion);
    }
  }

  /** The full description of a spec version. */
  public static RuntimeDescription description(int specVersion) {
    RuntimeVersion version = version(specVersion);
    List<PalletDescription> pallets =
        List.of(
            new SystemPalletDescription(version),
            new TimestampPalletDescription(),
            new BalancesPalletDescription(),
            new TransactionPaymentPalletDescription(),
            new SudoPalletDescription(),
            new TemplatePalletDescription(specVersion));
    TypeCatalog types = new TypeCatalog();
    SharedTypes.define(types);
    pallets.forEach(p -> p.defineTypes(types));
    List<PalletSpec> palletSpecs = pallets.stream().map(PalletDescription::pallet).toList();
    defineOuterEnums(types, palletSpecs);
    ExtrinsicDescription.defineTypes(types);
    RuntimeApisDescription.defineTypes(types);
    return new RuntimeDescription(
        version,
        types,
        palletSpecs,
        ExtrinsicDescription.extrinsic(),
        "Runtime",
        RuntimeApisDescription.apis(),
        "RuntimeCall",
        "RuntimeEvent",
        "RuntimeError");
  }

  /**
   * The outer enums and the {@code Runtime} type: a pallet's calls, events and module errors are
   * the variant of its name and index in {@code RuntimeCall}, {@code RuntimeEvent} and {@code
   * RuntimeError}, as construct_runtime! generates them.
   */
  private static void defineOuterEnums(TypeCatalog types, List<PalletSpec> pallets) {
    types.variant(
        "RuntimeCall",
        "basalt_demo_runtime::RuntimeCall",
        outerVariants(
            pallets,
            PalletSpec::calls,
            (pallet, calls) -> CALLABLE_CALL_FOR + pallet + ", Runtime>"));
    types.variant(
        "RuntimeEvent",
        "basalt_demo_runtime::RuntimeEvent",
        outerVariants(pallets, PalletSpec::event, (pallet, event) -> event + "<Runtime>"));
    types.variant(
        "RuntimeError",
        "basalt_demo_runtime::RuntimeError",
        outerVariants(pallets, PalletSpec::error, (pallet, error) -> error + "<Runtime>"));
    types.composite("Runtime", "basalt_demo_runtime::Runtime");
  }

  /**
   * One variant per pallet that has the inner enum, wrapping it under the Rust type name {@code
   * typeName(pallet name, inner enum key)}.
   */
  private static VariantDef[] outerVariants(
      List<PalletSpec> pallets,
      Function<PalletSpec, Optional<String>> innerEnum,
      BinaryOperator<String> typeName) {
    return pallets.stream()
        .flatMap(
            p ->
                innerEnum
                    .apply(p)
                    .map(
                        key ->
                            variant(
                                p.index(),
                                p.name(),
                                "",
                                unnamed(key, typeName.apply(p.name(), key))))
                    .stream())
        .toArray(VariantDef[]::new);
  }
}
