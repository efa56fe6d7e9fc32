/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.executive;

import io.basalt.executor.api.CryptoProvider;
import io.basalt.executor.api.NativeRuntimePanic;
import io.basalt.executor.api.OffchainStorage;
import io.basalt.executor.api.RuntimeContext;
import io.basalt.executor.api.TrieOperations;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.ecdsa.EcdsaVerifyError;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.Result;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.StateVersion;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.dispatch.DispatchClass;
import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.dispatch.DispatchInfo;
import io.basalt.runtime.demo.dispatch.Origin;
import io.basalt.runtime.demo.dispatch.Weight;
import io.basalt.runtime.demo.event.Phase;
import io.basalt.runtime.demo.extrinsic.AdditionalSigned;
import io.basalt.runtime.demo.extrinsic.Era;
import io.basalt.runtime.demo.extrinsic.ExtrinsicSignature;
import io.basalt.runtime.demo.extrinsic.InvalidTransaction;
import io.basalt.runtime.demo.extrinsic.MultiSignature;
import io.basalt.runtime.demo.extrinsic.SignedExtra;
import io.basalt.runtime.demo.extrinsic.TransactionValidityError;
import io.basalt.runtime.demo.extrinsic.TransactionValidityException;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.runtime.demo.extrinsic.UnknownTransaction;
import io.basalt.runtime.demo.extrinsic.ValidTransaction;
import io.basalt.runtime.demo.pallet.system.BlockWeight;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import io.basalt.runtime.demo.pallet.timestamp.TimestampPallet;
import io.basalt.runtime.demo.storage.RuntimeStorage;
import io.basalt.runtime.metadata.demo.SystemPalletDescription;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FRAME's {@code Executive} for basalt-demo: the block lifecycle (runtime-spec §7), applying and
 * validating extrinsics with the signed extensions (§3), inherents and the offchain worker (§11).
 * One instance serves one runtime API call.
 *
 * <pre>{@code
 * Executive executive = new Executive(context, DemoRuntimeDescription.version(100));
 * executive.initializeBlock(header);
 * ApplyOutcome outcome = executive.applyExtrinsic(UncheckedExtrinsic.decode(bytes));
 * Header built = executive.finalizeBlock();
 * }</pre>
 */
public final class Executive {
  private static final Logger LOG = LoggerFactory.getLogger("runtime::basalt-demo");

  public static final long TRANSACTION_VERSION = 1;
  public static final long BASE_EXTRINSIC = SystemPalletDescription.BASE_EXTRINSIC_REF_TIME;
  public static final long BASE_BLOCK = SystemPalletDescription.BASE_BLOCK_REF_TIME;
  public static final long MAX_NORMAL = SystemPalletDescription.MAX_NORMAL_REF_TIME;
  public static final long MAX_OPERATIONAL = SystemPalletDescription.MAX_BLOCK_REF_TIME;
  public static final long MAX_NORMAL_LENGTH = SystemPalletDescription.MAX_NORMAL_LENGTH;
  public static final long MAX_LENGTH = SystemPalletDescription.MAX_BLOCK_LENGTH;

  /** The offchain-index key of §7.3 step 3 and the PERSISTENT offchain key it is read from. */
  public static final Bytes OFFCHAIN_BLOCK_KEY = ascii("basalt-demo/block");

  /** The PERSISTENT offchain key the offchain worker writes (§11). */
  public static final Bytes OFFCHAIN_WORKER_KEY = ascii("basalt-demo/ocw");

  private final RuntimeContext context;
  private final RuntimeVersion version;
  private final Pallets pallets;
  private final Dispatcher dispatcher;

  public Executive(RuntimeContext context, RuntimeVersion version) {
    this.context = context;
    this.version = version;
    this.pallets =
        Pallets.over(new RuntimeStorage(context.externalities()), version, context.versionReader());
    this.dispatcher = new Dispatcher(pallets);
  }

  private static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  /** The pallets this executive drives. */
  public Pallets pallets() {
    return pallets;
  }

  private SystemPallet system() {
    return pallets.system();
  }

  // ---------------------------------------------------------------------------------------------
  // Block lifecycle (§7)

