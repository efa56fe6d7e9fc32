/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import static io.basalt.runtime.metadata.Field.named;
import static io.basalt.runtime.metadata.Field.unnamed;
import static io.basalt.runtime.metadata.TypeCatalog.skipped;
import static io.basalt.runtime.metadata.VariantDef.variant;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.StorageHasher;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.RuntimeVersion;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo runtime {@code basalt-demo}, described once (docs/runtime-spec.md is its prose form).
 * Both implementations take their metadata, version, constants and storage keys from here: the Java
 * runtime directly, the Wasm runtime through the generated blobs.
 *
 * <pre>{@code
 * RuntimeDescription d = BasaltDemoRuntime.description(100);
 * Bytes key = d.pallet("System").storageEntry("Number").keyPrefix("System");
 * }</pre>
 */
public final class BasaltDemoRuntime {
  /** The spec versions that exist. 101 adds the Template migration. */
  public static final List<Integer> SPEC_VERSIONS = List.of(100, 101);

  public static final String SPEC_NAME = "basalt-demo";

  /** One unit of the native token: 10^12 planck (12 decimals). */
  public static final BigInteger UNIT = BigInteger.TEN.pow(12);

  /** The existential deposit: 10^9 planck (0.001 unit). */
  public static final BigInteger EXISTENTIAL_DEPOSIT = BigInteger.TEN.pow(9);

  /** What each dev account holds at genesis: 2^60 planck. */
  public static final BigInteger ENDOWMENT = BigInteger.ONE.shiftLeft(60);

  public static final long BLOCK_HASH_COUNT = 2400;
  public static final long MINIMUM_PERIOD_MS = 1;
  public static final int SS58_PREFIX = 42;

  /** Fee per byte of the encoded extrinsic, in planck. */
  public static final BigInteger TRANSACTION_BYTE_FEE = BigInteger.TEN.pow(6);

  public static final long BASE_EXTRINSIC_REF_TIME = 100_000_000L;
  public static final long BASE_BLOCK_REF_TIME = 10_000_000L;
  public static final long MAX_BLOCK_REF_TIME = 2_000_000_000_000L;
  public static final long MAX_NORMAL_REF_TIME = 1_500_000_000_000L;
  public static final long OPERATIONAL_RESERVED_REF_TIME = 500_000_000_000L;
  public static final long MAX_BLOCK_LENGTH = 5L * 1024 * 1024;
  public static final long MAX_NORMAL_LENGTH = MAX_BLOCK_LENGTH * 3 / 4;

  private BasaltDemoRuntime() {}

