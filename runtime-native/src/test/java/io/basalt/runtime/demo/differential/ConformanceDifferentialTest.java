/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.api.OffchainStorage;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.CallOutcome;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.chain.FakeRuntimeCode;
import io.basalt.runtime.demo.chain.RuntimeUnderTest;
import io.basalt.runtime.demo.chain.TestRuntimes;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.event.EventRecord;
import io.basalt.runtime.demo.event.RuntimeEvent;
import io.basalt.runtime.demo.executive.Executive;
import io.basalt.runtime.demo.extrinsic.Era;
import io.basalt.runtime.demo.extrinsic.ExtrinsicSignature;
import io.basalt.runtime.demo.extrinsic.MultiSignature;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Conformance cases of runtime-spec §16 on both implementations: invalid blocks (§16.6), the
 * stateless and read-only APIs (§16.7), genesis configs (§10), the offchain worker (§11) and
 * undecodable inputs.
 */
class ConformanceDifferentialTest {
  private final RuntimeUnderTest nativeRuntime = TestRuntimes.nativeRuntime(100);
  private final RuntimeUnderTest wasm = WasmCode.runtime(WasmExecutionMethod.COMPILED, 100);
  private final Bytes code = WasmCode.compressed(100);

  private static CallOutcome normative(CallOutcome outcome) {
    return LockstepChains.normative(outcome);
  }

  private static Bytes timestamp(long t) {
    return DemoChain.withoutPrefix(
        UncheckedExtrinsic.unsigned(new RuntimeCall.TimestampSet(t)).encoded());
  }

  @Test
  void invalidBlocksPanicAlikeOnBothImplementations() {
    DemoChain builder = DemoChain.fromPreset(nativeRuntime, "development", Optional.of(code));
    DemoChain javaVerifier = builder.fork(nativeRuntime);
    DemoChain wasmVerifier = builder.fork(wasm);
    ExtrinsicFactory xts = new ExtrinsicFactory(100, builder.genesisHash());
    UncheckedExtrinsic transfer =
        xts.signed(
            DevAccounts.alice(), new RuntimeCall.Sudo(new RuntimeCall.SetHeapPages(3000)), 0);
    BuiltBlock built = builder.buildBlock(List.of(transfer.encoded()), 1_700_000_006_000L);
    Block b = built.block();
    Header h = b.header();
    List<Block> invalid = new ArrayList<>();
    invalid.add(
        new Block(
            new Header(h.parentHash(), h.number(), Hash256.ZERO, h.extrinsicsRoot(), h.digest()),
            b.extrinsics()));
    invalid.add(
        new Block(
            new Header(h.parentHash(), h.number(), h.stateRoot(), Hash256.ZERO, h.digest()),
            b.extrinsics()));
    invalid.add(
        new Block(
            new Header(h.parentHash(), h.number(), h.stateRoot(), h.extrinsicsRoot(), List.of()),
            b.extrinsics()));
    invalid.add(
        new Block(
            new Header(
                h.parentHash(),
                h.number(),
                h.stateRoot(),
                h.extrinsicsRoot(),
                List.of(new DigestItem.Other(Bytes.fromHex("08")))),
            b.extrinsics()));
    invalid.add(
        new Block(
            new Header(h.parentHash(), 0, h.stateRoot(), h.extrinsicsRoot(), h.digest()),
            b.extrinsics()));
    invalid.add(new Block(h, List.of(b.extrinsics().get(1), b.extrinsics().get(0))));
    invalid.add(new Block(h, List.of(b.extrinsics().get(1))));
    invalid.add(
        new Block(
            h,
            List.of(b.extrinsics().get(0), timestamp(1_700_000_007_000L), b.extrinsics().get(1))));
    invalid.add(new Block(h, List.of(timestamp(0), b.extrinsics().get(1))));
    invalid.add(
        new Block(h, List.of(b.extrinsics().get(0), b.extrinsics().get(1), b.extrinsics().get(1))));
    invalid.add(
        new Block(
            h,
            List.of(
                b.extrinsics().get(0),
                DemoChain.withoutPrefix(
                    UncheckedExtrinsic.unsigned(new RuntimeCall.Remark(Bytes.EMPTY)).encoded()))));
    invalid.add(new Block(h, List.of(b.extrinsics().get(0), Bytes.fromHex("0500"))));
    for (Block block : invalid) {
      CallOutcome x = normative(javaVerifier.importBlock(block));
      CallOutcome y = normative(wasmVerifier.importBlock(block));
      assertThat(x)
          .as("execute_block of %s", block.header())
          .isInstanceOf(CallOutcome.Panicked.class);
      assertThat(y).as("execute_block of %s", block.header()).isEqualTo(x);
    }
    assertThat(javaVerifier.importBlock(b)).isEqualTo(new CallOutcome.Returned(Bytes.EMPTY));
    assertThat(wasmVerifier.importBlock(b)).isEqualTo(new CallOutcome.Returned(Bytes.EMPTY));
  }

