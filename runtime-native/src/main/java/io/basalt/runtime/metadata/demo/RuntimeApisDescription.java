/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import static io.basalt.runtime.metadata.Field.named;
import static io.basalt.runtime.metadata.Field.unnamed;
import static io.basalt.runtime.metadata.VariantDef.variant;

import io.basalt.runtime.metadata.RuntimeApiSpec;
import io.basalt.runtime.metadata.TypeCatalog;
import io.basalt.runtime.metadata.TypeParam;
import java.util.List;

/**
 * The runtime APIs of basalt-demo: each trait's version (listed in {@code RuntimeVersion.apis}) and
 * its methods (listed in V15 metadata), and the types only the APIs use.
 */
public final class RuntimeApisDescription {
  private RuntimeApisDescription() {}

  /** The runtime APIs with their versions and methods, in the order {@code apis} lists them. */
  public static List<RuntimeApiSpec> apis() {
    return List.of(
        core(),
        metadata(),
        blockBuilder(),
        taggedTransactionQueue(),
        offchainWorker(),
        accountNonce(),
        transactionPayment(),
        genesisBuilder(),
        sessionKeys());
  }

  /** Adds the types of the API methods' parameters and results to a catalog. */
  static void defineTypes(TypeCatalog t) {
    blockAndMetadataTypes(t);
    transactionValidityTypes(t);
    inherentTypes(t);
    sessionKeyTypes(t);
  }

  private static void blockAndMetadataTypes(TypeCatalog t) {
    t.composite(
        "Block",
        "sp_runtime::generic::block::Block",
        List.of(TypeParam.of("Header", "Header"), TypeParam.of("Extrinsic", "UncheckedExtrinsic")),
        named("header", "Header", "Header"),
        named("extrinsics", "Vec<UncheckedExtrinsic>", "Vec<Extrinsic>"));
    t.composite("OpaqueMetadata", "sp_core::OpaqueMetadata", unnamed("Vec<u8>", "Vec<u8>"));
    t.option("Option<OpaqueMetadata>", "OpaqueMetadata");
  }

  /** {@code ApplyExtrinsicResult} and {@code TransactionValidity}. */
  private static void transactionValidityTypes(TypeCatalog t) {
    t.variant(
        "InvalidTransaction",
        "sp_runtime::transaction_validity::InvalidTransaction",
        variant(0, "Call", ""),
        variant(1, "Payment", ""),
        variant(2, "Future", ""),
        variant(3, "Stale", ""),
        variant(4, "BadProof", ""),
        variant(5, "AncientBirthBlock", ""),
        variant(6, "ExhaustsResources", ""),
        variant(7, "Custom", "", unnamed("u8", "u8")),
        variant(8, "BadMandatory", ""),
        variant(9, "MandatoryValidation", ""),
        variant(10, "BadSigner", ""),
        variant(11, "IndeterminateImplicit", ""),
        variant(12, "UnknownOrigin", ""));
    t.variant(
        "UnknownTransaction",
        "sp_runtime::transaction_validity::UnknownTransaction",
        variant(0, "CannotLookup", ""),
        variant(1, "NoUnsignedValidator", ""),
        variant(2, "Custom", "", unnamed("u8", "u8")));
    t.variant(
        "TransactionValidityError",
        "sp_runtime::transaction_validity::TransactionValidityError",
        variant(0, "Invalid", "", unnamed("InvalidTransaction", "InvalidTransaction")),
        variant(1, "Unknown", "", unnamed("UnknownTransaction", "UnknownTransaction")));
    t.result("ApplyExtrinsicResult", "Result<(), DispatchError>", "TransactionValidityError");
    t.simpleEnum(
        "TransactionSource",
        "sp_runtime::transaction_validity::TransactionSource",
        "InBlock",
        "Local",
        "External");
    t.composite(
        "ValidTransaction",
        "sp_runtime::transaction_validity::ValidTransaction",
        named("priority", "u64", "TransactionPriority"),
        named("requires", "Vec<Vec<u8>>", "Vec<TransactionTag>"),
        named("provides", "Vec<Vec<u8>>", "Vec<TransactionTag>"),
        named("longevity", "u64", "TransactionLongevity"),
        named("propagate", "bool", "bool"));
    t.result("TransactionValidity", "ValidTransaction", "TransactionValidityError");
  }

