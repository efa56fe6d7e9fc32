/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import static io.basalt.runtime.metadata.Field.named;
import static io.basalt.runtime.metadata.Field.unnamed;
import static io.basalt.runtime.metadata.VariantDef.variant;

import io.basalt.runtime.metadata.TypeCatalog;
import io.basalt.runtime.metadata.TypeParam;
import java.util.List;

/**
 * The types basalt-demo shares between its pallets, its extrinsic format and its runtime APIs, as
 * Substrate's primitives crates declare them ({@code sp_core}, {@code sp_runtime}, {@code
 * sp_weights}, {@code sp_version}, {@code frame_support::dispatch}): collections, accounts and
 * addresses, weights, dispatch classes and errors, headers and digests, the runtime version.
 */
final class SharedTypes {
  private SharedTypes() {}

  /** Adds the shared types to a catalog. */
  static void define(TypeCatalog t) {
    collections(t);
    accountsAndWeights(t);
    dispatch(t);
    dispatchErrors(t);
    headers(t);
    runtimeVersion(t);
  }

  /** Arrays, vectors, compacts, options and the unit type of primitives. */
  private static void collections(TypeCatalog t) {
    t.array("[u8; 4]", 4, "u8");
    t.array("[u8; 8]", 8, "u8");
    t.array("[u8; 20]", 20, "u8");
    t.array("[u8; 32]", 32, "u8");
    t.array("[u8; 64]", 64, "u8");
    t.array("[u8; 65]", 65, "u8");
    t.sequence("Vec<u8>", "u8");
    t.sequence("Vec<Vec<u8>>", "Vec<u8>");
    t.sequence("Vec<u32>", "u32");
    t.sequence("Vec<str>", "str");
    t.tuple("()");
    t.compact("Compact<()>", "()");
    t.compact("Compact<u32>", "u32");
    t.compact("Compact<u64>", "u64");
    t.compact("Compact<u128>", "u128");
    t.option("Option<Vec<u8>>", "Vec<u8>");
    t.option("Option<str>", "str");
  }

  private static void accountsAndWeights(TypeCatalog t) {
    t.composite("AccountId32", "sp_core::crypto::AccountId32", unnamed("[u8; 32]", "[u8; 32]"));
    t.option("Option<AccountId32>", "AccountId32");
    t.composite("H256", "primitive_types::H256", unnamed("[u8; 32]", "[u8; 32]"));
    t.sequence("Vec<H256>", "H256");
    t.composite(
        "Weight",
        "sp_weights::weight_v2::Weight",
        named("ref_time", "Compact<u64>", "u64"),
        named("proof_size", "Compact<u64>", "u64"));
    t.option("Option<Weight>", "Weight");
    t.variant(
        "MultiAddress",
        "sp_runtime::multiaddress::MultiAddress",
        List.of(TypeParam.of("AccountId", "AccountId32"), TypeParam.of("AccountIndex", "()")),
        variant(0, "Id", "", unnamed("AccountId32", "AccountId")),
        variant(1, "Index", "", unnamed("Compact<()>", "AccountIndex")),
        variant(2, "Raw", "", unnamed("Vec<u8>", "Vec<u8>")),
        variant(3, "Address32", "", unnamed("[u8; 32]", "[u8; 32]")),
        variant(4, "Address20", "", unnamed("[u8; 20]", "[u8; 20]")));
  }

  private static void dispatch(TypeCatalog t) {
    t.simpleEnum(
        "DispatchClass",
        "frame_support::dispatch::DispatchClass",
        "Normal",
        "Operational",
        "Mandatory");
    t.simpleEnum("Pays", "frame_support::dispatch::Pays", "Yes", "No");
    perDispatchClass(t, "Weight");
    perDispatchClass(t, "u32");
  }

  /** Adds {@code PerDispatchClass<T>}: one {@code T} for each dispatch class. */
  static void perDispatchClass(TypeCatalog t, String inner) {
    t.composite(
        "PerDispatchClass<" + inner + ">",
        "frame_support::dispatch::PerDispatchClass",
        List.of(TypeParam.of("T", inner)),
        named("normal", inner, "T"),
        named("operational", inner, "T"),
        named("mandatory", inner, "T"));
  }

