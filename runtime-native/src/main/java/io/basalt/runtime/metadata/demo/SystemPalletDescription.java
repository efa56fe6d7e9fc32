/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import static io.basalt.runtime.metadata.Field.named;
import static io.basalt.runtime.metadata.Field.unnamed;
import static io.basalt.runtime.metadata.TypeCatalog.skipped;
import static io.basalt.runtime.metadata.VariantDef.variant;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.StorageHasher;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.runtime.metadata.ConstantSpec;
import io.basalt.runtime.metadata.PalletSpec;
import io.basalt.runtime.metadata.StorageEntrySpec;
import io.basalt.runtime.metadata.TypeCatalog;
import io.basalt.runtime.metadata.TypeParam;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code frame_system}: accounts, block bookkeeping, events, runtime upgrades; its types, storage,
 * calls, events, errors and constants, and the block limits the executive enforces.
 */
public final class SystemPalletDescription implements PalletDescription {
  public static final long BLOCK_HASH_COUNT = 2400;
  public static final int SS58_PREFIX = 42;

  // BlockWeights (ref_time) and BlockLength (bytes): base values and limits per dispatch class.
  public static final long BASE_EXTRINSIC_REF_TIME = 100_000_000L;
  public static final long BASE_BLOCK_REF_TIME = 10_000_000L;
  public static final long MAX_BLOCK_REF_TIME = 2_000_000_000_000L;
  public static final long MAX_NORMAL_REF_TIME = 1_500_000_000_000L;
  public static final long OPERATIONAL_RESERVED_REF_TIME = 500_000_000_000L;
  public static final long MAX_BLOCK_LENGTH = 5L * 1024 * 1024;
  public static final long MAX_NORMAL_LENGTH = MAX_BLOCK_LENGTH * 3 / 4;

  private final RuntimeVersion version;

  /** The pallet of a runtime version, which its {@code Version} constant holds. */
  SystemPalletDescription(RuntimeVersion version) {
    this.version = version;
  }

  @Override
  public void defineTypes(TypeCatalog t) {
    accountAndEventTypes(t);
    limitTypes(t);
    extensionTypes(t);
    calls(t);
    events(t);
    errors(t);
  }

  @Override
  public PalletSpec pallet() {
    return new PalletSpec(
        "System",
        0,
        storage(),
        Optional.of("frame_system::Call"),
        Optional.of("frame_system::Event"),
        constants(),
        Optional.of("frame_system::Error"),
        List.of("Accounts, block bookkeeping, events, runtime upgrades."));
  }

  private static void accountAndEventTypes(TypeCatalog t) {
    t.composite(
        "AccountInfo",
        "frame_system::AccountInfo",
        List.of(TypeParam.of("Nonce", "u32"), TypeParam.of("AccountData", "AccountData")),
        named("nonce", "u32", "Nonce"),
        named("consumers", "u32", "RefCount"),
        named("providers", "u32", "RefCount"),
        named("sufficients", "u32", "RefCount"),
        named("data", "AccountData", "AccountData"));
    t.composite(
        "DispatchEventInfo",
        "frame_system::DispatchEventInfo",
        named("weight", "Weight", "Weight"),
        named("class", "DispatchClass", "DispatchClass"),
        named("pays_fee", "Pays", "Pays"));
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
  }

  /**
   * The types of the block limits ({@code BlockWeights}, {@code BlockLength}, {@code DbWeight}).
   */
  private static void limitTypes(TypeCatalog t) {
    t.composite(
        "WeightsPerClass",
        "frame_system::limits::WeightsPerClass",
        named("base_extrinsic", "Weight", "Weight"),
        named("max_extrinsic", "Option<Weight>", "Option<Weight>"),
        named("max_total", "Option<Weight>", "Option<Weight>"),
        named("reserved", "Option<Weight>", "Option<Weight>"));
    SharedTypes.perDispatchClass(t, "WeightsPerClass");
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
  }

  /** The signed extensions of {@code frame_system::extensions}. */
  private static void extensionTypes(TypeCatalog t) {
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
  }

  private static void calls(TypeCatalog t) {
    t.tuple("(Vec<u8>, Vec<u8>)", "Vec<u8>", "Vec<u8>");
    t.sequence("Vec<(Vec<u8>, Vec<u8>)>", "(Vec<u8>, Vec<u8>)");
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
  }

  private static void events(TypeCatalog t) {
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
  }

  private static void errors(TypeCatalog t) {
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
  }

  private static List<StorageEntrySpec> storage() {
    return Stream.concat(blockStorage().stream(), eventAndUpgradeStorage().stream()).toList();
  }

