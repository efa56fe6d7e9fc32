/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.pallet.system;

import io.basalt.executor.api.RuntimeVersionReader;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.dispatch.DispatchException;
import io.basalt.runtime.demo.dispatch.DispatchInfo;
import io.basalt.runtime.demo.dispatch.Origin;
import io.basalt.runtime.demo.event.EventRecord;
import io.basalt.runtime.demo.event.Phase;
import io.basalt.runtime.demo.event.RuntimeEvent;
import io.basalt.runtime.demo.storage.RuntimeStorage;
import io.basalt.runtime.demo.storage.StorageKeys;
import io.basalt.runtime.metadata.demo.SystemPalletDescription;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The System pallet (index 0, runtime-spec §6.1, §7): accounts, events, block bookkeeping, digest,
 * runtime upgrades, and the System calls.
 */
public final class SystemPallet {
  public static final int INDEX = 0;

  public static final Bytes ACCOUNT = StorageKeys.plain("System", "Account");
  public static final Bytes EXTRINSIC_COUNT = StorageKeys.plain("System", "ExtrinsicCount");
  public static final Bytes INHERENTS_APPLIED = StorageKeys.plain("System", "InherentsApplied");
  public static final Bytes BLOCK_WEIGHT = StorageKeys.plain("System", "BlockWeight");
  public static final Bytes ALL_EXTRINSICS_LEN = StorageKeys.plain("System", "AllExtrinsicsLen");
  public static final Bytes NUMBER = StorageKeys.plain("System", "Number");
  public static final Bytes PARENT_HASH = StorageKeys.plain("System", "ParentHash");
  public static final Bytes DIGEST = StorageKeys.plain("System", "Digest");
  public static final Bytes EVENTS = StorageKeys.plain("System", "Events");
  public static final Bytes EVENT_COUNT = StorageKeys.plain("System", "EventCount");
  public static final Bytes EVENT_TOPICS = StorageKeys.plain("System", "EventTopics");
  public static final Bytes LAST_RUNTIME_UPGRADE =
      StorageKeys.plain("System", "LastRuntimeUpgrade");
  public static final Bytes UPGRADED_TO_U32_REF_COUNT =
      StorageKeys.plain("System", "UpgradedToU32RefCount");
  public static final Bytes UPGRADED_TO_TRIPLE_REF_COUNT =
      StorageKeys.plain("System", "UpgradedToTripleRefCount");
  public static final Bytes EXECUTION_PHASE = StorageKeys.plain("System", "ExecutionPhase");

  /** Error indices of the System pallet (§6.1). */
  public static final int INVALID_SPEC_NAME = 0;

  public static final int SPEC_VERSION_NEEDS_TO_INCREASE = 1;
  public static final int FAILED_TO_EXTRACT_RUNTIME_VERSION = 2;

  /** Block hashes older than this many blocks (plus one) are pruned ({@code BlockHashCount}). */
  public static final long BLOCK_HASH_COUNT = SystemPalletDescription.BLOCK_HASH_COUNT;

  private static final ScaleCodec<List<DigestItem>> DIGEST_CODEC = ScaleCodec.vec(DigestItem.CODEC);
  private static final byte[] ENTROPY_DOMAIN =
      "frame_system::initialize".getBytes(StandardCharsets.US_ASCII);
  private static final Bytes RUNTIME_ENVIRONMENT_UPDATED =
      Bytes.wrap(DigestItem.CODEC.encode(new DigestItem.RuntimeEnvironmentUpdated()));

  private final RuntimeStorage storage;
  private final RuntimeVersion version;
  private final RuntimeVersionReader versionReader;

  /**
   * @param versionReader {@code ext_misc_runtime_version}'s reader, for {@code set_code}'s checks
   */
  public SystemPallet(
      RuntimeStorage storage, RuntimeVersion version, RuntimeVersionReader versionReader) {
    this.storage = storage;
    this.version = version;
    this.versionReader = versionReader;
  }

  /** The version of the running code. */
  public RuntimeVersion version() {
    return version;
  }

  // ---------------------------------------------------------------------------------------------
  // Accounts

  /** {@code System.Account[who]}'s key. */
  public static Bytes accountKey(AccountId who) {
    return StorageKeys.mapEntry("System", "Account", who.bytes());
  }

  /** The account's info; all zero if it does not exist. */
  public AccountInfo account(AccountId who) {
    return storage.read(accountKey(who), AccountInfo::decode).orElse(AccountInfo.EMPTY);
  }

  /** An account exists iff its {@code System.Account} entry exists. */
  public boolean accountExists(AccountId who) {
    return storage.exists(accountKey(who));
  }