  /**
   * {@code Core_initialize_block} (§7.1).
   *
   * @throws NativeRuntimePanic for block number 0
   */
  public void initializeBlock(Header header) {
    if (header.number() == 0) {
      throw new NativeRuntimePanic("Block number must be at least 1");
    }
    system().resetEvents();
    if (system().noteRuntimeUpgrade()) {
      pallets.template().onRuntimeUpgrade();
    }
    system().initialize(header.number(), header.parentHash(), preRuntimeDigest(header.digest()));
    BlockWeight weight = system().blockWeight();
    system()
        .setBlockWeight(
            weight.with(
                DispatchClass.MANDATORY,
                weight.mandatory().saturatingAdd(Weight.ofRefTime(BASE_BLOCK))));
    pallets.storage().set(SystemPallet.EXECUTION_PHASE, new Phase.ApplyExtrinsic(0).encode());
  }

  /** The PreRuntime items of a digest: what FRAME's {@code initialize_block} keeps. */
  static List<DigestItem> preRuntimeDigest(List<DigestItem> digest) {
    return digest.stream().filter(d -> d instanceof DigestItem.PreRuntime).toList();
  }

  /**
   * {@code BlockBuilder_apply_extrinsic} (§7.2). On {@code Invalid} storage is exactly as before.
   *
   * @throws NativeRuntimePanic if a call panics (e.g. a second timestamp)
   */
  public ApplyOutcome applyExtrinsic(UncheckedExtrinsic xt) {
    try {
      return pallets.storage().inTransaction(() -> applyChecked(xt));
    } catch (TransactionValidityException e) {
      return new ApplyOutcome.Invalid(e.error());
    }
  }

  private ApplyOutcome applyChecked(UncheckedExtrinsic xt) {
    Optional<AccountId> signer = checkSignature(xt);
    long index = system().noteExtrinsic(xt.encoded());
    RuntimeCall call = xt.call();
    Weight callWeight = call.weight();
    DispatchClass dispatchClass = call.dispatchClass();
    BigInteger fee = BigInteger.ZERO;
    BigInteger tip = BigInteger.ZERO;
    Origin origin;
    if (signer.isPresent()) {
      AccountId who = signer.get();
      SignedExtra extra = xt.signature().orElseThrow().extra();
      tip = extra.tip();
      checkNonZeroSender(who);
      checkNonce(who, extra.nonce(), true);
      checkWeight(dispatchClass, callWeight, xt.length(), true);
      fee = pallets.payment().withdrawFee(who, callWeight, xt.length(), tip);
      origin = Origin.signed(who);
    } else {
      if (!(call instanceof RuntimeCall.TimestampSet)) {
        throw TransactionValidityException.unknown(UnknownTransaction.NO_UNSIGNED_VALIDATOR);
      }
      checkWeight(dispatchClass, callWeight, xt.length(), true);
      origin = Origin.none();
    }
    Optional<DispatchError> result = dispatcher.dispatch(call, origin);
    if (signer.isPresent()) {
      pallets.payment().feePaid(signer.get(), fee, tip);
    }
    if (dispatchClass == DispatchClass.MANDATORY && result.isPresent()) {
      throw TransactionValidityException.invalid(InvalidTransaction.BAD_MANDATORY);
    }
    DispatchInfo info =
        new DispatchInfo(
            callWeight.saturatingAdd(Weight.ofRefTime(BASE_EXTRINSIC)), dispatchClass, true);
    system().noteAppliedExtrinsic(index, result, info);
    return new ApplyOutcome.Applied(result);
  }

  /**
   * {@code BlockBuilder_finalize_block} (§7.3).
   *
   * @throws NativeRuntimePanic if the timestamp inherent did not run
   */
  public Header finalizeBlock() {
    long count = system().noteFinishedExtrinsics();
    pallets.timestamp().onFinalize();
    long number = system().blockNumber();
    pallets
        .storage()
        .offchainIndexSet(
            OFFCHAIN_BLOCK_KEY, new ScaleWriter(8).writeU32(number).writeU32(count).toBytes());
    Header header =
        system()
            .finalizeBlock(
                count,
                xts ->
                    context
                        .services()
                        .trie()
                        .orderedRoot(xts, StateVersion.V0, TrieOperations.Hasher.BLAKE2_256));
    LOG.debug(
        "finalized block {} with {} extrinsic(s), state root {}",
        number,
        count,
        header.stateRoot());
    return header;
  }