  /** A validly signed extrinsic with one bit of its signature flipped. */
  private static UncheckedExtrinsic badlySigned(
      ExtrinsicFactory xts, KeyPair signer, RuntimeCall call, long nonce) {
    UncheckedExtrinsic good = xts.signed(signer, call, nonce);
    ExtrinsicSignature sig = good.signature().orElseThrow();
    byte[] bytes =
        switch (sig.signature()) {
          case MultiSignature.Ed25519(Bytes b) -> b.toArray();
          case MultiSignature.Sr25519(Bytes b) -> b.toArray();
          case MultiSignature.Ecdsa(Bytes b) -> b.toArray();
        };
    bytes[7] ^= 0x10;
    return ExtrinsicFactory.withSignature(signer, call, sig.extra(), Bytes.wrap(bytes));
  }

  /**
   * The failing kinds of the acceptance's differential test as fixed cases (the random blocks mix
   * them too): insufficient balance, bad nonce, bad signature per scheme, below ED, sudo from a
   * non-sudo account, set_code with a lower version; each validated, queried, built, re-executed.
   */
  @Test
  void theAcceptancesFailingExtrinsicsAgree() {
    LockstepChains chains =
        new LockstepChains(nativeRuntime, wasm, "development", code, "failing kinds");
    DemoChain chain = chains.first();
    ExtrinsicFactory xts = new ExtrinsicFactory(100, chain.genesisHash());
    BlockGenerator generator = new BlockGenerator(1, 100, chain.genesisHash(), code);
    chains.block(generator.fundingBlock(), 1_700_000_006_000L); // Alice's nonce is 2 now
    KeyPair alice = DevAccounts.alice();
    KeyPair bob = DevAccounts.bob();
    KeyPair charlie = DevAccounts.sr25519("Charlie");
    MultiAddress charlieId = MultiAddress.id(DevAccounts.account(charlie));
    MultiAddress fresh = MultiAddress.id(DevAccounts.account(DevAccounts.sr25519("Nobody")));
    RuntimeCall transfer = new RuntimeCall.TransferKeepAlive(charlieId, BlockGenerator.UNIT);
    Bytes lower = FakeRuntimeCode.declaring("basalt-demo", 99);
    List<UncheckedExtrinsic> cases =
        List.of(
            xts.signed(
                bob,
                new RuntimeCall.TransferAllowDeath(charlieId, BigInteger.ONE.shiftLeft(61)),
                0),
            xts.signed(
                bob,
                new RuntimeCall.TransferAllowDeath(
                    fresh, BlockGenerator.ED.subtract(BigInteger.ONE)),
                1),
            xts.signed(charlie, new RuntimeCall.Sudo(new RuntimeCall.Remark(Bytes.EMPTY)), 0),
            xts.signed(alice, new RuntimeCall.Sudo(new RuntimeCall.SetCode(lower)), 2),
            xts.signed(DevAccounts.sr25519("Dave"), transfer, 1),
            xts.signed(alice, transfer, 1),
            badlySigned(xts, DevAccounts.sr25519("Eve"), transfer, 0),
            badlySigned(xts, DevAccounts.pair(KeyScheme.ED25519, "Alice"), transfer, 0),
            badlySigned(xts, DevAccounts.pair(KeyScheme.ECDSA, "Alice"), transfer, 0));
    for (UncheckedExtrinsic xt : cases) {
      chains.transactionQueries(xt);
    }
    BuiltBlock block = chains.block(cases, 1_700_000_012_000L);
    assertThat(block.applyResults())
        .containsExactly(
            Bytes.fromHex("00010700"), // Token(FundsUnavailable)
            Bytes.fromHex("00010702"), // Token(BelowMinimum)
            Bytes.fromHex("0001030400000000"), // Sudo::RequireSudo
            Bytes.fromHex("0000"), // Sudid(Err(SpecVersionNeedsToIncrease))
            Bytes.fromHex("010002"), // Future
            Bytes.fromHex("010003"), // Stale
            Bytes.fromHex("010004"), // BadProof (sr25519)
            Bytes.fromHex("010004"), // BadProof (ed25519)
            Bytes.fromHex("010004")); // BadProof (ecdsa)
    List<RuntimeEvent> events =
        chain.storage(SystemPallet.EVENTS).map(EventRecord::decodeAll).orElseThrow().stream()
            .map(EventRecord::event)
            .toList();
    assertThat(events)
        .contains(new RuntimeEvent.Sudid(Optional.of(new DispatchError.Module(0, 1))))
        .doesNotContain(new RuntimeEvent.CodeUpdated());
    assertThat(chain.storage(WellKnownKeys.CODE)).contains(code);
  }

