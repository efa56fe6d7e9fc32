/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import static io.basalt.runtime.metadata.Field.unnamed;
import static io.basalt.runtime.metadata.VariantDef.variant;

import io.basalt.runtime.metadata.ExtrinsicSpec;
import io.basalt.runtime.metadata.SignedExtensionSpec;
import io.basalt.runtime.metadata.TypeCatalog;
import io.basalt.runtime.metadata.TypeParam;
import io.basalt.runtime.metadata.VariantDef;
import java.util.List;

/**
 * The extrinsic format of basalt-demo (version 4): {@code UncheckedExtrinsic} with {@code
 * MultiAddress}, {@code MultiSignature} and the signed extensions in the order they are checked.
 * The extensions' own types are declared by their pallets (System, TransactionPayment).
 */
final class ExtrinsicDescription {
  /**
   * The signed extensions in the order they are checked; their types, in that order, are the {@code
   * SignedExtra} tuple.
   */
  private static final List<SignedExtensionSpec> SIGNED_EXTENSIONS =
      List.of(
          new SignedExtensionSpec("CheckNonZeroSender", "CheckNonZeroSender", "()"),
          new SignedExtensionSpec("CheckSpecVersion", "CheckSpecVersion", "u32"),
          new SignedExtensionSpec("CheckTxVersion", "CheckTxVersion", "u32"),
          new SignedExtensionSpec("CheckGenesis", "CheckGenesis", "H256"),
          new SignedExtensionSpec("CheckMortality", "CheckMortality", "H256"),
          new SignedExtensionSpec("CheckNonce", "CheckNonce", "()"),
          new SignedExtensionSpec("CheckWeight", "CheckWeight", "()"),
          new SignedExtensionSpec("ChargeTransactionPayment", "ChargeTransactionPayment", "()"));

  private ExtrinsicDescription() {}

  /** Adds the signature, era and extrinsic types to a catalog. */
  static void defineTypes(TypeCatalog t) {
    t.composite(
        "ed25519::Signature", "sp_core::ed25519::Signature", unnamed("[u8; 64]", "[u8; 64]"));
    t.composite(
        "sr25519::Signature", "sp_core::sr25519::Signature", unnamed("[u8; 64]", "[u8; 64]"));
    t.composite("ecdsa::Signature", "sp_core::ecdsa::Signature", unnamed("[u8; 65]", "[u8; 65]"));
    t.variant(
        "MultiSignature",
        "sp_runtime::MultiSignature",
        variant(0, "Ed25519", "", unnamed("ed25519::Signature", "ed25519::Signature")),
        variant(1, "Sr25519", "", unnamed("sr25519::Signature", "sr25519::Signature")),
        variant(2, "Ecdsa", "", unnamed("ecdsa::Signature", "ecdsa::Signature")));
    VariantDef[] era = new VariantDef[256];
    era[0] = variant(0, "Immortal", "");
    for (int i = 1; i < 256; i++) {
      era[i] = variant(i, "Mortal" + i, "", unnamed("u8"));
    }
    t.variant("Era", "sp_runtime::generic::era::Era", era);
    t.tuple(
        "SignedExtra",
        SIGNED_EXTENSIONS.stream().map(SignedExtensionSpec::type).toArray(String[]::new));
    t.composite(
        "UncheckedExtrinsic",
        "sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic",
        List.of(
            TypeParam.of("Address", "MultiAddress"),
            TypeParam.of("Call", "RuntimeCall"),
            TypeParam.of("Signature", "MultiSignature"),
            TypeParam.of("Extra", "SignedExtra")),
        unnamed("Vec<u8>"));
    t.sequence("Vec<UncheckedExtrinsic>", "UncheckedExtrinsic");
  }

  /** The extrinsic format and its signed extensions, in order. */
  static ExtrinsicSpec extrinsic() {
    return new ExtrinsicSpec(
        4,
        "UncheckedExtrinsic",
        "MultiAddress",
        "RuntimeCall",
        "MultiSignature",
        "SignedExtra",
        SIGNED_EXTENSIONS);
  }
}