  /**
   * {@code Core_execute_block} (§7.4): re-executes a block and checks its header.
   *
   * @param header the header without its seal
   * @param extrinsics the decoded extrinsics
   * @throws NativeRuntimePanic if the block is invalid, with the spec's message
   */
  public void executeBlock(Header header, List<UncheckedExtrinsic> extrinsics) {
    initializeBlock(header);
    long parent = (header.number() - 1) & 0xffff_ffffL;
    if (!system().blockHashOrZero(parent).equals(header.parentHash())) {
      throw new NativeRuntimePanic("Parent hash should be valid.");
    }
    int inherents = 0;
    for (int i = 0; i < extrinsics.size(); i++) {
      if (isInherent(extrinsics.get(i))) {
        if (inherents != i) {
          throw new NativeRuntimePanic("Invalid inherent position for extrinsic at index " + i);
        }
        inherents++;
      }
    }
    for (int i = 0; i < extrinsics.size(); i++) {
      if (applyExtrinsic(extrinsics.get(i)) instanceof ApplyOutcome.Invalid(var error)) {
        throw new NativeRuntimePanic("Extrinsic at index " + i + " is invalid: " + error);
      }
    }
    Header computed = finalizeBlock();
    if (header.digest().size() != computed.digest().size()) {
      throw new NativeRuntimePanic("Number of digest items must match that calculated.");
    }
    for (int i = 0; i < header.digest().size(); i++) {
      if (!encode(header.digest().get(i)).equals(encode(computed.digest().get(i)))) {
        throw new NativeRuntimePanic("Digest item must match that calculated.");
      }
    }
    if (!header.stateRoot().equals(computed.stateRoot())) {
      throw new NativeRuntimePanic("Storage root must match that calculated.");
    }
    if (!header.extrinsicsRoot().equals(computed.extrinsicsRoot())) {
      throw new NativeRuntimePanic("Transaction trie root must be valid.");
    }
  }

  private static Bytes encode(DigestItem item) {
    return Bytes.wrap(DigestItem.CODEC.encode(item));
  }

  /** An inherent: an unsigned {@code Timestamp.set}. */
  public static boolean isInherent(UncheckedExtrinsic xt) {
    return !xt.isSigned() && xt.call() instanceof RuntimeCall.TimestampSet;
  }

  // ---------------------------------------------------------------------------------------------
  // Transaction validity (§9)

  /**
   * {@code TaggedTransactionQueue_validate_transaction}: runs on a fresh {@code
   * System.initialize(Number + 1, blockHash)}; the node discards the storage changes.
   */
  public Result<ValidTransaction, TransactionValidityError> validateTransaction(
      UncheckedExtrinsic xt, Hash256 blockHash) {
    long next = (system().blockNumber() + 1) & 0xffff_ffffL;
    system().initialize(next, blockHash, List.of());
    try {
      return Result.ok(validate(xt));
    } catch (TransactionValidityException e) {
      return Result.err(e.error());
    }
  }

  private ValidTransaction validate(UncheckedExtrinsic xt) {
    Optional<AccountId> signer = checkSignature(xt);
    RuntimeCall call = xt.call();
    DispatchClass dispatchClass = call.dispatchClass();
    if (dispatchClass == DispatchClass.MANDATORY) {
      throw TransactionValidityException.invalid(InvalidTransaction.MANDATORY_VALIDATION);
    }
    if (signer.isEmpty()) {
      throw TransactionValidityException.unknown(UnknownTransaction.NO_UNSIGNED_VALIDATOR);
    }
    AccountId who = signer.get();
    SignedExtra extra = xt.signature().orElseThrow().extra();
    checkNonZeroSender(who);
    List<List<Bytes>> tags = checkNonce(who, extra.nonce(), false);
    checkWeight(dispatchClass, call.weight(), xt.length(), false);
    pallets.payment().checkPayable(who, call.weight(), xt.length(), extra.tip());
    long current = system().blockNumber();
    long death = extra.era().death(current);
    long longevity = Long.compareUnsigned(death, current) > 0 ? death - current : 0;
    BigInteger u64Max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    long priority = extra.tip().min(u64Max).longValue();
    return new ValidTransaction(priority, tags.get(0), tags.get(1), longevity, true);
  }

  // ---------------------------------------------------------------------------------------------
  // Signed extensions (§3.2, §3.3, §5.5)