  /** Accounts and the bookkeeping of the block being built. */
  private static List<StorageEntrySpec> blockStorage() {
    return List.of(
        StorageEntrySpec.map(
            "Account",
            StorageHasher.BLAKE2_128_CONCAT,
            "AccountId32",
            "AccountInfo",
            Bytes.wrap(new byte[80]),
            "The full account information for a particular account ID."),
        StorageEntrySpec.optionalValue(
            "ExtrinsicCount", "u32", "Total extrinsics count for the current block."),
        StorageEntrySpec.value(
            "InherentsApplied",
            "bool",
            Bytes.wrap(new byte[1]),
            "Whether all inherents have been applied."),
        StorageEntrySpec.value(
            "BlockWeight",
            "PerDispatchClass<Weight>",
            Bytes.wrap(new byte[6]),
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
            Bytes.wrap(new byte[32]),
            "Map of block numbers to block hashes."),
        StorageEntrySpec.map(
            "ExtrinsicData",
            StorageHasher.TWOX_64_CONCAT,
            "u32",
            "Vec<u8>",
            Bytes.wrap(new byte[1]),
            "Extrinsics data for the current block (maps an extrinsic's index to its data)."),
        StorageEntrySpec.value(
            "Number", "u32", Bytes.wrap(new byte[4]), "The current block number being processed."),
        StorageEntrySpec.value(
            "ParentHash", "H256", Bytes.wrap(new byte[32]), "Hash of the previous block."),
        StorageEntrySpec.value(
            "Digest",
            "Digest",
            Bytes.wrap(new byte[1]),
            "Digest of the current block, also part of the block header."));
  }

  private static List<StorageEntrySpec> eventAndUpgradeStorage() {
    return List.of(
        StorageEntrySpec.value(
            "Events",
            "Vec<EventRecord>",
            Bytes.wrap(new byte[1]),
            "Events deposited for the current block."),
        StorageEntrySpec.value(
            "EventCount",
            "u32",
            Bytes.wrap(new byte[4]),
            "The number of events in the `Events<T>` list."),
        StorageEntrySpec.map(
            "EventTopics",
            StorageHasher.BLAKE2_128_CONCAT,
            "H256",
            "Vec<(u32, u32)>",
            Bytes.wrap(new byte[1]),
            "Mapping between a topic and a list of events (never written by basalt-demo)."),
        StorageEntrySpec.optionalValue(
            "LastRuntimeUpgrade",
            "LastRuntimeUpgradeInfo",
            "Stores the `spec_version` and `spec_name` of when the last runtime upgrade happened."),
        StorageEntrySpec.value(
            "UpgradedToU32RefCount",
            "bool",
            Bytes.wrap(new byte[1]),
            "True if we have upgraded so that `type RefCount` is `u32`."),
        StorageEntrySpec.value(
            "UpgradedToTripleRefCount",
            "bool",
            Bytes.wrap(new byte[1]),
            "True if we have upgraded so that AccountInfo contains three types of `RefCount`."),
        StorageEntrySpec.optionalValue(
            "ExecutionPhase", "Phase", "The execution phase of the block."));
  }

  private List<ConstantSpec> constants() {
    return List.of(
        ConstantSpec.of(
            "BlockWeights",
            "BlockWeights",
            blockWeights(),
            "Block & extrinsics weights: base values and limits."),
        ConstantSpec.of(
            "BlockLength",
            "BlockLength",
            new ScaleWriter()
                .writeU32(MAX_NORMAL_LENGTH)
                .writeU32(MAX_BLOCK_LENGTH)
                .writeU32(MAX_BLOCK_LENGTH)
                .toBytes(),
            "The maximum length of a block (in bytes)."),
        ConstantSpec.of(
            "BlockHashCount",
            "u32",
            new ScaleWriter().writeU32(BLOCK_HASH_COUNT).toBytes(),
            "Maximum number of block number to block hash mappings to keep (oldest pruned first)."),
        ConstantSpec.of(
            "DbWeight",
            "RuntimeDbWeight",
            new ScaleWriter().writeU64(25_000_000L).writeU64(100_000_000L).toBytes(),
            "The weight of runtime database operations the runtime can invoke."),
        ConstantSpec.of(
            "Version",
            "RuntimeVersion",
            Bytes.wrap(version.encode()),
            "Get the chain's in-code version."),
        ConstantSpec.of(
            "SS58Prefix",
            "u16",
            new ScaleWriter().writeU16(SS58_PREFIX).toBytes(),
            "The designated SS58 prefix of this chain."));
  }

  /**
   * The SCALE encoding of the {@code BlockWeights} constant: base and maximum block weight, then
   * the limits of the normal, operational and mandatory classes.
   */
  private static Bytes blockWeights() {
    long noProofLimit = -1L; // u64::MAX
    ScaleWriter w = new ScaleWriter();
    weight(w, BASE_BLOCK_REF_TIME, 0);
    weight(w, MAX_BLOCK_REF_TIME, noProofLimit);
    // normal: base_extrinsic, max_extrinsic, max_total, reserved
    weight(w, BASE_EXTRINSIC_REF_TIME, 0);
    someWeight(w, MAX_NORMAL_REF_TIME, noProofLimit);
    someWeight(w, MAX_NORMAL_REF_TIME, noProofLimit);
    someWeight(w, 0, 0);
    // operational
    weight(w, BASE_EXTRINSIC_REF_TIME, 0);
    someWeight(w, MAX_BLOCK_REF_TIME, noProofLimit);
    someWeight(w, MAX_BLOCK_REF_TIME, noProofLimit);
    someWeight(w, OPERATIONAL_RESERVED_REF_TIME, noProofLimit);
    // mandatory: no limits
    weight(w, BASE_EXTRINSIC_REF_TIME, 0);
    w.writeU8(0).writeU8(0).writeU8(0);
    return w.toBytes();
  }

  private static void weight(ScaleWriter w, long refTime, long proofSize) {
    w.writeCompact(refTime).writeCompact(proofSize);
  }

  private static void someWeight(ScaleWriter w, long refTime, long proofSize) {
    weight(w.writeU8(1), refTime, proofSize);
  }
}