  public void putAccount(AccountId who, AccountInfo info) {
    storage.set(accountKey(who), info.encode());
  }

  public void removeAccount(AccountId who) {
    storage.clear(accountKey(who));
  }

  // ---------------------------------------------------------------------------------------------
  // Block bookkeeping

  /** {@code System.Number}: the block being built or executed (0 before the first block). */
  public long blockNumber() {
    return storage.readU32(NUMBER).orElse(0L);
  }

  /** {@code System.BlockHash[n]}'s key. */
  public static Bytes blockHashKey(long number) {
    return StorageKeys.mapEntry("System", "BlockHash", number);
  }

  /**
   * {@code System.BlockHash[n]} if the entry exists (an undecodable entry exists and reads as the
   * zero hash, as FRAME's {@code contains_key} + {@code get} do).
   */
  public Optional<Hash256> blockHash(long number) {
    Bytes key = blockHashKey(number);
    if (!storage.exists(key)) {
      return Optional.empty();
    }
    return Optional.of(storage.readHash(key).orElse(Hash256.ZERO));
  }

  /** {@code System.BlockHash[n]} or the zero hash (ValueQuery). */
  public Hash256 blockHashOrZero(long number) {
    return storage.readHash(blockHashKey(number)).orElse(Hash256.ZERO);
  }

  public void setBlockHash(long number, Hash256 hash) {
    storage.writeHash(blockHashKey(number), hash);
  }

  /** Step 1 of {@code initialize_block}: forget the previous block's events. */
  public void resetEvents() {
    storage.clear(EVENTS);
    storage.clear(EVENT_COUNT);
    storage.clearPrefix(EVENT_TOPICS, OptionalLong.empty());
  }

  /**
   * FRAME's {@code System::initialize} (§7.1 step 3): sets up the environment of block {@code
   * number}. {@code number − 1} wraps as a u32.
   */
  public void initialize(long number, Hash256 parentHash, List<DigestItem> digest) {
    storage.set(EXECUTION_PHASE, Phase.initialization().encode());
    storage.writeU32(WellKnownKeys.EXTRINSIC_INDEX, 0);
    byte[] seed = new byte[ENTROPY_DOMAIN.length + Hash256.LENGTH];
    System.arraycopy(ENTROPY_DOMAIN, 0, seed, 0, ENTROPY_DOMAIN.length);
    System.arraycopy(parentHash.unsafeArray(), 0, seed, ENTROPY_DOMAIN.length, Hash256.LENGTH);
    storage.set(WellKnownKeys.INTRABLOCK_ENTROPY, Bytes.wrap(Hashing.blake2b256(seed)));
    storage.writeU32(NUMBER, number);
    storage.set(DIGEST, Bytes.wrap(DIGEST_CODEC.encode(digest)));
    storage.writeHash(PARENT_HASH, parentHash);
    setBlockHash((number - 1) & 0xffff_ffffL, parentHash);
    storage.clear(INHERENTS_APPLIED);
    storage.clear(BLOCK_WEIGHT);
  }

  /** {@code System.BlockWeight}. */
  public BlockWeight blockWeight() {
    return storage.read(BLOCK_WEIGHT, BlockWeight::decode).orElse(BlockWeight.ZERO);
  }

  public void setBlockWeight(BlockWeight weight) {
    storage.set(BLOCK_WEIGHT, weight.encode());
  }

  /** {@code System.AllExtrinsicsLen}, 0 when absent. */
  public long allExtrinsicsLen() {
    return storage.readU32(ALL_EXTRINSICS_LEN).orElse(0L);
  }

  public void setAllExtrinsicsLen(long length) {
    storage.writeU32(ALL_EXTRINSICS_LEN, length);
  }

  /** {@code :extrinsic_index}, 0 when absent. */
  public long extrinsicIndex() {
    return storage.readU32(WellKnownKeys.EXTRINSIC_INDEX).orElse(0L);
  }

  /** {@code System.ExtrinsicData[i]}'s key. */
  public static Bytes extrinsicDataKey(long index) {
    return StorageKeys.mapEntry("System", "ExtrinsicData", index);
  }

  /**
   * Records the extrinsic being applied under {@code ExtrinsicData[:extrinsic_index]}.
   *
   * @return its index, {@code :extrinsic_index}
   */
  public long noteExtrinsic(Bytes encodedExtrinsic) {
    long index = extrinsicIndex();
    storage.set(
        extrinsicDataKey(index),
        new ScaleWriter(encodedExtrinsic.length() + 5).writeByteVec(encodedExtrinsic).toBytes());
    return index;
  }