  /**
   * Resolves the signer, computes {@code additional_signed} and verifies the signature.
   *
   * @return the signer, or empty for an unsigned extrinsic
   * @throws TransactionValidityException {@code Unknown(CannotLookup)}, {@code
   *     Invalid(AncientBirthBlock)} or {@code Invalid(BadProof)}
   */
  private Optional<AccountId> checkSignature(UncheckedExtrinsic xt) {
    if (xt.signature().isEmpty()) {
      return Optional.empty();
    }
    ExtrinsicSignature signature = xt.signature().get();
    AccountId signer =
        signature
            .address()
            .lookup()
            .orElseThrow(
                () -> TransactionValidityException.unknown(UnknownTransaction.CANNOT_LOOKUP));
    Era era = signature.extra().era();
    Hash256 genesis = system().blockHashOrZero(0);
    long birth = Math.min(era.birth(system().blockNumber()), 0xffff_ffffL);
    Hash256 eraHash =
        system()
            .blockHash(birth)
            .orElseThrow(
                () -> TransactionValidityException.invalid(InvalidTransaction.ANCIENT_BIRTH_BLOCK));
    AdditionalSigned additional =
        new AdditionalSigned(version.specVersion(), TRANSACTION_VERSION, genesis, eraHash);
    Bytes message = additional.signingMessage(xt.encodedCall(), signature.extra());
    if (!verify(signature.signature(), message, signer)) {
      throw TransactionValidityException.invalid(InvalidTransaction.BAD_PROOF);
    }
    return Optional.of(signer);
  }

  private boolean verify(MultiSignature signature, Bytes message, AccountId signer) {
    CryptoProvider crypto = context.services().crypto();
    return switch (signature) {
      case MultiSignature.Ed25519(Bytes sig) -> crypto.ed25519Verify(sig, message, signer.bytes());
      case MultiSignature.Sr25519(Bytes sig) ->
          crypto.sr25519Verify(sig, message, signer.bytes(), false);
      case MultiSignature.Ecdsa(Bytes sig) -> {
        Hash256 hash = Hashing.blake2b256Hash(message.unsafeArray());
        Result<Bytes, EcdsaVerifyError> recovered = crypto.secp256k1Recover(sig, hash, true, true);
        yield recovered instanceof Result.Ok<Bytes, EcdsaVerifyError>(Bytes key)
            && Hashing.blake2b256Hash(key.unsafeArray()).toBytes().equals(signer.bytes());
      }
    };
  }

  private static void checkNonZeroSender(AccountId who) {
    if (who.isZero()) {
      throw TransactionValidityException.invalid(InvalidTransaction.BAD_SIGNER);
    }
  }

  /**
   * CheckNonce. Validation returns {@code [requires, provides]}; apply also rejects future nonces
   * and increments the account's nonce.
   */
  private List<List<Bytes>> checkNonce(AccountId who, long nonce, boolean apply) {
    AccountInfo account = system().account(who);
    if (account.providers() == 0 && account.sufficients() == 0) {
      throw TransactionValidityException.invalid(InvalidTransaction.PAYMENT);
    }
    if (nonce < account.nonce()) {
      throw TransactionValidityException.invalid(InvalidTransaction.STALE);
    }
    if (apply) {
      if (nonce > account.nonce()) {
        throw TransactionValidityException.invalid(InvalidTransaction.FUTURE);
      }
      system().putAccount(who, account.withNonce((account.nonce() + 1) & 0xffff_ffffL));
      return List.of();
    }
    List<Bytes> provides = List.of(nonceTag(who, nonce));
    List<Bytes> requires = nonce > account.nonce() ? List.of(nonceTag(who, nonce - 1)) : List.of();
    return List.of(requires, provides);
  }

  private static Bytes nonceTag(AccountId who, long nonce) {
    return new ScaleWriter(36).writeRaw(who.bytes()).writeU32(nonce).toBytes();
  }