  @Test
  void theZeroSignerIsBadSignerOnBoth() {
    LockstepChains chains =
        new LockstepChains(nativeRuntime, wasm, "development", code, "zero signer");
    byte[] signature = new byte[64];
    signature[0] = 1;
    UncheckedExtrinsic zero =
        UncheckedExtrinsic.signed(
            MultiAddress.id(io.basalt.runtime.demo.account.AccountId.ZERO),
            new io.basalt.runtime.demo.extrinsic.MultiSignature.Ed25519(Bytes.wrap(signature)),
            new io.basalt.runtime.demo.extrinsic.SignedExtra(
                io.basalt.runtime.demo.extrinsic.Era.IMMORTAL, 0, BigInteger.ZERO),
            new RuntimeCall.Remark(Bytes.EMPTY));
    byte[] input =
        new ScaleWriter()
            .writeU8(2)
            .writeRaw(zero.encoded())
            .writeHash(chains.first().head().hash())
            .toByteArray();
    assertThat(chains.call("TaggedTransactionQueue_validate_transaction", input))
        .isEqualTo(new CallOutcome.Returned(Bytes.fromHex("01000a")));
    BuiltBlock block = chains.block(List.of(zero), 1_700_000_006_000L);
    assertThat(block.applyResults()).containsExactly(Bytes.fromHex("01000a"));
  }