  /**
   * The end of an applied extrinsic (§7.2 step 6): {@code ExtrinsicSuccess} or {@code
   * ExtrinsicFailed}, then the next extrinsic index ({@code index + 1}, whatever the call wrote to
   * {@code :extrinsic_index}) and phase.
   *
   * @param index the extrinsic's index, as {@link #noteExtrinsic} returned it
   */
  public void noteAppliedExtrinsic(long index, Optional<DispatchError> error, DispatchInfo info) {
    depositEvent(
        error.isEmpty()
            ? new RuntimeEvent.ExtrinsicSuccess(info)
            : new RuntimeEvent.ExtrinsicFailed(error.get(), info));
    long next = (index + 1) & 0xffff_ffffL;
    storage.writeU32(WellKnownKeys.EXTRINSIC_INDEX, next);
    storage.set(EXECUTION_PHASE, new Phase.ApplyExtrinsic(next).encode());
  }

  /**
   * §7.3 step 1: takes {@code :extrinsic_index}, records it as {@code ExtrinsicCount} and enters
   * the Finalization phase.
   *
   * @return the number of extrinsics applied
   */
  public long noteFinishedExtrinsics() {
    long count = extrinsicIndex();
    storage.clear(WellKnownKeys.EXTRINSIC_INDEX);
    storage.writeU32(EXTRINSIC_COUNT, count);
    storage.set(EXECUTION_PHASE, Phase.finalization().encode());
    return count;
  }

  /**
   * §7.3 steps 4–7: clears the per-block items, prunes an old block hash and returns the header.
   *
   * @param extrinsicCount what {@link #noteFinishedExtrinsics} returned
   * @param extrinsicsRoot computes the ordered root of the extrinsics (§7.3 step 6)
   */
  public Header finalizeBlock(
      long extrinsicCount, java.util.function.Function<List<Bytes>, Hash256> extrinsicsRoot) {
    storage.clear(EXECUTION_PHASE);
    storage.clear(ALL_EXTRINSICS_LEN);
    storage.clear(WellKnownKeys.INTRABLOCK_ENTROPY);
    storage.clear(INHERENTS_APPLIED);
    storage.clear(EXTRINSIC_COUNT);
    List<Bytes> extrinsics = new ArrayList<>((int) Math.min(extrinsicCount, 1 << 16));
    for (long i = 0; i < extrinsicCount; i++) {
      Bytes key = extrinsicDataKey(i);
      extrinsics.add(storage.read(key, ScaleReader::readByteVec).orElse(Bytes.EMPTY));
      storage.clear(key);
    }
    long number = blockNumber();
    if (number > BLOCK_HASH_COUNT + 1) {
      storage.clear(blockHashKey(number - BLOCK_HASH_COUNT - 1));
    }
    Hash256 txRoot = extrinsicsRoot.apply(extrinsics);
    Hash256 stateRoot = storage.root();
    Hash256 parent = storage.readHash(PARENT_HASH).orElse(Hash256.ZERO);
    return new Header(parent, number, stateRoot, txRoot, digest());
  }

  /** {@code System.Digest}. */
  public List<DigestItem> digest() {
    return storage.read(DIGEST, DIGEST_CODEC::decode).orElse(List.of());
  }