  /**
   * CheckWeight (§5.5): block length, per-extrinsic and per-class weight limits; on apply it also
   * records the consumption.
   */
  private void checkWeight(DispatchClass c, Weight callWeight, long length, boolean apply) {
    long maxLength = c == DispatchClass.NORMAL ? MAX_NORMAL_LENGTH : MAX_LENGTH;
    long newLength = system().allExtrinsicsLen() + length;
    if (newLength > maxLength) {
      throw TransactionValidityException.invalid(InvalidTransaction.EXHAUSTS_RESOURCES);
    }
    long ext = Weight.saturatingAdd(callWeight.refTime(), BASE_EXTRINSIC);
    BlockWeight consumed = system().blockWeight();
    Weight current = consumed.get(c);
    long next;
    if (c == DispatchClass.MANDATORY) {
      next = Weight.saturatingAdd(current.refTime(), ext);
    } else {
      long max = c == DispatchClass.NORMAL ? MAX_NORMAL : MAX_OPERATIONAL;
      next = current.refTime() + ext;
      if (Long.compareUnsigned(ext, max) > 0
          || Long.compareUnsigned(next, current.refTime()) < 0
          || Long.compareUnsigned(next, max) > 0) {
        throw TransactionValidityException.invalid(InvalidTransaction.EXHAUSTS_RESOURCES);
      }
    }
    if (apply) {
      system().setBlockWeight(consumed.with(c, new Weight(next, current.proofSize())));
      system().setAllExtrinsicsLen(newLength);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Inherents (§7.5)

  /**
   * {@code BlockBuilder_inherent_extrinsics}: the timestamp inherent.
   *
   * @throws NativeRuntimePanic if {@code timstap0} is missing or not 8 bytes
   */
  public List<UncheckedExtrinsic> inherentExtrinsics(InherentData data) {
    long t =
        timestampData(data).orElseThrow(() -> new NativeRuntimePanic(TimestampPallet.DATA_MISSING));
    long minimum = pallets.timestamp().minimumNext();
    long next = Long.compareUnsigned(t, minimum) >= 0 ? t : minimum;
    return List.of(UncheckedExtrinsic.unsigned(new RuntimeCall.TimestampSet(next)));
  }

  /**
   * The {@code timstap0} datum, if present.
   *
   * @throws NativeRuntimePanic if it is not exactly 8 bytes
   */
  private static Optional<Long> timestampData(InherentData data) {
    Optional<Bytes> raw = data.get(TimestampPallet.INHERENT_IDENTIFIER);
    if (raw.isPresent() && raw.get().length() != 8) {
      throw new NativeRuntimePanic(TimestampPallet.DATA_MALFORMED);
    }
    return raw.map(v -> new ScaleReader(v).readI64());
  }

  /**
   * {@code BlockBuilder_check_inherents}, on the parent state (no initialize): examines the leading
   * inherents only.
   *
   * @throws NativeRuntimePanic if the {@code timstap0} datum is not exactly 8 bytes
   */
  public CheckInherentsResult checkInherents(
      List<UncheckedExtrinsic> extrinsics, InherentData data) {
    Optional<Long> dataTime = timestampData(data);
    long minimum = pallets.timestamp().minimumNext();
    boolean found = false;
    Optional<Integer> error = Optional.empty();
    for (UncheckedExtrinsic xt : extrinsics) {
      if (!isInherent(xt)) {
        break;
      }
      found = true;
      long t = ((RuntimeCall.TimestampSet) xt.call()).now();
      if (dataTime.isPresent()) {
        long latest = Weight.saturatingAdd(dataTime.get(), TimestampPallet.MAX_DRIFT_MS);
        if (Long.compareUnsigned(t, latest) > 0) {
          error = Optional.of(CheckInherentsResult.TOO_FAR_IN_FUTURE);
          break;
        }
        if (Long.compareUnsigned(t, minimum) < 0) {
          error = Optional.of(CheckInherentsResult.TOO_EARLY);
          break;
        }
      }
    }
    if (!found && error.isEmpty()) {
      error = Optional.of(CheckInherentsResult.MISSING);
    }
    return new CheckInherentsResult(error);
  }

  // ---------------------------------------------------------------------------------------------
  // Offchain worker (§11)

  /**
   * {@code OffchainWorkerApi_offchain_worker}: records the block in the PERSISTENT offchain store.
   *
   * @throws NativeRuntimePanic if the call was given no offchain storage
   */
  public void offchainWorker(Header header) {
    system().initialize(header.number(), header.parentHash(), header.digest());
    Hash256 hash = header.hash();
    system().setBlockHash(header.number(), hash);
    OffchainStorage offchain =
        context
            .services()
            .offchainStorage()
            .orElseThrow(
                () ->
                    new NativeRuntimePanic(
                        "offchain storage is not available to this runtime call"));
    Optional<Bytes> indexed = offchain.get(OffchainStorage.Kind.PERSISTENT, OFFCHAIN_BLOCK_KEY);
    ScaleWriter w = new ScaleWriter(48).writeU32(header.number()).writeHash(hash);
    if (indexed.isPresent()) {
      w.writeU8(1).writeByteVec(indexed.get());
    } else {
      w.writeU8(0);
    }
    offchain.set(OffchainStorage.Kind.PERSISTENT, OFFCHAIN_WORKER_KEY, w.toBytes());
  }
}