  /** The runtime version of a spec version. */
  public static RuntimeVersion version(int specVersion) {
    checkSpec(specVersion);
    return new RuntimeVersion(
        SPEC_NAME,
        SPEC_NAME,
        1,
        specVersion,
        0,
        apis().stream().map(RuntimeApiSpec::apiVersion).toList(),
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
    checkSpec(specVersion);
    TypeCatalog t = new TypeCatalog();
    defineTypes(t, specVersion);
    RuntimeVersion version = version(specVersion);
    List<PalletSpec> pallets =
        List.of(
            system(version),
            timestamp(),
            balances(),
            transactionPayment(),
            sudo(),
            template(specVersion));
    ExtrinsicSpec extrinsic =
        new ExtrinsicSpec(
            4,
            "UncheckedExtrinsic",
            "MultiAddress",
            "RuntimeCall",
            "MultiSignature",
            "SignedExtra",
            List.of(
                new SignedExtensionSpec("CheckNonZeroSender", "CheckNonZeroSender", "()"),
                new SignedExtensionSpec("CheckSpecVersion", "CheckSpecVersion", "u32"),
                new SignedExtensionSpec("CheckTxVersion", "CheckTxVersion", "u32"),
                new SignedExtensionSpec("CheckGenesis", "CheckGenesis", "H256"),
                new SignedExtensionSpec("CheckMortality", "CheckMortality", "H256"),
                new SignedExtensionSpec("CheckNonce", "CheckNonce", "()"),
                new SignedExtensionSpec("CheckWeight", "CheckWeight", "()"),
                new SignedExtensionSpec(
                    "ChargeTransactionPayment", "ChargeTransactionPayment", "()")));
    return new RuntimeDescription(
        version,
        t,
        pallets,
        extrinsic,
        "Runtime",
        apis(),
        "RuntimeCall",
        "RuntimeEvent",
        "RuntimeError");
  }

  // ---------------------------------------------------------------------------------------------
  // Types

  private static void defineTypes(TypeCatalog t, int spec) {
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

    // Accounts
    t.composite("ExtraFlags", "pallet_balances::types::ExtraFlags", unnamed("u128", "u128"));
    t.composite(
        "AccountData",
        "pallet_balances::types::AccountData",
        List.of(TypeParam.of("Balance", "u128")),
        named("free", "u128", "Balance"),
        named("reserved", "u128", "Balance"),
        named("frozen", "u128", "Balance"),
        named("flags", "ExtraFlags", "ExtraFlags"));
    t.composite(
        "AccountInfo",
        "frame_system::AccountInfo",
        List.of(TypeParam.of("Nonce", "u32"), TypeParam.of("AccountData", "AccountData")),
        named("nonce", "u32", "Nonce"),
        named("consumers", "u32", "RefCount"),
        named("providers", "u32", "RefCount"),
        named("sufficients", "u32", "RefCount"),
        named("data", "AccountData", "AccountData"));
    t.variant(
        "MultiAddress",
        "sp_runtime::multiaddress::MultiAddress",
        List.of(TypeParam.of("AccountId", "AccountId32"), TypeParam.of("AccountIndex", "()")),
        variant(0, "Id", "", unnamed("AccountId32", "AccountId")),
        variant(1, "Index", "", unnamed("Compact<()>", "AccountIndex")),
        variant(2, "Raw", "", unnamed("Vec<u8>", "Vec<u8>")),
        variant(3, "Address32", "", unnamed("[u8; 32]", "[u8; 32]")),
        variant(4, "Address20", "", unnamed("[u8; 20]", "[u8; 20]")));

    // Dispatch
    t.simpleEnum(
        "DispatchClass",
        "frame_support::dispatch::DispatchClass",
        "Normal",
        "Operational",
        "Mandatory");
    t.simpleEnum("Pays", "frame_support::dispatch::Pays", "Yes", "No");
    t.composite(
        "PerDispatchClass<Weight>",
        "frame_support::dispatch::PerDispatchClass",
        List.of(TypeParam.of("T", "Weight")),
        named("normal", "Weight", "T"),
        named("operational", "Weight", "T"),
        named("mandatory", "Weight", "T"));
    t.composite(
        "PerDispatchClass<u32>",
        "frame_support::dispatch::PerDispatchClass",
        List.of(TypeParam.of("T", "u32")),
        named("normal", "u32", "T"),
        named("operational", "u32", "T"),
        named("mandatory", "u32", "T"));
    t.composite(
        "DispatchEventInfo",
        "frame_system::DispatchEventInfo",
        named("weight", "Weight", "Weight"),
        named("class", "DispatchClass", "DispatchClass"),
        named("pays_fee", "Pays", "Pays"));
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

    // Blocks and digests
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
    t.variant(
        "Phase",
        "frame_system::Phase",
        variant(0, "ApplyExtrinsic", "", unnamed("u32", "u32")),
        variant(1, "Finalization", ""),
        variant(2, "Initialization", ""));
    t.composite(
        "EventRecord",
        "frame_system::EventRecord",
        List.of(TypeParam.of("E", "RuntimeEvent"), TypeParam.of("T", "H256")),
        named("phase", "Phase", "Phase"),
        named("event", "RuntimeEvent", "E"),
        named("topics", "Vec<H256>", "Vec<T>"));
    t.sequence("Vec<EventRecord>", "EventRecord");
    t.tuple("(u32, u32)", "u32", "u32");
    t.sequence("Vec<(u32, u32)>", "(u32, u32)");
    t.composite(
        "LastRuntimeUpgradeInfo",
        "frame_system::LastRuntimeUpgradeInfo",
        named("spec_version", "Compact<u32>", "codec::Compact<u32>"),
        named("spec_name", "str", "Cow<'static, str>"));
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
    t.composite(
        "WeightsPerClass",
        "frame_system::limits::WeightsPerClass",
        named("base_extrinsic", "Weight", "Weight"),
        named("max_extrinsic", "Option<Weight>", "Option<Weight>"),
        named("max_total", "Option<Weight>", "Option<Weight>"),
        named("reserved", "Option<Weight>", "Option<Weight>"));
    t.composite(
        "PerDispatchClass<WeightsPerClass>",
        "frame_support::dispatch::PerDispatchClass",
        List.of(TypeParam.of("T", "WeightsPerClass")),
        named("normal", "WeightsPerClass", "T"),
        named("operational", "WeightsPerClass", "T"),
        named("mandatory", "WeightsPerClass", "T"));
    t.composite(
        "BlockWeights",
        "frame_system::limits::BlockWeights",
        named("base_block", "Weight", "Weight"),
        named("max_block", "Weight", "Weight"),
        named(
            "per_class", "PerDispatchClass<WeightsPerClass>", "PerDispatchClass<WeightsPerClass>"));
    t.composite(
        "BlockLength",
        "frame_system::limits::BlockLength",
        named("max", "PerDispatchClass<u32>", "PerDispatchClass<u32>"));
    t.composite(
        "RuntimeDbWeight",
        "sp_weights::RuntimeDbWeight",
        named("read", "u64", "u64"),
        named("write", "u64", "u64"));
    t.tuple("(Vec<u8>, Vec<u8>)", "Vec<u8>", "Vec<u8>");
    t.sequence("Vec<(Vec<u8>, Vec<u8>)>", "(Vec<u8>, Vec<u8>)");

    // Pallet calls, events and errors
    t.variant(
        "frame_system::Call",
        "frame_system::pallet::Call",
        skipped("T"),
        variant(0, "remark", "Make some on-chain remark.", named("remark", "Vec<u8>", "Vec<u8>")),
        variant(
            1,
            "set_heap_pages",
            "Set the number of pages in the WebAssembly environment's heap.",
            named("pages", "u64", "u64")),
        variant(2, "set_code", "Set the new runtime code.", named("code", "Vec<u8>", "Vec<u8>")),
        variant(
            3,
            "set_code_without_checks",
            "Set the new runtime code without version checks.",
            named("code", "Vec<u8>", "Vec<u8>")),
        variant(
            4,
            "set_storage",
            "Set some items of storage.",
            named("items", "Vec<(Vec<u8>, Vec<u8>)>", "Vec<KeyValue>")),
        variant(
            5,
            "kill_storage",
            "Kill some items from storage.",
            named("keys", "Vec<Vec<u8>>", "Vec<Key>")),
        variant(
            6,
            "kill_prefix",
            "Kill all storage items with a key that starts with the given prefix.",
            named("prefix", "Vec<u8>", "Key"),
            named("subkeys", "u32", "u32")),
        variant(
            7,
            "remark_with_event",
            "Make some on-chain remark and emit an event.",
            named("remark", "Vec<u8>", "Vec<u8>")));
    t.variant(
        "frame_system::Event",
        "frame_system::pallet::Event",
        skipped("T"),
        variant(
            0,
            "ExtrinsicSuccess",
            "An extrinsic completed successfully.",
            named("dispatch_info", "DispatchEventInfo", "DispatchEventInfo")),
        variant(
            1,
            "ExtrinsicFailed",
            "An extrinsic failed.",
            named("dispatch_error", "DispatchError", "DispatchError"),
            named("dispatch_info", "DispatchEventInfo", "DispatchEventInfo")),
        variant(2, "CodeUpdated", "`:code` was updated."),
        variant(
            3,
            "NewAccount",
            "A new account was created.",
            named("account", "AccountId32", "T::AccountId")),
        variant(
            4,
            "KilledAccount",
            "An account was reaped.",
            named("account", "AccountId32", "T::AccountId")),
        variant(
            5,
            "Remarked",
            "On on-chain remark happened.",
            named("sender", "AccountId32", "T::AccountId"),
            named("hash", "H256", "T::Hash")));
    t.variant(
        "frame_system::Error",
        "frame_system::pallet::Error",
        skipped("T"),
        variant(
            0,
            "InvalidSpecName",
            "The name of specification does not match between the current runtime and the new runtime."),
        variant(
            1,
            "SpecVersionNeedsToIncrease",
            "The specification version is not allowed to decrease between the current runtime and the new runtime."),
        variant(
            2,
            "FailedToExtractRuntimeVersion",
            "Failed to extract the runtime version from the new runtime."),
        variant(
            3,
            "NonDefaultComposite",
            "Suicide called when the account has non-default composite data."),
        variant(
            4,
            "NonZeroRefCount",
            "There is a non-zero reference count preventing the account from being purged."),
        variant(5, "CallFiltered", "The origin filter prevent the call to be dispatched."));

    t.variant(
        "pallet_timestamp::Call",
        "pallet_timestamp::pallet::Call",
        skipped("T"),
        variant(
            0,
            "set",
            "Set the current time (inherent).",
            named("now", "Compact<u64>", "T::Moment")));

    t.variant(
        "pallet_balances::Call",
        "pallet_balances::pallet::Call",
        skipped("T", "I"),
        variant(
            0,
            "transfer_allow_death",
            "Transfer some liquid free balance to another account.",
            named("dest", "MultiAddress", "AccountIdLookupOf<T>"),
            named("value", "Compact<u128>", "T::Balance")),
        variant(
            2,
            "force_transfer",
            "Exactly as `transfer_allow_death`, except the origin must be root and the source account may be specified.",
            named("source", "MultiAddress", "AccountIdLookupOf<T>"),
            named("dest", "MultiAddress", "AccountIdLookupOf<T>"),
            named("value", "Compact<u128>", "T::Balance")),
        variant(
            3,
            "transfer_keep_alive",
            "Same as `transfer_allow_death`, but the sender may not be killed.",
            named("dest", "MultiAddress", "AccountIdLookupOf<T>"),
            named("value", "Compact<u128>", "T::Balance")),
        variant(
            4,
            "transfer_all",
            "Transfer the entire transferable balance from the caller account.",
            named("dest", "MultiAddress", "AccountIdLookupOf<T>"),
            named("keep_alive", "bool", "bool")));
    t.variant(
        "pallet_balances::Event",
        "pallet_balances::pallet::Event",
        skipped("T", "I"),
        variant(
            0,
            "Endowed",
            "An account was created with some free balance.",
            named("account", "AccountId32", "T::AccountId"),
            named("free_balance", "u128", "T::Balance")),
        variant(
            1,
            "DustLost",
            "An account was removed whose balance was non-zero but below ExistentialDeposit, resulting in an outright loss.",
            named("account", "AccountId32", "T::AccountId"),
            named("amount", "u128", "T::Balance")),
        variant(
            2,
            "Transfer",
            "Transfer succeeded.",
            named("from", "AccountId32", "T::AccountId"),
            named("to", "AccountId32", "T::AccountId"),
            named("amount", "u128", "T::Balance")),
        variant(
            8,
            "Withdraw",
            "Some amount was withdrawn from the account (e.g. for transaction fees).",
            named("who", "AccountId32", "T::AccountId"),
            named("amount", "u128", "T::Balance")));
    t.simpleEnum(
        "pallet_balances::Error",
        "pallet_balances::pallet::Error",
        "VestingBalance",
        "LiquidityRestrictions",
        "InsufficientBalance",
        "ExistentialDeposit",
        "Expendability",
        "ExistingVestingSchedule",
        "DeadAccount",
        "TooManyReserves",
        "TooManyHolds",
        "TooManyFreezes",
        "IssuanceDeactivated",
        "DeltaZero");
    t.simpleEnum("Reasons", "pallet_balances::types::Reasons", "Fee", "Misc", "All");
    t.composite(
        "BalanceLock",
        "pallet_balances::types::BalanceLock",
        List.of(TypeParam.of("Balance", "u128")),
        named("id", "[u8; 8]", "LockIdentifier"),
        named("amount", "u128", "Balance"),
        named("reasons", "Reasons", "Reasons"));
    t.sequence("Vec<BalanceLock>", "BalanceLock");
    t.composite(
        "WeakBoundedVec<BalanceLock>",
        "bounded_collections::weak_bounded_vec::WeakBoundedVec",
        List.of(TypeParam.of("T", "BalanceLock"), TypeParam.skipped("S")),
        unnamed("Vec<BalanceLock>", "Vec<T>"));
    t.composite(
        "ReserveData",
        "pallet_balances::types::ReserveData",
        List.of(TypeParam.of("ReserveIdentifier", "[u8; 8]"), TypeParam.of("Balance", "u128")),
        named("id", "[u8; 8]", "ReserveIdentifier"),
        named("amount", "u128", "Balance"));
    t.sequence("Vec<ReserveData>", "ReserveData");
    t.composite(
        "BoundedVec<ReserveData>",
        "bounded_collections::bounded_vec::BoundedVec",
        List.of(TypeParam.of("T", "ReserveData"), TypeParam.skipped("S")),
        unnamed("Vec<ReserveData>", "Vec<T>"));

    t.variant(
        "pallet_transaction_payment::Event",
        "pallet_transaction_payment::pallet::Event",
        skipped("T"),
        variant(
            0,
            "TransactionFeePaid",
            "A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee, has been paid by `who`.",
            named("who", "AccountId32", "T::AccountId"),
            named("actual_fee", "u128", "BalanceOf<T>"),
            named("tip", "u128", "BalanceOf<T>")));

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
    t.simpleEnum("pallet_sudo::Error", "pallet_sudo::pallet::Error", "RequireSudo");

    t.variant(
        "pallet_template::Call",
        "pallet_template::pallet::Call",
        skipped("T"),
        variant(
            0,
            "set_value",
            "Store a value; any signed origin may call it.",
            named("value", "u32", "u32")));
    List<VariantDef> templateEvents = new ArrayList<>();
    templateEvents.add(
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
      templateEvents.add(
          variant(
              1,
              "Migrated",
              "The storage migration of spec 101 ran.",
              named("from_version", "u16", "u16"),
              named("to_version", "u16", "u16"),
              named("translated", "u32", "u32")));
    }
    t.add(
        new TypeSpec(
            "pallet_template::Event",
            TypeCatalog.path("pallet_template::pallet::Event"),
            skipped("T"),
            new TypeDef.Variant(templateEvents),
            List.of()));

    // Outer enums
    t.variant(
        "RuntimeCall",
        "basalt_demo_runtime::RuntimeCall",
        variant(
            0,
            "System",
            "",
            unnamed(
                "frame_system::Call",
                "self::sp_api_hidden_includes_construct_runtime::hidden_include::dispatch::CallableCallFor<System, Runtime>")),
        variant(
            1,
            "Timestamp",
            "",
            unnamed(
                "pallet_timestamp::Call",
                "self::sp_api_hidden_includes_construct_runtime::hidden_include::dispatch::CallableCallFor<Timestamp, Runtime>")),
        variant(
            2,
            "Balances",
            "",
            unnamed(
                "pallet_balances::Call",
                "self::sp_api_hidden_includes_construct_runtime::hidden_include::dispatch::CallableCallFor<Balances, Runtime>")),
        variant(
            4,
            "Sudo",
            "",
            unnamed(
                "pallet_sudo::Call",
                "self::sp_api_hidden_includes_construct_runtime::hidden_include::dispatch::CallableCallFor<Sudo, Runtime>")),
        variant(
            5,
            "Template",
            "",
            unnamed(
                "pallet_template::Call",
                "self::sp_api_hidden_includes_construct_runtime::hidden_include::dispatch::CallableCallFor<Template, Runtime>")));
    t.variant(
        "RuntimeEvent",
        "basalt_demo_runtime::RuntimeEvent",
        variant(0, "System", "", unnamed("frame_system::Event", "frame_system::Event<Runtime>")),
        variant(
            2,
            "Balances",
            "",
            unnamed("pallet_balances::Event", "pallet_balances::Event<Runtime>")),
        variant(
            3,
            "TransactionPayment",
            "",
            unnamed(
                "pallet_transaction_payment::Event", "pallet_transaction_payment::Event<Runtime>")),
        variant(4, "Sudo", "", unnamed("pallet_sudo::Event", "pallet_sudo::Event<Runtime>")),
        variant(
            5,
            "Template",
            "",
            unnamed("pallet_template::Event", "pallet_template::Event<Runtime>")));
    t.variant(
        "RuntimeError",
        "basalt_demo_runtime::RuntimeError",
        variant(0, "System", "", unnamed("frame_system::Error", "frame_system::Error<Runtime>")),
        variant(
            2,
            "Balances",
            "",
            unnamed("pallet_balances::Error", "pallet_balances::Error<Runtime>")),
        variant(4, "Sudo", "", unnamed("pallet_sudo::Error", "pallet_sudo::Error<Runtime>")));
    t.composite("Runtime", "basalt_demo_runtime::Runtime");

    // Extrinsic
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
    t.composite(
        "CheckNonZeroSender",
        "frame_system::extensions::check_non_zero_sender::CheckNonZeroSender",
        skipped("T"));
    t.composite(
        "CheckSpecVersion",
        "frame_system::extensions::check_spec_version::CheckSpecVersion",
        skipped("T"));
    t.composite(
        "CheckTxVersion",
        "frame_system::extensions::check_tx_version::CheckTxVersion",
        skipped("T"));
    t.composite(
        "CheckGenesis", "frame_system::extensions::check_genesis::CheckGenesis", skipped("T"));
    t.composite(
        "CheckMortality",
        "frame_system::extensions::check_mortality::CheckMortality",
        skipped("T"),
        unnamed("Era", "Era"));
    t.composite(
        "CheckNonce",
        "frame_system::extensions::check_nonce::CheckNonce",
        skipped("T"),
        unnamed("Compact<u32>", "T::Nonce"));
    t.composite("CheckWeight", "frame_system::extensions::check_weight::CheckWeight", skipped("T"));
    t.composite(
        "ChargeTransactionPayment",
        "pallet_transaction_payment::ChargeTransactionPayment",
        skipped("T"),
        unnamed("Compact<u128>", "BalanceOf<T>"));
    t.tuple(
        "SignedExtra",
        "CheckNonZeroSender",
        "CheckSpecVersion",
        "CheckTxVersion",
        "CheckGenesis",
        "CheckMortality",
        "CheckNonce",
        "CheckWeight",
        "ChargeTransactionPayment");
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

    // Runtime API types
    t.composite(
        "Block",
        "sp_runtime::generic::block::Block",
        List.of(TypeParam.of("Header", "Header"), TypeParam.of("Extrinsic", "UncheckedExtrinsic")),
        named("header", "Header", "Header"),
        named("extrinsics", "Vec<UncheckedExtrinsic>", "Vec<Extrinsic>"));
    t.composite("OpaqueMetadata", "sp_core::OpaqueMetadata", unnamed("Vec<u8>", "Vec<u8>"));
    t.option("Option<OpaqueMetadata>", "OpaqueMetadata");
    t.simpleEnum(
        "InvalidTransaction",
        "sp_runtime::transaction_validity::InvalidTransaction",
        "Call",
        "Payment",
        "Future",
        "Stale",
        "BadProof",
        "AncientBirthBlock",
        "ExhaustsResources",
        "Custom",
        "BadMandatory",
        "MandatoryValidation",
        "BadSigner",
        "IndeterminateImplicit",
        "UnknownOrigin");
    // Custom carries a u8: replace the fieldless placeholder.
    replaceVariantField(t, "InvalidTransaction", 7);
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
    t.composite(
        "RuntimeDispatchInfo",
        "pallet_transaction_payment::types::RuntimeDispatchInfo",
        List.of(TypeParam.of("Balance", "u128"), TypeParam.of("Weight", "Weight")),
        named("weight", "Weight", "Weight"),
        named("class", "DispatchClass", "DispatchClass"),
        named("partial_fee", "u128", "Balance"));
    t.composite(
        "InclusionFee",
        "pallet_transaction_payment::types::InclusionFee",
        List.of(TypeParam.of("Balance", "u128")),
        named("base_fee", "u128", "Balance"),
        named("len_fee", "u128", "Balance"),
        named("adjusted_weight_fee", "u128", "Balance"));
    t.option("Option<InclusionFee>", "InclusionFee");
    t.composite(
        "FeeDetails",
        "pallet_transaction_payment::types::FeeDetails",
        List.of(TypeParam.of("Balance", "u128")),
        named("inclusion_fee", "Option<InclusionFee>", "Option<InclusionFee<Balance>>"),
        named("tip", "u128", "Balance"));
    t.composite("KeyTypeId", "sp_core::crypto::KeyTypeId", unnamed("[u8; 4]", "[u8; 4]"));
    t.tuple("(Vec<u8>, KeyTypeId)", "Vec<u8>", "KeyTypeId");
    t.sequence("Vec<(Vec<u8>, KeyTypeId)>", "(Vec<u8>, KeyTypeId)");
    t.option("Option<Vec<(Vec<u8>, KeyTypeId)>>", "Vec<(Vec<u8>, KeyTypeId)>");
    t.result("Result<(), str>", "()", "str");
  }

  private static void replaceVariantField(TypeCatalog t, String key, int index) {
    TypeSpec old = t.get(key);
    List<VariantDef> variants = new ArrayList<>();
    for (VariantDef v : ((TypeDef.Variant) old.def()).variants()) {
      variants.add(
          v.index() == index
              ? new VariantDef(v.name(), List.of(unnamed("u8", "u8")), v.index(), v.docs())
              : v);
    }
    t.replace(
        new TypeSpec(key, old.path(), old.params(), new TypeDef.Variant(variants), old.docs()));
  }

  // ---------------------------------------------------------------------------------------------
  // Pallets

  private static Bytes zeros(int n) {
    return Bytes.wrap(new byte[n]);
  }

  private static Bytes encode(java.util.function.Consumer<ScaleWriter> body) {
    ScaleWriter w = new ScaleWriter();
    body.accept(w);
    return w.toBytes();
  }

  private static void weight(ScaleWriter w, long refTime, long proofSize) {
    w.writeCompact(refTime).writeCompact(proofSize);
  }

  private static void optionWeight(ScaleWriter w, Optional<long[]> weight) {
    if (weight.isEmpty()) {
      w.writeU8(0);
    } else {
      w.writeU8(1);
      weight(w, weight.get()[0], weight.get()[1]);
    }
  }

  /** The SCALE encoding of the {@code System.BlockWeights} constant. */
  public static Bytes blockWeights() {
    long noProofLimit = -1L; // u64::MAX
    return encode(
        w -> {
          weight(w, BASE_BLOCK_REF_TIME, 0);
          weight(w, MAX_BLOCK_REF_TIME, noProofLimit);
          // normal
          weight(w, BASE_EXTRINSIC_REF_TIME, 0);
          optionWeight(w, Optional.of(new long[] {MAX_NORMAL_REF_TIME, noProofLimit}));
          optionWeight(w, Optional.of(new long[] {MAX_NORMAL_REF_TIME, noProofLimit}));
          optionWeight(w, Optional.of(new long[] {0, 0}));
          // operational
          weight(w, BASE_EXTRINSIC_REF_TIME, 0);
          optionWeight(w, Optional.of(new long[] {MAX_BLOCK_REF_TIME, noProofLimit}));
          optionWeight(w, Optional.of(new long[] {MAX_BLOCK_REF_TIME, noProofLimit}));
          optionWeight(w, Optional.of(new long[] {OPERATIONAL_RESERVED_REF_TIME, noProofLimit}));
          // mandatory
          weight(w, BASE_EXTRINSIC_REF_TIME, 0);
          optionWeight(w, Optional.empty());
          optionWeight(w, Optional.empty());
          optionWeight(w, Optional.empty());
        });
  }

  private static PalletSpec system(RuntimeVersion version) {
    List<StorageEntrySpec> storage =
        List.of(
            StorageEntrySpec.map(
                "Account",
                StorageHasher.BLAKE2_128_CONCAT,
                "AccountId32",
                "AccountInfo",
                zeros(80),
                "The full account information for a particular account ID."),
            StorageEntrySpec.optionalValue(
                "ExtrinsicCount", "u32", "Total extrinsics count for the current block."),
            StorageEntrySpec.value(
                "InherentsApplied", "bool", zeros(1), "Whether all inherents have been applied."),
            StorageEntrySpec.value(
                "BlockWeight",
                "PerDispatchClass<Weight>",
                zeros(6),
                "The current weight for the block."),
            StorageEntrySpec.optionalValue(
                "AllExtrinsicsLen",
                "u32",
                "Total length (in bytes) for all extrinsics put together, for the current block."),
            StorageEntrySpec.map(
                "BlockHash",
                StorageHasher.TWOX_64_CONCAT,
                "u32",
                "H256",
                zeros(32),
                "Map of block numbers to block hashes."),
            StorageEntrySpec.map(
                "ExtrinsicData",
                StorageHasher.TWOX_64_CONCAT,
                "u32",
                "Vec<u8>",
                zeros(1),
                "Extrinsics data for the current block (maps an extrinsic's index to its data)."),
            StorageEntrySpec.value(
                "Number", "u32", zeros(4), "The current block number being processed."),
            StorageEntrySpec.value("ParentHash", "H256", zeros(32), "Hash of the previous block."),
            StorageEntrySpec.value(
                "Digest",
                "Digest",
                zeros(1),
                "Digest of the current block, also part of the block header."),
            StorageEntrySpec.value(
                "Events", "Vec<EventRecord>", zeros(1), "Events deposited for the current block."),
            StorageEntrySpec.value(
                "EventCount", "u32", zeros(4), "The number of events in the `Events<T>` list."),
            StorageEntrySpec.map(
                "EventTopics",
                StorageHasher.BLAKE2_128_CONCAT,
                "H256",
                "Vec<(u32, u32)>",
                zeros(1),
                "Mapping between a topic and a list of events (never written by basalt-demo)."),
            StorageEntrySpec.optionalValue(
                "LastRuntimeUpgrade",
                "LastRuntimeUpgradeInfo",
                "Stores the `spec_version` and `spec_name` of when the last runtime upgrade happened."),
            StorageEntrySpec.value(
                "UpgradedToU32RefCount",
                "bool",
                zeros(1),
                "True if we have upgraded so that `type RefCount` is `u32`."),
            StorageEntrySpec.value(
                "UpgradedToTripleRefCount",
                "bool",
                zeros(1),
                "True if we have upgraded so that AccountInfo contains three types of `RefCount`."),
            StorageEntrySpec.optionalValue(
                "ExecutionPhase", "Phase", "The execution phase of the block."));
    List<ConstantSpec> constants =
        List.of(
            ConstantSpec.of(
                "BlockWeights",
                "BlockWeights",
                blockWeights(),
                "Block & extrinsics weights: base values and limits."),
            ConstantSpec.of(
                "BlockLength",
                "BlockLength",
                encode(
                    w ->
                        w.writeU32(MAX_NORMAL_LENGTH)
                            .writeU32(MAX_BLOCK_LENGTH)
                            .writeU32(MAX_BLOCK_LENGTH)),
                "The maximum length of a block (in bytes)."),
            ConstantSpec.of(
                "BlockHashCount",
                "u32",
                encode(w -> w.writeU32(BLOCK_HASH_COUNT)),
                "Maximum number of block number to block hash mappings to keep (oldest pruned first)."),
            ConstantSpec.of(
                "DbWeight",
                "RuntimeDbWeight",
                encode(w -> w.writeU64(25_000_000L).writeU64(100_000_000L)),
                "The weight of runtime database operations the runtime can invoke."),
            ConstantSpec.of(
                "Version",
                "RuntimeVersion",
                Bytes.wrap(version.encode()),
                "Get the chain's in-code version."),
            ConstantSpec.of(
                "SS58Prefix",
                "u16",
                encode(w -> w.writeU16(SS58_PREFIX)),
                "The designated SS58 prefix of this chain."));
    return new PalletSpec(
        "System",
        0,
        storage,
        Optional.of("frame_system::Call"),
        Optional.of("frame_system::Event"),
        constants,
        Optional.of("frame_system::Error"),
        List.of("Accounts, block bookkeeping, events, runtime upgrades."));
  }

  private static PalletSpec timestamp() {
    return new PalletSpec(
        "Timestamp",
        1,
        List.of(
            StorageEntrySpec.value(
                "Now",
                "u64",
                zeros(8),
                "The current time for the current block (ms since the Unix epoch)."),
            StorageEntrySpec.value(
                "DidUpdate",
                "bool",
                zeros(1),
                "Whether the timestamp has been updated in this block.")),
        Optional.of("pallet_timestamp::Call"),
        Optional.empty(),
        List.of(
            ConstantSpec.of(
                "MinimumPeriod",
                "u64",
                encode(w -> w.writeU64(MINIMUM_PERIOD_MS)),
                "The minimum period between blocks, in milliseconds.")),
        Optional.empty(),
        List.of("The timestamp inherent."));
  }

  private static PalletSpec balances() {
    return new PalletSpec(
        "Balances",
        2,
        List.of(
            StorageEntrySpec.value(
                "TotalIssuance", "u128", zeros(16), "The total units issued in the system."),
            StorageEntrySpec.value(
                "InactiveIssuance",
                "u128",
                zeros(16),
                "The total units of outstanding deactivated balance (always zero)."),
            StorageEntrySpec.map(
                "Locks",
                StorageHasher.BLAKE2_128_CONCAT,
                "AccountId32",
                "WeakBoundedVec<BalanceLock>",
                zeros(1),
                "Any liquidity locks on some account balances (never written by basalt-demo)."),
            StorageEntrySpec.map(
                "Reserves",
                StorageHasher.BLAKE2_128_CONCAT,
                "AccountId32",
                "BoundedVec<ReserveData>",
                zeros(1),
                "Named reserves on some account balances (never written by basalt-demo).")),
        Optional.of("pallet_balances::Call"),
        Optional.of("pallet_balances::Event"),
        List.of(
            ConstantSpec.of(
                "ExistentialDeposit",
                "u128",
                encode(w -> w.writeU128(EXISTENTIAL_DEPOSIT)),
                "The minimum amount required to keep an account open."),
            ConstantSpec.of(
                "MaxLocks",
                "u32",
                encode(w -> w.writeU32(50)),
                "The maximum number of locks per account."),
            ConstantSpec.of(
                "MaxReserves",
                "u32",
                encode(w -> w.writeU32(50)),
                "The maximum number of named reserves per account."),
            ConstantSpec.of(
                "MaxFreezes",
                "u32",
                encode(w -> w.writeU32(0)),
                "The maximum number of individual freeze locks per account.")),
        Optional.of("pallet_balances::Error"),
        List.of("The native token."));
  }

  private static PalletSpec transactionPayment() {
    return new PalletSpec(
        "TransactionPayment",
        3,
        List.of(),
        Optional.empty(),
        Optional.of("pallet_transaction_payment::Event"),
        List.of(
            ConstantSpec.of(
                "OperationalFeeMultiplier",
                "u8",
                encode(w -> w.writeU8(5)),
                "Informational only: basalt-demo does not use it for priority.")),
        Optional.empty(),
        List.of("Transaction fees: base + length + weight + tip, burned."));
  }

  private static PalletSpec sudo() {
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

  private static PalletSpec template(int spec) {
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

  // ---------------------------------------------------------------------------------------------
  // Runtime APIs

  /** The runtime APIs with their versions and methods, in the order {@code apis} lists them. */
  public static List<RuntimeApiSpec> apis() {
    RuntimeApiSpec.Param xt = RuntimeApiSpec.Param.of("extrinsic", "UncheckedExtrinsic");
    return List.of(
        new RuntimeApiSpec(
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
            List.of("The `Core` runtime api that every Substrate runtime needs to implement.")),
        new RuntimeApiSpec(
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
            List.of("The `Metadata` api trait that returns metadata for the runtime.")),
        new RuntimeApiSpec(
            "BlockBuilder",
            6,
            List.of(
                RuntimeApiSpec.Method.of(
                    "apply_extrinsic", "ApplyExtrinsicResult", "Apply the given extrinsic.", xt),
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
                "The `BlockBuilder` api trait that provides the required functionality for building a block.")),
        new RuntimeApiSpec(
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
                "The `TaggedTransactionQueue` api trait for interfering with the transaction queue.")),
        new RuntimeApiSpec(
            "OffchainWorkerApi",
            2,
            List.of(
                RuntimeApiSpec.Method.of(
                    "offchain_worker",
                    "()",
                    "Starts the off-chain task for given block header.",
                    RuntimeApiSpec.Param.of("header", "Header"))),
            List.of("The offchain worker api.")),
        new RuntimeApiSpec(
            "AccountNonceApi",
            1,
            List.of(
                RuntimeApiSpec.Method.of(
                    "account_nonce",
                    "u32",
                    "Get current account nonce of given `AccountId`.",
                    RuntimeApiSpec.Param.of("account", "AccountId32"))),
            List.of("The API to query account nonce.")),
        new RuntimeApiSpec(
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
            List.of()),
        new RuntimeApiSpec(
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
            List.of("API to interact with `RuntimeGenesisConfig` for the runtime")),
        new RuntimeApiSpec(
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
            List.of("Session keys runtime api.")));
  }
}