  /** Appends {@code RuntimeEnvironmentUpdated} to the digest (FRAME's {@code deposit_log}). */
  public void depositRuntimeEnvironmentUpdated() {
    storage.append(DIGEST, RUNTIME_ENVIRONMENT_UPDATED);
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  /**
   * Deposits an event with the current {@code ExecutionPhase} (Initialization when absent); nothing
   * is recorded while {@code System.Number} is 0.
   */
  public void depositEvent(RuntimeEvent event) {
    if (blockNumber() == 0) {
      return;
    }
    Phase phase = storage.read(EXECUTION_PHASE, Phase::decode).orElse(Phase.initialization());
    long count = storage.readU32(EVENT_COUNT).orElse(0L);
    if (count == 0xffff_ffffL) {
      return;
    }
    storage.writeU32(EVENT_COUNT, count + 1);
    storage.append(EVENTS, new EventRecord(phase, event).encode());
  }

  /** The events of the current block. */
  public List<EventRecord> events() {
    return storage.get(EVENTS).map(EventRecord::decodeAll).orElse(List.of());
  }

  // ---------------------------------------------------------------------------------------------
  // Runtime upgrades

  /**
   * §7.1 step 2: if {@code LastRuntimeUpgrade} is absent, older or of another spec name, records
   * the running version and returns true (the caller then runs {@code on_runtime_upgrade}).
   */
  public boolean noteRuntimeUpgrade() {
    Optional<LastRuntimeUpgrade> last =
        storage.read(LAST_RUNTIME_UPGRADE, LastRuntimeUpgrade::decode);
    boolean upgraded =
        last.isEmpty()
            || last.get().specVersion() < version.specVersion()
            || !last.get().specName().equals(version.specName());
    if (upgraded) {
      storage.set(
          LAST_RUNTIME_UPGRADE,
          new LastRuntimeUpgrade(version.specVersion(), version.specName()).encode());
    }
    return upgraded;
  }

  // ---------------------------------------------------------------------------------------------
  // Calls

  /** {@code remark}: Signed or Root; nothing happens. */
  public void remark(Origin origin) {
    if (origin instanceof Origin.None) {
      throw new DispatchException(DispatchError.badOrigin());
    }
  }

  /** {@code set_heap_pages(pages)}: Root. */
  public void setHeapPages(Origin origin, long pages) {
    origin.ensureRoot();
    storage.writeU64(WellKnownKeys.HEAP_PAGES, pages);
    depositRuntimeEnvironmentUpdated();
  }

  /** {@code set_code(code)}: Root, with FRAME's {@code can_set_code} checks (§8.1). */
  public void setCode(Origin origin, Bytes code) {
    origin.ensureRoot();
    RuntimeVersion next =
        readVersion(code).orElseThrow(() -> moduleError(FAILED_TO_EXTRACT_RUNTIME_VERSION));
    if (!next.specName().equals(version.specName())) {
      throw moduleError(INVALID_SPEC_NAME);
    }
    if (next.specVersion() <= version.specVersion()) {
      throw moduleError(SPEC_VERSION_NEEDS_TO_INCREASE);
    }
    updateCode(code);
  }

  /** {@code set_code_without_checks(code)}: Root. */
  public void setCodeWithoutChecks(Origin origin, Bytes code) {
    origin.ensureRoot();
    updateCode(code);
  }

  private void updateCode(Bytes code) {
    storage.set(WellKnownKeys.CODE, code);
    depositRuntimeEnvironmentUpdated();
    depositEvent(new RuntimeEvent.CodeUpdated());
  }

  /**
   * The version of runtime code as {@code ext_misc_runtime_version_version_1} reports it (custom
   * sections, else {@code Core_version}), decoded as sp-version does (§8.1); empty if the host
   * reports none or it does not decode.
   */
  private Optional<RuntimeVersion> readVersion(Bytes code) {
    Optional<byte[]> encoded = versionReader.readVersion(code.toArray());
    if (encoded.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(RuntimeVersion.decode(encoded.get(), OptionalLong.empty()));
    } catch (ScaleDecodingException e) {
      return Optional.empty();
    }
  }

  /** {@code set_storage(items)}: Root; raw writes in order. */
  public void setStorage(Origin origin, List<RuntimeCall.KeyValue> items) {
    origin.ensureRoot();
    boolean environment = false;
    for (RuntimeCall.KeyValue item : items) {
      storage.set(item.key(), item.value());
      environment |= isEnvironmentKey(item.key());
    }
    if (environment) {
      depositRuntimeEnvironmentUpdated();
    }
  }

  /** {@code kill_storage(keys)}: Root; raw deletions. */
  public void killStorage(Origin origin, List<Bytes> keys) {
    origin.ensureRoot();
    boolean environment = false;
    for (Bytes key : keys) {
      storage.clear(key);
      environment |= isEnvironmentKey(key);
    }
    if (environment) {
      depositRuntimeEnvironmentUpdated();
    }
  }

  /** {@code kill_prefix(prefix, subkeys)}: Root. */
  public void killPrefix(Origin origin, Bytes prefix, long subkeys) {
    origin.ensureRoot();
    storage.clearPrefix(prefix, OptionalLong.of(subkeys));
    if (WellKnownKeys.CODE.startsWith(prefix) || WellKnownKeys.HEAP_PAGES.startsWith(prefix)) {
      depositRuntimeEnvironmentUpdated();
    }
  }

  private static boolean isEnvironmentKey(Bytes key) {
    return key.equals(WellKnownKeys.CODE) || key.equals(WellKnownKeys.HEAP_PAGES);
  }

  /** {@code remark_with_event(remark)}: Signed; emits {@code Remarked}. */
  public void remarkWithEvent(Origin origin, Bytes remark) {
    AccountId sender = origin.ensureSigned();
    depositEvent(new RuntimeEvent.Remarked(sender, Hashing.blake2b256Hash(remark.unsafeArray())));
  }

  private static DispatchException moduleError(int error) {
    return new DispatchException(new DispatchError.Module(INDEX, error));
  }
}