  /** {@code InherentData} and {@code CheckInherentsResult}. */
  private static void inherentTypes(TypeCatalog t) {
    t.tuple("([u8; 8], Vec<u8>)", "[u8; 8]", "Vec<u8>");
    t.sequence("Vec<([u8; 8], Vec<u8>)>", "([u8; 8], Vec<u8>)");
    t.composite(
        "BTreeMap<InherentIdentifier, Vec<u8>>",
        "BTreeMap",
        List.of(TypeParam.of("K", "[u8; 8]"), TypeParam.of("V", "Vec<u8>")),
        unnamed("Vec<([u8; 8], Vec<u8>)>"));
    t.composite(
        "InherentData",
        "sp_inherents::InherentData",
        named(
            "data",
            "BTreeMap<InherentIdentifier, Vec<u8>>",
            "BTreeMap<InherentIdentifier, Vec<u8>>"));
    t.composite(
        "CheckInherentsResult",
        "sp_inherents::CheckInherentsResult",
        named("okay", "bool", "bool"),
        named("fatal_error", "bool", "bool"),
        named("errors", "InherentData", "InherentData"));
  }

  private static void sessionKeyTypes(TypeCatalog t) {
    t.composite("KeyTypeId", "sp_core::crypto::KeyTypeId", unnamed("[u8; 4]", "[u8; 4]"));
    t.tuple("(Vec<u8>, KeyTypeId)", "Vec<u8>", "KeyTypeId");
    t.sequence("Vec<(Vec<u8>, KeyTypeId)>", "(Vec<u8>, KeyTypeId)");
    t.option("Option<Vec<(Vec<u8>, KeyTypeId)>>", "Vec<(Vec<u8>, KeyTypeId)>");
    t.result("Result<(), str>", "()", "str");
  }

  private static RuntimeApiSpec core() {
    return new RuntimeApiSpec(
        "Core",
        4,
        List.of(
            RuntimeApiSpec.Method.of(
                "version", "RuntimeVersion", "Returns the version of the runtime."),
            RuntimeApiSpec.Method.of(
                "execute_block",
                "()",
                "Execute the given block.",
                RuntimeApiSpec.Param.of("block", "Block")),
            RuntimeApiSpec.Method.of(
                "initialize_block",
                "()",
                "Initialize a block with the given header.",
                RuntimeApiSpec.Param.of("header", "Header"))),
        List.of("The `Core` runtime api that every Substrate runtime needs to implement."));
  }

  private static RuntimeApiSpec metadata() {
    return new RuntimeApiSpec(
        "Metadata",
        2,
        List.of(
            RuntimeApiSpec.Method.of(
                "metadata", "OpaqueMetadata", "Returns the metadata of a runtime (V14)."),
            RuntimeApiSpec.Method.of(
                "metadata_at_version",
                "Option<OpaqueMetadata>",
                "Returns the metadata at a given version.",
                RuntimeApiSpec.Param.of("version", "u32")),
            RuntimeApiSpec.Method.of(
                "metadata_versions", "Vec<u32>", "Returns the supported metadata versions.")),
        List.of("The `Metadata` api trait that returns metadata for the runtime."));
  }

  private static RuntimeApiSpec blockBuilder() {
    return new RuntimeApiSpec(
        "BlockBuilder",
        6,
        List.of(
            RuntimeApiSpec.Method.of(
                "apply_extrinsic",
                "ApplyExtrinsicResult",
                "Apply the given extrinsic.",
                RuntimeApiSpec.Param.of("extrinsic", "UncheckedExtrinsic")),
            RuntimeApiSpec.Method.of("finalize_block", "Header", "Finish the current block."),
            RuntimeApiSpec.Method.of(
                "inherent_extrinsics",
                "Vec<UncheckedExtrinsic>",
                "Generate inherent extrinsics.",
                RuntimeApiSpec.Param.of("inherent", "InherentData")),
            RuntimeApiSpec.Method.of(
                "check_inherents",
                "CheckInherentsResult",
                "Check that the inherents are valid.",
                RuntimeApiSpec.Param.of("block", "Block"),
                RuntimeApiSpec.Param.of("data", "InherentData"))),
        List.of(
            "The `BlockBuilder` api trait that provides the required functionality for building a block."));
  }