  @Test
  void readOnlyApisAgree() {
    LockstepChains chains =
        new LockstepChains(nativeRuntime, wasm, "development", code, "read-only APIs");
    List<String> noInput =
        List.of(
            "Core_version",
            "Metadata_metadata",
            "Metadata_metadata_versions",
            "GenesisBuilder_preset_names");
    for (int round = 0; round < 2; round++) {
      for (String method : noInput) {
        chains.call(method, new byte[0]);
      }
      for (String v : List.of("0d000000", "0e000000", "0f000000", "10000000")) {
        chains.call("Metadata_metadata_at_version", Bytes.fromHex(v).toArray());
      }
      for (String preset :
          List.of(
              "00",
              "012c646576656c6f706d656e74",
              "01346c6f63616c5f746573746e6574",
              "010478",
              "0104ff")) {
        chains.call("GenesisBuilder_get_preset", Bytes.fromHex(preset).toArray());
      }
      for (String in : List.of("00", "0104aa", "00" + "ff")) {
        chains.call("SessionKeys_generate_session_keys", Bytes.fromHex(in).toArray());
      }
      for (String in : List.of("00", "0401", "080102")) {
        chains.call("SessionKeys_decode_session_keys", Bytes.fromHex(in).toArray());
      }
      for (String name : DevAccounts.NAMES) {
        chains.call(
            "AccountNonceApi_account_nonce",
            DevAccounts.account(DevAccounts.sr25519(name)).bytes().toArray());
      }
      chains.call(
          "TransactionPaymentApi_query_weight_to_fee",
          Bytes.fromHex("070010a5d4e813ffffffffffffffff").toArray());
      chains.call("TransactionPaymentApi_query_length_to_fee", Bytes.fromHex("ffffffff").toArray());
      ExtrinsicFactory xts = new ExtrinsicFactory(100, chains.first().genesisHash());
      chains.block(
          List.of(
              xts.signed(
                  DevAccounts.alice(),
                  new RuntimeCall.TransferKeepAlive(
                      MultiAddress.id(DevAccounts.bobId()), BlockGenerator.UNIT),
                  round)),
          1_700_000_000_000L + 6000L * (round + 1));
    }
  }