  /** {@code DispatchError} and the enums it carries, and {@code DispatchResult}. */
  private static void dispatchErrors(TypeCatalog t) {
    t.composite(
        "ModuleError",
        "sp_runtime::ModuleError",
        named("index", "u8", "u8"),
        named("error", "[u8; 4]", "[u8; MAX_MODULE_ERROR_ENCODED_SIZE]"));
    t.simpleEnum(
        "TokenError",
        "sp_runtime::TokenError",
        "FundsUnavailable",
        "OnlyProvider",
        "BelowMinimum",
        "CannotCreate",
        "UnknownAsset",
        "Frozen",
        "Unsupported",
        "CannotCreateHold",
        "NotExpendable",
        "Blocked");
    t.simpleEnum(
        "ArithmeticError",
        "sp_arithmetic::ArithmeticError",
        "Underflow",
        "Overflow",
        "DivisionByZero");
    t.simpleEnum("TransactionalError", "sp_runtime::TransactionalError", "LimitReached", "NoLayer");
    t.variant(
        "DispatchError",
        "sp_runtime::DispatchError",
        variant(0, "Other", ""),
        variant(1, "CannotLookup", ""),
        variant(2, "BadOrigin", ""),
        variant(3, "Module", "", unnamed("ModuleError", "ModuleError")),
        variant(4, "ConsumerRemaining", ""),
        variant(5, "NoProviders", ""),
        variant(6, "TooManyConsumers", ""),
        variant(7, "Token", "", unnamed("TokenError", "TokenError")),
        variant(8, "Arithmetic", "", unnamed("ArithmeticError", "ArithmeticError")),
        variant(9, "Transactional", "", unnamed("TransactionalError", "TransactionalError")),
        variant(10, "Exhausted", ""),
        variant(11, "Corruption", ""),
        variant(12, "Unavailable", ""),
        variant(13, "RootNotAllowed", ""));
    t.result("Result<(), DispatchError>", "()", "DispatchError");
  }

  private static void headers(TypeCatalog t) {
    t.variant(
        "DigestItem",
        "sp_runtime::generic::digest::DigestItem",
        variant(
            6,
            "PreRuntime",
            "",
            unnamed("[u8; 4]", "ConsensusEngineId"),
            unnamed("Vec<u8>", "Vec<u8>")),
        variant(
            4,
            "Consensus",
            "",
            unnamed("[u8; 4]", "ConsensusEngineId"),
            unnamed("Vec<u8>", "Vec<u8>")),
        variant(
            5, "Seal", "", unnamed("[u8; 4]", "ConsensusEngineId"), unnamed("Vec<u8>", "Vec<u8>")),
        variant(0, "Other", "", unnamed("Vec<u8>", "Vec<u8>")),
        variant(8, "RuntimeEnvironmentUpdated", ""));
    t.sequence("Vec<DigestItem>", "DigestItem");
    t.composite(
        "Digest",
        "sp_runtime::generic::digest::Digest",
        named("logs", "Vec<DigestItem>", "Vec<DigestItem>"));
    t.composite(
        "Header",
        "sp_runtime::generic::header::Header",
        List.of(TypeParam.of("Number", "u32"), TypeParam.skipped("Hash")),
        named("parent_hash", "H256", "Hash::Output"),
        named("number", "Compact<u32>", "Number"),
        named("state_root", "H256", "Hash::Output"),
        named("extrinsics_root", "H256", "Hash::Output"),
        named("digest", "Digest", "Digest"));
  }

  private static void runtimeVersion(TypeCatalog t) {
    t.tuple("([u8; 8], u32)", "[u8; 8]", "u32");
    t.sequence("ApisVec", "([u8; 8], u32)");
    t.composite(
        "RuntimeVersion",
        "sp_version::RuntimeVersion",
        named("spec_name", "str", "Cow<'static, str>"),
        named("impl_name", "str", "Cow<'static, str>"),
        named("authoring_version", "u32", "u32"),
        named("spec_version", "u32", "u32"),
        named("impl_version", "u32", "u32"),
        named("apis", "ApisVec", "ApisVec"),
        named("transaction_version", "u32", "u32"),
        named("system_version", "u8", "u8"));
  }
}