  private static RuntimeApiSpec taggedTransactionQueue() {
    return new RuntimeApiSpec(
        "TaggedTransactionQueue",
        3,
        List.of(
            RuntimeApiSpec.Method.of(
                "validate_transaction",
                "TransactionValidity",
                "Validate the transaction.",
                RuntimeApiSpec.Param.of("source", "TransactionSource"),
                RuntimeApiSpec.Param.of("tx", "UncheckedExtrinsic"),
                RuntimeApiSpec.Param.of("block_hash", "H256"))),
        List.of(
            "The `TaggedTransactionQueue` api trait for interfering with the transaction queue."));
  }

  private static RuntimeApiSpec offchainWorker() {
    return new RuntimeApiSpec(
        "OffchainWorkerApi",
        2,
        List.of(
            RuntimeApiSpec.Method.of(
                "offchain_worker",
                "()",
                "Starts the off-chain task for given block header.",
                RuntimeApiSpec.Param.of("header", "Header"))),
        List.of("The offchain worker api."));
  }

  private static RuntimeApiSpec accountNonce() {
    return new RuntimeApiSpec(
        "AccountNonceApi",
        1,
        List.of(
            RuntimeApiSpec.Method.of(
                "account_nonce",
                "u32",
                "Get current account nonce of given `AccountId`.",
                RuntimeApiSpec.Param.of("account", "AccountId32"))),
        List.of("The API to query account nonce."));
  }

  private static RuntimeApiSpec transactionPayment() {
    return new RuntimeApiSpec(
        "TransactionPaymentApi",
        4,
        List.of(
            RuntimeApiSpec.Method.of(
                "query_info",
                "RuntimeDispatchInfo",
                "",
                RuntimeApiSpec.Param.of("uxt", "UncheckedExtrinsic"),
                RuntimeApiSpec.Param.of("len", "u32")),
            RuntimeApiSpec.Method.of(
                "query_fee_details",
                "FeeDetails",
                "",
                RuntimeApiSpec.Param.of("uxt", "UncheckedExtrinsic"),
                RuntimeApiSpec.Param.of("len", "u32")),
            RuntimeApiSpec.Method.of(
                "query_weight_to_fee", "u128", "", RuntimeApiSpec.Param.of("weight", "Weight")),
            RuntimeApiSpec.Method.of(
                "query_length_to_fee", "u128", "", RuntimeApiSpec.Param.of("length", "u32"))),
        List.of());
  }

  private static RuntimeApiSpec genesisBuilder() {
    return new RuntimeApiSpec(
        "GenesisBuilder",
        1,
        List.of(
            RuntimeApiSpec.Method.of(
                "build_state",
                "Result<(), str>",
                "Build `RuntimeGenesisConfig` from a JSON blob not using any defaults and store it in the storage.",
                RuntimeApiSpec.Param.of("json", "Vec<u8>")),
            RuntimeApiSpec.Method.of(
                "get_preset",
                "Option<Vec<u8>>",
                "Returns a JSON blob representation of the built-in `RuntimeGenesisConfig` identified by `id`.",
                RuntimeApiSpec.Param.of("id", "Option<str>")),
            RuntimeApiSpec.Method.of(
                "preset_names",
                "Vec<str>",
                "Returns a list of identifiers for available builtin `RuntimeGenesisConfig` presets.")),
        List.of("API to interact with `RuntimeGenesisConfig` for the runtime"));
  }

  private static RuntimeApiSpec sessionKeys() {
    return new RuntimeApiSpec(
        "SessionKeys",
        1,
        List.of(
            RuntimeApiSpec.Method.of(
                "generate_session_keys",
                "Vec<u8>",
                "Generate a set of session keys with optionally using the given seed.",
                RuntimeApiSpec.Param.of("seed", "Option<Vec<u8>>")),
            RuntimeApiSpec.Method.of(
                "decode_session_keys",
                "Option<Vec<(Vec<u8>, KeyTypeId)>>",
                "Decode the given public session keys.",
                RuntimeApiSpec.Param.of("encoded", "Vec<u8>"))),
        List.of("Session keys runtime api."));
  }
}