  @Test
  void genesisConfigsAreAcceptedOrRejectedAlike() {
    String alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    List<String> configs =
        List.of(
            "{}",
            "{\"template\":{\"value\":4294967295}}",
            "{\"template\":{\"value\":4294967296}}",
            "{\"sudo\":{}}",
            "{\"sudo\":null}",
            "{\"system\":{},\"balances\":{\"balances\":[[\"" + alice + "\",\"0001000000000\"]]}}",
            "{\"balances\":{\"balances\":[[\"" + alice + "\",999999999]]}}",
            "{\"balances\":{\"balances\":[[\"" + alice + "\",1e12]]}}",
            "{\"balances\":{\"balances\":[[\"" + alice + "\",-0]]}}",
            "{\"balances\":{\"balances\":[[\""
                + alice
                + "\",1000000000000],[\""
                + alice
                + "\",1000000000000]]}}",
            "{\"balances\":{\"balances\":[[\""
                + alice
                + "\",\"340282366920938463463374607431768211455\"]]}}",
            "{\"balances\":{\"balances\":[[\""
                + alice
                + "\",\"340282366920938463463374607431768211456\"]]}}",
            "{\"sudo\":{\"key\":\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\"}}",
            "{\"sudo\":{\"key\":\"" + alice + "\"}} ",
            "{\"sudo\":{\"key\":\"" + alice + "\"}} x",
            "{\"sudo\":{\"key\":null},\"sudo\":{\"key\":null}}",
            "{\"unknown\":1}",
            "[]",
            "");
    for (String config : configs) {
      buildStateAlike(config.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The development config, corrupted byte by byte (deleted, duplicated, replaced by JSON
   * punctuation, digits, letters or non-UTF-8 bytes): accepted or rejected alike, same writes.
   */
  @Test
  void corruptedGenesisConfigsAreAcceptedOrRejectedAlike() {
    String alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    byte[] valid =
        ("{\"system\":{},\"balances\":{\"balances\":[[\""
                + alice
                + "\",1152921504606846976],[\"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty\","
                + "\"1000000000\"]]},\"sudo\":{\"key\":\""
                + alice
                + "\"},\"template\":{\"value\":7}}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] alphabet = "{}[]\",:-.e0123456789 ntu\\5".getBytes(StandardCharsets.US_ASCII);
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 150; i++) {
      byte[] config = valid.clone();
      for (int n = random.nextInt(1, 3); n > 0; n--) {
        int at = random.nextInt(config.length);
        config =
            switch (random.nextInt(4)) {
              case 0 -> splice(config, at, 1, new byte[0]);
              case 1 -> splice(config, at, 0, new byte[] {config[at]});
              case 2 ->
                  splice(config, at, 1, new byte[] {alphabet[random.nextInt(alphabet.length)]});
              default -> splice(config, at, 1, new byte[] {(byte) random.nextInt(0x80, 0x100)});
            };
      }
      buildStateAlike(config);
    }
  }

  private static byte[] splice(byte[] data, int at, int remove, byte[] insert) {
    byte[] out = new byte[data.length - remove + insert.length];
    System.arraycopy(data, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(data, at + remove, out, at + insert.length, data.length - at - remove);
    return out;
  }

  /** {@code build_state(config)} on both: same Ok/Err (full bytes when Ok) and same writes. */
  private void buildStateAlike(byte[] utf8) {
    String config = new String(utf8, StandardCharsets.UTF_8);
    byte[] input = new ScaleWriter().writeByteVec(utf8).toByteArray();
    var javaCalls = new ArrayList<io.basalt.runtime.demo.chain.CallRecord>();
    var wasmCalls = new ArrayList<io.basalt.runtime.demo.chain.CallRecord>();
    var javaChanges =
        DemoChain.fromConfig(nativeRuntime, "{}", Optional.of(code))
            .recordingStorage()
            .callForChanges("GenesisBuilder_build_state", input, javaCalls);
    var wasmChanges =
        DemoChain.fromConfig(wasm, "{}", Optional.of(code))
            .recordingStorage()
            .callForChanges("GenesisBuilder_build_state", input, wasmCalls);
    Bytes x = javaCalls.get(0).outcome().output();
    Bytes y = wasmCalls.get(0).outcome().output();
    assertThat(y.get(0)).as("build_state(%s): Ok/Err", config).isEqualTo(x.get(0));
    if (x.get(0) == 0) {
      assertThat(y).as("build_state(%s)", config).isEqualTo(x).isEqualTo(Bytes.of((byte) 0));
    } else {
      // §10: the error text is not normative (each implementation words its parser's
      // findings, as FRAME passes on serde_json's); it must be one non-empty UTF-8 line.
      assertThat(errorText(x)).as("native build_state(%s)", config).isNotBlank();
      assertThat(errorText(y)).as("wasm build_state(%s)", config).isNotBlank();
    }
    assertThat(wasmChanges.topChanges())
        .as("build_state(%s) writes", config)
        .isEqualTo(javaChanges.topChanges());
  }

  /** The message of a {@code Result<(), String>} error: exactly {@code 01 ‖ String}, one line. */
  private static String errorText(Bytes result) {
    ScaleReader r = new ScaleReader(result);
    assertThat(r.readU8()).isEqualTo(1);
    Bytes utf8 = r.readByteVec();
    r.expectEnd("Result<(), String>");
    try {
      String text =
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8.toArray())).toString();
      assertThat(text).doesNotContain("\n");
      return text;
    } catch (CharacterCodingException e) {
      throw new AssertionError("the error text is not UTF-8: " + utf8, e);
    }
  }

  @Test
  void theOffchainWorkerWritesAlike() {
    DemoChain javaChain = DemoChain.fromPreset(nativeRuntime, "development", Optional.of(code));
    DemoChain wasmChain = DemoChain.fromPreset(wasm, "development", Optional.of(code));
    BuiltBlock x = javaChain.buildBlock(List.of(), 1_700_000_006_000L);
    BuiltBlock y = wasmChain.buildBlock(List.of(), 1_700_000_006_000L);
    assertThat(y.offchainIndex()).isEqualTo(x.offchainIndex());
    Header head = x.block().header();
    byte[] header = Header.CODEC.encode(head);
    // §7.3 step 3 indexed u32le(number) ‖ u32le(extrinsic count): block 1 holds the timestamp.
    Bytes indexed = new ScaleWriter().writeU32(1).writeU32(1).toBytes();
    assertThat(
            javaChain.offchain().get(OffchainStorage.Kind.PERSISTENT, Executive.OFFCHAIN_BLOCK_KEY))
        .contains(indexed);
    ScaleWriter ocw = new ScaleWriter().writeU32(1).writeHash(head.hash());
    // §11 step 3: the worker's record ends with Option(idx), Some when the index entry exists.
    Bytes withIndex =
        new ScaleWriter().writeRaw(ocw.toBytes()).writeU8(1).writeByteVec(indexed).toBytes();
    Bytes withoutIndex = new ScaleWriter().writeRaw(ocw.toBytes()).writeU8(0).toBytes();
    for (DemoChain chain : List.of(javaChain, wasmChain)) {
      assertThat(chain.callOffchain("OffchainWorkerApi_offchain_worker", header))
          .as(chain.toString())
          .isEqualTo(new CallOutcome.Returned(Bytes.EMPTY));
      assertThat(
              chain.offchain().get(OffchainStorage.Kind.PERSISTENT, Executive.OFFCHAIN_WORKER_KEY))
          .as(chain.toString())
          .contains(withIndex);
      // A fork has an empty offchain database: no index entry, so None.
      DemoChain fork = chain.fork(chain.runtime());
      assertThat(fork.callOffchain("OffchainWorkerApi_offchain_worker", header))
          .isEqualTo(new CallOutcome.Returned(Bytes.EMPTY));
      assertThat(
              fork.offchain().get(OffchainStorage.Kind.PERSISTENT, Executive.OFFCHAIN_WORKER_KEY))
          .as("%s without an index entry", chain)
          .contains(withoutIndex);
    }
  }

  @Test
  void garbageInputsPanicAlike() {
    LockstepChains chains =
        new LockstepChains(nativeRuntime, wasm, "development", code, "garbage inputs");
    SplittableRandom random = new SplittableRandom(11);
    List<String> methods =
        List.of(
            "BlockBuilder_apply_extrinsic",
            "TaggedTransactionQueue_validate_transaction",
            "Core_initialize_block",
            "Core_execute_block",
            "BlockBuilder_inherent_extrinsics",
            "BlockBuilder_check_inherents",
            "TransactionPaymentApi_query_info",
            "AccountNonceApi_account_nonce",
            "Metadata_metadata_at_version",
            "GenesisBuilder_get_preset",
            "Core_version");
    for (int i = 0; i < 300; i++) {
      String method = methods.get(random.nextInt(methods.size()));
      byte[] input = new byte[random.nextInt(0, 48)];
      random.nextBytes(input);
      chains.call(method, input);
    }
    for (int i = 0; i < 40; i++) {
      String method = methods.get(random.nextInt(methods.size()));
      byte[] input = new byte[random.nextInt(48, 4096)];
      random.nextBytes(input);
      chains.call(method, input);
    }
  }

  /**
   * Valid inputs of every API with arguments, then corrupted: truncated, bits flipped, bytes
   * inserted, a random tail appended or put in place of the rest. Both implementations must return
   * the same bytes or panic alike (the reason of a bad-input panic aside, §12).
   */
  @Test
  void corruptedValidInputsAgree() {
    LockstepChains chains =
        new LockstepChains(nativeRuntime, wasm, "development", code, "corrupted inputs");
    DemoChain chain = chains.first();
    ExtrinsicFactory xts = new ExtrinsicFactory(100, chain.genesisHash());
    RuntimeCall transfer =
        new RuntimeCall.TransferKeepAlive(
            MultiAddress.id(DevAccounts.bobId()), BlockGenerator.UNIT);
    chains.block(List.of(xts.signed(DevAccounts.alice(), transfer, 0)), 1_700_000_006_000L);
    UncheckedExtrinsic xt =
        xts.signed(
            DevAccounts.alice(),
            transfer,
            1,
            BigInteger.TEN,
            Era.mortal(64, chain.head().number()),
            chain.head().hash());
    byte[] inherentData =
        new ScaleWriter()
            .writeCompact(1)
            .writeRaw(Bytes.wrap("timstap0".getBytes(StandardCharsets.US_ASCII)))
            .writeByteVec(new ScaleWriter().writeU64(1_700_000_012_000L).toBytes())
            .toByteArray();
    Block next =
        chain
            .fork(nativeRuntime)
            .buildBlock(
                List.of(
                    xt.encoded(),
                    xts.signed(DevAccounts.bob(), new RuntimeCall.Remark(Bytes.fromHex("aa")), 0)
                        .encoded()),
                1_700_000_012_000L,
                List.of(new DigestItem.PreRuntime(EngineId.AURA, Bytes.fromHex("01"))))
            .block();
    Header template =
        new Header(
            chain.head().hash(),
            chain.head().number() + 1,
            Hash256.ZERO,
            Hash256.ZERO,
            next.header().digest());
    byte[] query = new ScaleWriter().writeRaw(xt.encoded()).writeU32(xt.length()).toByteArray();
    Map<String, byte[]> valid = new TreeMap<>();
    valid.put("BlockBuilder_apply_extrinsic", xt.encoded().toArray());
    valid.put(
        "TaggedTransactionQueue_validate_transaction",
        new ScaleWriter()
            .writeU8(2)
            .writeRaw(xt.encoded())
            .writeHash(chain.head().hash())
            .toByteArray());
    valid.put("Core_initialize_block", Header.CODEC.encode(template));
    valid.put("Core_execute_block", Block.CODEC.encode(next));
    valid.put("BlockBuilder_inherent_extrinsics", inherentData);
    valid.put(
        "BlockBuilder_check_inherents",
        new ScaleWriter().writeRaw(Block.CODEC.encode(next)).writeRaw(inherentData).toByteArray());
    valid.put("TransactionPaymentApi_query_info", query);
    valid.put("TransactionPaymentApi_query_fee_details", query);
    valid.put(
        "TransactionPaymentApi_query_weight_to_fee",
        Bytes.fromHex("070010a5d4e80b00407a10f35a").toArray());
    valid.put("TransactionPaymentApi_query_length_to_fee", Bytes.fromHex("91000000").toArray());
    valid.put("AccountNonceApi_account_nonce", DevAccounts.aliceId().bytes().toArray());
    valid.put("Metadata_metadata_at_version", Bytes.fromHex("0f000000").toArray());
    valid.put("GenesisBuilder_get_preset", Bytes.fromHex("012c646576656c6f706d656e74").toArray());
    valid.put("SessionKeys_generate_session_keys", Bytes.fromHex("0104aa").toArray());
    valid.put("SessionKeys_decode_session_keys", Bytes.fromHex("00").toArray());
    for (var entry : valid.entrySet()) {
      assertThat(chains.call(entry.getKey(), entry.getValue()))
          .as("valid %s", entry.getKey())
          .isInstanceOf(CallOutcome.Returned.class);
    }
    List<String> methods = List.copyOf(valid.keySet());
    SplittableRandom random = new SplittableRandom(12);
    for (int i = 0; i < 600; i++) {
      String method = methods.get(random.nextInt(methods.size()));
      chains.call(method, corrupt(random, valid.get(method)));
    }
  }

  private static byte[] corrupt(SplittableRandom random, byte[] valid) {
    byte[] out;
    switch (random.nextInt(5)) {
      case 0 -> out = Arrays.copyOf(valid, random.nextInt(valid.length));
      case 1 -> {
        out = valid.clone();
        for (int n = random.nextInt(1, 4); n > 0; n--) {
          out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 2 -> {
        int at = random.nextInt(valid.length + 1);
        out = new byte[valid.length + 1];
        System.arraycopy(valid, 0, out, 0, at);
        out[at] = (byte) random.nextInt(256);
        System.arraycopy(valid, at, out, at + 1, valid.length - at);
      }
      case 3 -> {
        byte[] tail = new byte[random.nextInt(1, 64)];
        random.nextBytes(tail);
        out = new ScaleWriter().writeRaw(valid).writeRaw(tail).toByteArray();
      }
      default -> {
        int keep = random.nextInt(valid.length);
        byte[] tail = new byte[random.nextInt(0, 2 * (valid.length - keep) + 1)];
        random.nextBytes(tail);
        out =
            new ScaleWriter()
                .writeRaw(Bytes.wrap(valid).slice(0, keep))
                .writeRaw(tail)
                .toByteArray();
      }
    }
    return out;
  }
}
