/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.executor.api.OffchainStorage;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.StateVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.storage.StorageKeys;
import io.basalt.storage.trie.TrieRoot;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Blocks on the Wasm runtime: built, re-executed, rejected; extrinsic errors; validation. */
class WasmBlockTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final BigInteger ENDOWMENT = BigInteger.ONE.shiftLeft(60);
  static final KeyPair ALICE = sr25519("//Alice");
  static final KeyPair BOB = sr25519("//Bob");

  static KeyPair sr25519(String suri) {
    return KeyScheme.SR25519.fromSuri(suri, Optional.empty()).pair();
  }

  static SteppedChain devChain(WasmExecutionMethod m, int spec) {
    return SteppedChain.genesis(
        WasmCode.executor(m), WasmCode.compressed(spec).toArray(), Genesis.development("null"));
  }

  static Tx.Signing immortal(SteppedChain chain, long nonce) {
    return Tx.Signing.immortal(nonce, 100, chain.genesisHash());
  }

  static Bytes events(SteppedChain chain) {
    return chain.state().get(StorageKeys.plain("System", "Events"));
  }

  /** Fee of a signed extrinsic: base + len × 10^6 + call weight. */
  static BigInteger fee(int len, long callWeight) {
    return BigInteger.valueOf(100_000_000L + len * 1_000_000L + callWeight);
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void blockWithTimestampAndSignedTransferBuildsAndReExecutes(WasmExecutionMethod m) {
    SteppedChain chain = devChain(m, 100);
    SteppedChain replay = chain.fork();
    byte[] transfer =
        Tx.signed(ALICE, Tx.transferKeepAlive(BOB.accountId(), Tx.UNIT), immortal(chain, 0));
    assertThat(transfer).hasSize(145);

    SteppedChain.BuiltBlock block = chain.build(T0, List.of(transfer));

    assertThat(block.results()).extracting(Hex::encodeBare).containsExactly("0000", "0000");
    assertThat(block.extrinsics()).hasSize(2);
    assertThat(Hex.encodeBare(block.extrinsics().get(0)))
        .as("the spec's inherent example")
        .isEqualTo("280401000b0068e5cf8b01");
    Header header = block.header();
    assertThat(header.number()).isEqualTo(1);
    assertThat(header.parentHash()).isEqualTo(chain.genesisHash());
    assertThat(header.digest()).isEmpty();
    assertThat(header.stateRoot()).isEqualTo(TrieRoot.of(chain.state(), StateVersion.V1));
    assertThat(header.extrinsicsRoot())
        .isEqualTo(
            TrieRoot.ordered(
                block.extrinsics().stream().map(Bytes::wrap).toList(), StateVersion.V0));

    BigInteger fee = fee(145, 100_000_000L);
    assertThat(fee).isEqualTo(BigInteger.valueOf(345_000_000L));
    assertThat(chain.state().get(StorageKeys.mapEntry("System", "Account", ALICE.accountId())))
        .isEqualTo(WasmGenesisTest.account(1, ENDOWMENT.subtract(Tx.UNIT).subtract(fee)));
    assertThat(chain.state().get(StorageKeys.mapEntry("System", "Account", BOB.accountId())))
        .isEqualTo(WasmGenesisTest.account(0, ENDOWMENT.add(Tx.UNIT)));
    assertThat(chain.state().get(StorageKeys.plain("Balances", "TotalIssuance")))
        .isEqualTo(
            new ScaleWriter()
                .writeU128(ENDOWMENT.multiply(BigInteger.valueOf(6)).subtract(fee))
                .toBytes());
    assertThat(events(chain).toArray())
        .isEqualTo(
            Events.all(
                List.of(
                    Events.record(
                        Events.applyExtrinsic(0),
                        Events.extrinsicSuccess(110_000_000L, Events.MANDATORY)),
                    Events.record(
                        Events.applyExtrinsic(1), Events.withdraw(ALICE.accountId(), fee)),
                    Events.record(
                        Events.applyExtrinsic(1),
                        Events.transfer(ALICE.accountId(), BOB.accountId(), Tx.UNIT)),
                    Events.record(
                        Events.applyExtrinsic(1),
                        Events.feePaid(ALICE.accountId(), fee, BigInteger.ZERO)),
                    Events.record(
                        Events.applyExtrinsic(1),
                        Events.extrinsicSuccess(200_000_000L, Events.NORMAL)))));
    assertThat(chain.state().get(StorageKeys.plain("System", "EventCount")))
        .isEqualTo(Bytes.fromHex("05000000"));
    // Per-block bookkeeping is gone after finalization; BlockHash[0] is the real genesis hash.
    for (String item :
        List.of("ExecutionPhase", "AllExtrinsicsLen", "ExtrinsicCount", "InherentsApplied")) {
      assertThat(chain.state()).doesNotContainKey(StorageKeys.plain("System", item));
    }
    assertThat(chain.state())
        .doesNotContainKeys(
            WellKnownKeys.EXTRINSIC_INDEX,
            WellKnownKeys.INTRABLOCK_ENTROPY,
            StorageKeys.mapEntry("System", "ExtrinsicData", 0),
            StorageKeys.plain("Timestamp", "DidUpdate"));
    assertThat(chain.state().get(StorageKeys.mapEntry("System", "BlockHash", 0)))
        .isEqualTo(chain.genesisHash().toBytes());
    assertThat(chain.state().get(StorageKeys.plain("Timestamp", "Now")))
        .isEqualTo(new ScaleWriter().writeU64(T0).toBytes());
    assertThat(
            chain
                .offchain()
                .get(OffchainStorage.Kind.PERSISTENT, SteppedChain.ascii("basalt-demo/block")))
        .contains(Bytes.fromHex("01000000" + "02000000"));

    replay.execute(block);
    assertThat(replay.state()).isEqualTo(chain.state());
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void transfersCreateAndReapAccounts(WasmExecutionMethod m) {
    SteppedChain chain = devChain(m, 100);
    SteppedChain replay = chain.fork();
    KeyPair fresh = sr25519("//Fresh");
    BigInteger ed = BigInteger.TEN.pow(9);
    BigInteger amount = Tx.UNIT;
    List<byte[]> txs = new ArrayList<>();
    txs.add(Tx.signed(ALICE, Tx.transferAllowDeath(fresh.accountId(), amount), immortal(chain, 0)));
    SteppedChain.BuiltBlock block1 = chain.build(T0, txs);
    assertThat(block1.results()).extracting(Hex::encodeBare).containsExactly("0000", "0000");
    assertThat(chain.state().get(StorageKeys.mapEntry("System", "Account", fresh.accountId())))
        .isEqualTo(WasmGenesisTest.account(0, amount));
    byte[] events = events(chain).toArray();
    assertThat(Hex.encodeBare(events))
        .contains(
            Hex.encodeBare(
                Events.record(Events.applyExtrinsic(1), Events.newAccount(fresh.accountId()))))
        .contains(
            Hex.encodeBare(
                Events.record(
                    Events.applyExtrinsic(1), Events.endowed(fresh.accountId(), amount))));

    // The fresh account sends all but dust below ED to Bob with allow-death: it is reaped.
    byte[] sweep = Tx.signed(fresh, Tx.transferAll(BOB.accountId(), false), immortal(chain, 0));
    BigInteger sweepFee = fee(sweep.length, 100_000_000L);
    SteppedChain.BuiltBlock block2 = chain.build(T0 + 6000, List.of(sweep));
    assertThat(block2.results()).extracting(Hex::encodeBare).containsExactly("0000", "0000");
    assertThat(chain.state())
        .doesNotContainKey(StorageKeys.mapEntry("System", "Account", fresh.accountId()));
    BigInteger swept = amount.subtract(sweepFee);
    assertThat(Hex.encodeBare(events(chain).toArray()))
        .contains(
            Hex.encodeBare(
                Events.record(Events.applyExtrinsic(1), Events.killedAccount(fresh.accountId()))))
        .contains(
            Hex.encodeBare(
                Events.record(
                    Events.applyExtrinsic(1),
                    Events.transfer(fresh.accountId(), BOB.accountId(), swept))));
    assertThat(ed).isLessThan(swept);

    replay.execute(block1);
    replay.execute(block2);
    assertThat(replay.state()).isEqualTo(chain.state());
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void failingExtrinsicsGiveTheSpecsResults(WasmExecutionMethod m) {
    SteppedChain chain = devChain(m, 100);
    Header init = new Header(chain.genesisHash(), 1, Hash256.ZERO, Hash256.ZERO, List.of());
    chain.call("Core_initialize_block", Header.CODEC.encode(init));
    chain.call(
        "BlockBuilder_apply_extrinsic",
        SteppedChain.extrinsicList(
                chain.call("BlockBuilder_inherent_extrinsics", SteppedChain.inherentData(T0)))
            .get(0));
    byte[] ok = Tx.signed(ALICE, Tx.remark(new byte[] {1}), immortal(chain, 0));
    assertThat(Hex.encodeBare(apply(chain, ok))).isEqualTo("0000");

    byte[] call = Tx.transferKeepAlive(BOB.accountId(), Tx.UNIT);
    byte[] badSignature = Tx.signed(ALICE, call, immortal(chain, 1));
    badSignature[badSignature.length - call.length - 10] ^= 1; // inside the signature
    byte[] wrongSpec = Tx.signed(ALICE, call, immortal(chain, 1).withSpecVersion(101));
    byte[] stale = Tx.signed(ALICE, call, immortal(chain, 0));
    byte[] future = Tx.signed(ALICE, call, immortal(chain, 5));
    byte[] unfunded = Tx.signed(sr25519("//Nobody"), call, immortal(chain, 0));
    byte[] tooPoor =
        Tx.signed(
            ALICE,
            Tx.transferAllowDeath(BOB.accountId(), ENDOWMENT.shiftLeft(1)),
            immortal(chain, 1));
    byte[] notSudo = Tx.signed(BOB, Tx.sudo(Tx.remark(new byte[0])), immortal(chain, 0));
    byte[] unsignedTransfer = Tx.unsigned(call);
    byte[] signedTimestamp = Tx.signed(ALICE, Tx.timestampSet(T0 + 1), immortal(chain, 1));
    byte[] hugeTip = Tx.signed(ALICE, call, immortal(chain, 1).withTip(ENDOWMENT));

    var before = new java.util.TreeMap<>(chain.state());
    assertThat(Hex.encodeBare(apply(chain, badSignature))).isEqualTo("010004");
    assertThat(Hex.encodeBare(apply(chain, wrongSpec))).isEqualTo("010004");
    assertThat(Hex.encodeBare(apply(chain, stale))).isEqualTo("010003");
    assertThat(Hex.encodeBare(apply(chain, future))).isEqualTo("010002");
    assertThat(Hex.encodeBare(apply(chain, unfunded))).isEqualTo("010001");
    assertThat(Hex.encodeBare(apply(chain, hugeTip))).isEqualTo("010001");
    assertThat(Hex.encodeBare(apply(chain, unsignedTransfer))).isEqualTo("010101");
    assertThat(Hex.encodeBare(apply(chain, signedTimestamp))).isEqualTo("010008");
    assertThat(chain.state()).as("Err results leave storage untouched").isEqualTo(before);

    assertThat(Hex.encodeBare(apply(chain, tooPoor))).isEqualTo("00010700");
    assertThat(Hex.encodeBare(apply(chain, notSudo))).isEqualTo("0001" + "03" + "04" + "00000000");
    assertThat(Hex.encodeBare(events(chain).toArray()))
        .contains(
            Hex.encodeBare(
                Events.record(
                    Events.applyExtrinsic(3),
                    Events.extrinsicFailed(
                        Hex.decode("030400000000"), 120_000_000L, Events.NORMAL))));
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void nonIdAddressesCannotBeLookedUp(WasmExecutionMethod m) {
    SteppedChain chain = devChain(m, 100);
    byte[] body =
        new ScaleWriter()
            .writeU8(0x84)
            .writeU8(1) // MultiAddress::Index(Compact<()>): no bytes
            .writeU8(1)
            .writeRaw(new byte[64])
            .writeRaw(new byte[] {0, 0, 0})
            .writeRaw(Tx.remark(new byte[0]))
            .toByteArray();
    byte[] xt = new ScaleWriter().writeByteVec(body).toByteArray();
    Header init = new Header(chain.genesisHash(), 1, Hash256.ZERO, Hash256.ZERO, List.of());
    chain.call("Core_initialize_block", Header.CODEC.encode(init));
    assertThat(Hex.encodeBare(apply(chain, xt))).isEqualTo("010100");
  }

  private static byte[] apply(SteppedChain chain, byte[] xt) {
    return chain.call("BlockBuilder_apply_extrinsic", xt);
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void validateTransactionGivesTagsPriorityAndLongevity(WasmExecutionMethod m) {
    SteppedChain chain = devChain(m, 100);
    Hash256 best = chain.genesisHash();
    byte[] call = Tx.transferKeepAlive(BOB.accountId(), Tx.UNIT);
    String alice = ALICE.accountId().toHex().substring(2);

    byte[] now = Tx.signed(ALICE, call, immortal(chain, 0).withTip(BigInteger.valueOf(7)));
    assertThat(Hex.encodeBare(validate(chain, now, best)))
        .isEqualTo(
            "00"
                + "0700000000000000"
                + "00"
                + "04"
                + "90"
                + alice
                + "00000000"
                + "feffffffffffffff"
                + "01");
    byte[] later = Tx.signed(ALICE, call, immortal(chain, 2));
    assertThat(Hex.encodeBare(validate(chain, later, best)))
        .isEqualTo(
            "00"
                + "0000000000000000"
                + "0490"
                + alice
                + "01000000"
                + "0490"
                + alice
                + "02000000"
                + "feffffffffffffff"
                + "01");
    // Mortal era born at block 0 with period 64: longevity = 64 - 1.
    byte[] mortal =
        Tx.signed(ALICE, call, immortal(chain, 0).mortal(new byte[] {0x05, 0x00}, best));
    assertThat(Hex.encodeBare(validate(chain, mortal, best))).endsWith("3f0000000000000001");
    assertThat(Hex.encodeBare(validate(chain, Tx.unsigned(Tx.timestampSet(T0)), best)))
        .isEqualTo("010009");
    assertThat(Hex.encodeBare(validate(chain, Tx.unsigned(call), best))).isEqualTo("010101");
    byte[] badProof = Tx.signed(ALICE, call, Tx.Signing.immortal(0, 100, Hash256.ZERO));
    assertThat(Hex.encodeBare(validate(chain, badProof, best))).isEqualTo("010004");
    assertThat(
            Hex.encodeBare(
                chain.query("AccountNonceApi_account_nonce", ALICE.accountId().toArray())))
        .isEqualTo("00000000");
  }

  private static byte[] validate(SteppedChain chain, byte[] xt, Hash256 blockHash) {
    byte[] input = new ScaleWriter().writeU8(2).writeRaw(xt).writeHash(blockHash).toByteArray();
    return chain.query("TaggedTransactionQueue_validate_transaction", input);
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void invalidBlocksPanicWithTheSpecsMessages(WasmExecutionMethod m) {
    SteppedChain chain = devChain(m, 100);
    SteppedChain genesis = chain.fork();
    byte[] transfer =
        Tx.signed(ALICE, Tx.transferKeepAlive(BOB.accountId(), Tx.UNIT), immortal(chain, 0));
    SteppedChain.BuiltBlock good = chain.build(T0, List.of(transfer));
    Header h = good.header();
    byte[] inherent = good.extrinsics().get(0);

    assertPanics(
        genesis,
        withHeader(
            good,
            new Header(h.parentHash(), h.number(), Hash256.ZERO, h.extrinsicsRoot(), h.digest())),
        "Storage root must match that calculated.");
    assertPanics(
        genesis,
        withHeader(
            good, new Header(h.parentHash(), h.number(), h.stateRoot(), Hash256.ZERO, h.digest())),
        "Transaction trie root must be valid.");
    assertPanics(
        genesis,
        withHeader(good, h.withDigestItem(new DigestItem.Other(Bytes.of((byte) 1)))),
        "Number of digest items must match that calculated.");
    assertPanics(
        genesis,
        new SteppedChain.BuiltBlock(h, List.of(transfer, inherent), List.of()),
        "Invalid inherent position for extrinsic at index 1");
    assertPanics(
        genesis,
        new SteppedChain.BuiltBlock(h, List.of(transfer), List.of()),
        "Timestamp must be updated once in the block");
    assertPanics(
        genesis,
        new SteppedChain.BuiltBlock(h, List.of(inherent, inherent), List.of()),
        "Timestamp must be updated only once in the block");
    byte[] corrupted = transfer.clone();
    corrupted[corrupted.length - 50] ^= 1;
    assertPanics(
        genesis,
        new SteppedChain.BuiltBlock(h, List.of(inherent, corrupted), List.of()),
        "Extrinsic at index 1 is invalid: Invalid(BadProof)");
    assertPanics(
        genesis,
        withHeader(
            good, new Header(h.parentHash(), 0, h.stateRoot(), h.extrinsicsRoot(), h.digest())),
        "Block number must be at least 1");
    assertThatThrownBy(() -> genesis.call("BlockBuilder_inherent_extrinsics", new byte[] {0}))
        .isInstanceOfSatisfying(
            RuntimeTrapException.class,
            e -> assertThat(e.panicMessage()).contains("Timestamp inherent data must be provided"));
    // The pre-runtime digest of a header is kept; a different one changes the digest check.
    SteppedChain withDigest = genesis.fork();
    DigestItem pre = new DigestItem.PreRuntime(EngineId.of("aura"), Bytes.of((byte) 9));
    SteppedChain.BuiltBlock digested = withDigest.build(T0, List.of(), List.of(pre));
    assertThat(digested.header().digest()).containsExactly(pre);
    assertPanics(
        genesis,
        withHeader(
            digested,
            new Header(
                h.parentHash(),
                1,
                digested.header().stateRoot(),
                digested.header().extrinsicsRoot(),
                List.of(new DigestItem.PreRuntime(EngineId.of("aura"), Bytes.of((byte) 8))))),
        "Storage root must match that calculated.");
    genesis.fork().execute(digested);
  }

  private static SteppedChain.BuiltBlock withHeader(SteppedChain.BuiltBlock block, Header header) {
    return new SteppedChain.BuiltBlock(header, block.extrinsics(), block.results());
  }

  private static void assertPanics(
      SteppedChain parent, SteppedChain.BuiltBlock block, String message) {
    SteppedChain chain = parent.fork();
    assertThatThrownBy(() -> chain.execute(block))
        .isInstanceOfSatisfying(
            RuntimeTrapException.class, e -> assertThat(e.panicMessage()).contains(message));
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void checkInherentsComparesTheTimestamp(WasmExecutionMethod m) {
    SteppedChain chain = devChain(m, 100);
    SteppedChain parent = chain.fork();
    SteppedChain.BuiltBlock block = chain.build(T0, List.of());
    assertThat(Hex.encodeBare(checkInherents(parent, block, SteppedChain.inherentData(T0))))
        .isEqualTo("010000");
    assertThat(
            Hex.encodeBare(checkInherents(parent, block, SteppedChain.inherentData(T0 - 30_001))))
        .isEqualTo("0001" + "04" + "74696d7374617030" + "0401");
    assertThat(Hex.encodeBare(checkInherents(parent, block, new byte[] {0}))).isEqualTo("010000");
    SteppedChain.BuiltBlock empty =
        new SteppedChain.BuiltBlock(block.header(), List.of(), List.of());
    assertThat(Hex.encodeBare(checkInherents(parent, empty, SteppedChain.inherentData(T0))))
        .isEqualTo("0001" + "04" + "74696d7374617030" + "0402");
    // On block 1's state, the same timestamp is too early.
    assertThat(Hex.encodeBare(checkInherents(chain, block, SteppedChain.inherentData(T0))))
        .isEqualTo("0001" + "04" + "74696d7374617030" + "0400");
  }

  private static byte[] checkInherents(
      SteppedChain chain, SteppedChain.BuiltBlock block, byte[] data) {
    return chain.query(
        "BlockBuilder_check_inherents",
        new ScaleWriter().writeRaw(block.encode()).writeRaw(data).toByteArray());
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void offchainWorkerRecordsTheBlockAndTheIndexedEntry(WasmExecutionMethod m) {
    SteppedChain chain = devChain(m, 100);
    SteppedChain.BuiltBlock block = chain.build(T0, List.of());
    chain.offchainWorker(block.header());
    assertThat(
            chain
                .offchain()
                .get(OffchainStorage.Kind.PERSISTENT, SteppedChain.ascii("basalt-demo/ocw")))
        .contains(
            Bytes.wrap(
                new ScaleWriter()
                    .writeU32(1)
                    .writeHash(block.hash())
                    .writeU8(1)
                    .writeByteVec(Hex.decode("0100000001000000"))
                    .toByteArray()));
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void mortalErasAreValidOnlyInTheirWindow(WasmExecutionMethod m) {
    SteppedChain chain = devChain(m, 100);
    SteppedChain.BuiltBlock block1 = chain.build(T0, List.of());
    byte[] call = Tx.remark(new byte[] {1});
    // period 4, phase 1 (era 1100): born at block 1 when applied in blocks 1..4.
    Tx.Signing bornAt1 = immortal(chain, 0).mortal(new byte[] {0x11, 0x00}, block1.hash());
    // period 4, phase 3 (era 3100): at block 2 its birth block 3 has no hash yet.
    Tx.Signing bornAt3 = immortal(chain, 0).mortal(new byte[] {0x31, 0x00}, block1.hash());
    SteppedChain late = chain.fork();
    SteppedChain.BuiltBlock block2 =
        chain.build(
            T0 + 1000, List.of(Tx.signed(ALICE, call, bornAt1), Tx.signed(BOB, call, bornAt3)));
    assertThat(block2.results())
        .extracting(Hex::encodeBare)
        .containsExactly("0000", "0000", "010005");

    for (int i = 2; i <= 5; i++) {
      late.build(T0 + 1000L * i, List.of());
    }
    // In block 6 the era's birth is block 5: the signature over block 1's hash no longer verifies.
    SteppedChain.BuiltBlock block6 =
        late.build(T0 + 6000, List.of(Tx.signed(ALICE, call, bornAt1)));
    assertThat(block6.results()).extracting(Hex::encodeBare).containsExactly("0000", "010004");
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void oversizeAndOverweightExtrinsicsExhaustResources(WasmExecutionMethod m) {
    SteppedChain chain = devChain(m, 100);
    Header init = new Header(chain.genesisHash(), 1, Hash256.ZERO, Hash256.ZERO, List.of());
    chain.call("Core_initialize_block", Header.CODEC.encode(init));
    byte[] huge = Tx.signed(ALICE, Tx.remark(new byte[3_932_160]), immortal(chain, 0));
    assertThat(Hex.encodeBare(apply(chain, huge))).isEqualTo("010006");
    // sudo_unchecked_weight takes the inner call's class: remark is Normal (limit 1.5e12),
    // kill_storage([]) is Operational (limit 2e12); ext = weight + base_extrinsic (1e8).
    byte[] remark = Tx.remark(new byte[0]);
    byte[] killNothing = new byte[] {0, 5, 0};
    assertThat(Hex.encodeBare(apply(chain, uncheckedWeight(chain, remark, 1_499_900_000_001L, 0))))
        .isEqualTo("010006");
    assertThat(
            Hex.encodeBare(
                apply(chain, uncheckedWeight(chain, killNothing, 1_999_900_000_001L, 0))))
        .isEqualTo("010006");
    assertThat(
            Hex.encodeBare(
                apply(chain, uncheckedWeight(chain, killNothing, 1_999_900_000_000L, 0))))
        .isEqualTo("0000");
    assertThat(Hex.encodeBare(apply(chain, uncheckedWeight(chain, killNothing, 1, 1))))
        .isEqualTo("010006");
    assertThat(Hex.encodeBare(apply(chain, uncheckedWeight(chain, remark, 1_499_900_000_000L, 1))))
        .isEqualTo("0000");
    assertThat(chain.state().get(StorageKeys.plain("System", "BlockWeight")))
        .isEqualTo(
            new ScaleWriter()
                .writeCompact(1_500_000_000_000L)
                .writeCompact(0)
                .writeCompact(2_000_000_000_000L)
                .writeCompact(0)
                .writeCompact(10_000_000L)
                .writeCompact(0)
                .toBytes());
  }

  private static byte[] uncheckedWeight(
      SteppedChain chain, byte[] inner, long refTime, long nonce) {
    byte[] call =
        new ScaleWriter()
            .writeU8(4)
            .writeU8(1)
            .writeRaw(inner)
            .writeCompact(refTime)
            .writeCompact(0)
            .toByteArray();
    return Tx.signed(ALICE, call, immortal(chain, nonce));
  }
}
