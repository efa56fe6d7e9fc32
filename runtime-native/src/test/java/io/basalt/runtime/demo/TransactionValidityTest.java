/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo;

import static io.basalt.runtime.demo.Scenario.ED;
import static io.basalt.runtime.demo.Scenario.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.dispatch.Weight;
import io.basalt.runtime.demo.extrinsic.Era;
import io.basalt.runtime.demo.extrinsic.ExtrinsicSignature;
import io.basalt.runtime.demo.extrinsic.MultiSignature;
import io.basalt.runtime.demo.extrinsic.SignedExtra;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signature, signed-extension and validity rules (runtime-spec §3, §5.5, §9, §16.3). */
class TransactionValidityTest {
  private final Scenario s = Scenario.dev(100);
  private final KeyPair alice = DevAccounts.alice();
  private final MultiAddress bob = MultiAddress.id(DevAccounts.bobId());
  private final RuntimeCall transfer = new RuntimeCall.TransferKeepAlive(bob, UNIT);

  private static final Bytes OK = Bytes.fromHex("0000");
  private static final Bytes BAD_PROOF = Bytes.fromHex("010004");

  private Bytes validate(UncheckedExtrinsic xt) {
    byte[] input =
        new ScaleWriter()
            .writeU8(2)
            .writeRaw(xt.encoded())
            .writeHash(s.chain.head().hash())
            .toByteArray();
    return s.chain.call("TaggedTransactionQueue_validate_transaction", input).output();
  }

  private static UncheckedExtrinsic corrupted(UncheckedExtrinsic xt) {
    ExtrinsicSignature sig = xt.signature().orElseThrow();
    MultiSignature bad =
        switch (sig.signature()) {
          case MultiSignature.Ed25519(Bytes b) -> new MultiSignature.Ed25519(flip(b));
          case MultiSignature.Sr25519(Bytes b) -> new MultiSignature.Sr25519(flip(b));
          case MultiSignature.Ecdsa(Bytes b) -> new MultiSignature.Ecdsa(flip(b));
        };
    return UncheckedExtrinsic.signed(sig.address(), bad, sig.extra(), xt.call());
  }

  private static Bytes flip(Bytes b) {
    byte[] copy = b.toArray();
    copy[10] ^= 1;
    return Bytes.wrap(copy);
  }

  private KeyPair funded(KeyScheme scheme, String name) {
    KeyPair pair = DevAccounts.pair(scheme, name);
    assertThat(
            s.apply(
                alice,
                new RuntimeCall.TransferKeepAlive(
                    MultiAddress.id(DevAccounts.account(pair)), UNIT.multiply(BigInteger.TEN))))
        .isEqualTo(OK);
    return pair;
  }

  @Test
  void everySignatureSchemeSignsValidTransactionsAndBadSignaturesAreBadProof() {
    for (KeyScheme scheme : KeyScheme.values()) {
      KeyPair signer = scheme == KeyScheme.SR25519 ? alice : funded(scheme, "Alice");
      UncheckedExtrinsic good = s.signed(signer, transfer);
      UncheckedExtrinsic bad = corrupted(good);
      assertThat(validate(bad)).as("%s validate", scheme).isEqualTo(BAD_PROOF);
      assertThat(s.block(bad).applyResults()).as("%s apply", scheme).containsExactly(BAD_PROOF);
      assertThat(validate(good).get(0)).as("%s validate", scheme).isZero();
      assertThat(s.block(good).applyResults()).as("%s apply", scheme).containsExactly(OK);
    }
  }

  @Test
  void nonceRules() {
    UncheckedExtrinsic first = s.signed(alice, transfer);
    assertThat(s.block(first).applyResults()).containsExactly(OK);
    UncheckedExtrinsic stale = s.xts.signed(alice, transfer, 0);
    assertThat(validate(stale)).isEqualTo(Bytes.fromHex("010003"));
    assertThat(s.block(stale).applyResults()).containsExactly(Bytes.fromHex("010003"));
    UncheckedExtrinsic future = s.xts.signed(alice, transfer, 3);
    assertThat(s.block(future).applyResults()).containsExactly(Bytes.fromHex("010002"));
    AccountId aliceId = DevAccounts.aliceId();
    long longevity = -1L - (s.chain.head().number() + 1);
    assertThat(validate(future))
        .isEqualTo(
            new ScaleWriter()
                .writeU8(0)
                .writeU64(0)
                .writeCompact(1)
                .writeByteVec(aliceId.bytes().concat(Bytes.fromHex("02000000")))
                .writeCompact(1)
                .writeByteVec(aliceId.bytes().concat(Bytes.fromHex("03000000")))
                .writeU64(longevity)
                .writeBool(true)
                .toBytes());
  }

  @Test
  void validTransactionCarriesTipAsPriorityAndTheNonceTag() {
    UncheckedExtrinsic xt =
        s.xts.signed(
            alice, transfer, 0, BigInteger.valueOf(77), Era.IMMORTAL, s.chain.genesisHash());
    Bytes expected =
        new ScaleWriter()
            .writeU8(0)
            .writeU64(77)
            .writeCompact(0)
            .writeCompact(1)
            .writeByteVec(DevAccounts.aliceId().bytes().concat(Bytes.fromHex("00000000")))
            .writeU64(-1L - 1)
            .writeBool(true)
            .toBytes();
    assertThat(validate(xt)).isEqualTo(expected);
    // A tip beyond u64 saturates the priority (Alice holds 2^100 on this chain).
    String config =
        "{\"balances\":{\"balances\":[[\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\","
            + BigInteger.ONE.shiftLeft(100)
            + "]]}}";
    Scenario rich =
        new Scenario(
            io.basalt.runtime.demo.chain.DemoChain.fromConfig(
                io.basalt.runtime.demo.chain.TestRuntimes.nativeRuntime(100),
                config,
                java.util.Optional.empty()),
            100);
    UncheckedExtrinsic generous =
        rich.xts.signed(
            alice,
            transfer,
            0,
            BigInteger.ONE.shiftLeft(65),
            Era.IMMORTAL,
            rich.chain.genesisHash());
    byte[] input =
        new ScaleWriter()
            .writeU8(2)
            .writeRaw(generous.encoded())
            .writeHash(rich.chain.head().hash())
            .toByteArray();
    Bytes validity = rich.chain.call("TaggedTransactionQueue_validate_transaction", input).output();
    assertThat(validity.slice(0, 9)).isEqualTo(Bytes.fromHex("00ffffffffffffffff"));
  }

  @Test
  void unfundedSignersAndUnpayableFeesArePayment() {
    KeyPair stranger = DevAccounts.sr25519("Stranger");
    UncheckedExtrinsic fromStranger = s.xts.signed(stranger, transfer, 0);
    assertThat(validate(fromStranger)).isEqualTo(Bytes.fromHex("010001"));
    assertThat(s.block(fromStranger).applyResults()).containsExactly(Bytes.fromHex("010001"));
    // Fund the stranger with just over ED: it exists but cannot pay a fee and keep ED.
    assertThat(
            s.apply(
                alice,
                new RuntimeCall.TransferKeepAlive(
                    MultiAddress.id(DevAccounts.account(stranger)), ED.add(BigInteger.TEN))))
        .isEqualTo(OK);
    UncheckedExtrinsic poor = s.xts.signed(stranger, new RuntimeCall.Remark(Bytes.EMPTY), 0);
    assertThat(validate(poor)).isEqualTo(Bytes.fromHex("010001"));
    assertThat(s.block(poor).applyResults()).containsExactly(Bytes.fromHex("010001"));
  }

  @Test
  void mortalErasValidInsideTheirWindowOnly() {
    s.block();
    s.block();
    long current = s.chain.head().number(); // 2; the next block is 3
    Hash256 birthHash = s.chain.head().hash();
    Era era = Era.mortal(4, current);
    assertThat(era.birth(current + 1)).isEqualTo(current);
    UncheckedExtrinsic xt = s.xts.signed(alice, transfer, 0, BigInteger.ZERO, era, birthHash);
    Bytes validity = validate(xt);
    assertThat(validity.get(0)).isZero();
    long death = era.death(current + 1);
    assertThat(validity.slice(validity.length() - 9, validity.length() - 1))
        .isEqualTo(new ScaleWriter().writeU64(death - (current + 1)).toBytes());
    // Born at the block being built: its hash is not known yet.
    Era unborn = Era.mortal(4, current + 1);
    UncheckedExtrinsic early = s.xts.signed(alice, transfer, 0, BigInteger.ZERO, unborn, birthHash);
    assertThat(validate(early)).isEqualTo(Bytes.fromHex("010005"));
    // Four blocks later the era's birth is the block being built: unknown hash.
    s.block();
    s.block();
    s.block();
    assertThat(s.block(xt).applyResults()).containsExactly(Bytes.fromHex("010005"));
    // One more and the birth block is another block: the signature no longer verifies.
    assertThat(s.block(xt).applyResults()).containsExactly(BAD_PROOF);
  }

  @Test
  void wrongSpecVersionOrGenesisIsBadProof() {
    UncheckedExtrinsic wrongSpec =
        new ExtrinsicFactory(101, s.chain.genesisHash()).signed(alice, transfer, 0);
    assertThat(validate(wrongSpec)).isEqualTo(BAD_PROOF);
    UncheckedExtrinsic wrongGenesis =
        new ExtrinsicFactory(100, Hash256.wrap(new byte[32])).signed(alice, transfer, 0);
    assertThat(s.block(wrongGenesis).applyResults()).containsExactly(BAD_PROOF);
  }

  @Test
  void oversizeAndOverweightExtrinsicsExhaustResources() {
    UncheckedExtrinsic huge =
        s.signed(alice, new RuntimeCall.Remark(Bytes.wrap(new byte[3_932_160])));
    assertThat(validate(huge)).isEqualTo(Bytes.fromHex("010006"));
    assertThat(s.block(huge).applyResults()).containsExactly(Bytes.fromHex("010006"));
    UncheckedExtrinsic heavy =
        s.signed(
            alice,
            new RuntimeCall.SudoUncheckedWeight(
                new RuntimeCall.Remark(Bytes.EMPTY), Weight.ofRefTime(1_500_000_000_000L)));
    assertThat(validate(heavy)).isEqualTo(Bytes.fromHex("010006"));
    UncheckedExtrinsic maximal =
        s.signed(
            alice,
            new RuntimeCall.SudoUncheckedWeight(
                new RuntimeCall.Remark(Bytes.EMPTY), Weight.ofRefTime(-1L)));
    assertThat(s.block(maximal).applyResults()).containsExactly(Bytes.fromHex("010006"));
  }

  @Test
  void unsignedCallsOtherThanTheTimestampHaveNoValidator() {
    UncheckedExtrinsic unsigned = UncheckedExtrinsic.unsigned(new RuntimeCall.Remark(Bytes.EMPTY));
    assertThat(validate(unsigned)).isEqualTo(Bytes.fromHex("010101"));
    assertThat(s.block(unsigned).applyResults()).containsExactly(Bytes.fromHex("010101"));
  }

  @Test
  void timestampIsMandatoryAndCannotBeSigned() {
    UncheckedExtrinsic signedTimestamp = s.signed(alice, new RuntimeCall.TimestampSet(1));
    assertThat(validate(signedTimestamp)).isEqualTo(Bytes.fromHex("010009"));
    assertThat(s.block(signedTimestamp).applyResults()).containsExactly(Bytes.fromHex("010008"));
    assertThat(s.account(DevAccounts.aliceId()).nonce()).isZero();
    UncheckedExtrinsic inherent = UncheckedExtrinsic.unsigned(new RuntimeCall.TimestampSet(1));
    assertThat(validate(inherent)).isEqualTo(Bytes.fromHex("010009"));
  }

  /**
   * The all-zero signer: its key is a small-order ed25519 point, so under cofactored (ZIP215)
   * verification the signature {@code R = identity, S = 0} is valid for any message, the signature
   * check passes and CheckNonZeroSender rejects it.
   */
  static UncheckedExtrinsic fromZeroSigner(RuntimeCall call) {
    byte[] signature = new byte[64];
    signature[0] = 1; // the compressed identity point
    return UncheckedExtrinsic.signed(
        MultiAddress.id(AccountId.ZERO),
        new MultiSignature.Ed25519(Bytes.wrap(signature)),
        new SignedExtra(Era.IMMORTAL, 0, BigInteger.ZERO),
        call);
  }

  @Test
  void theZeroSignerIsBadSigner() {
    UncheckedExtrinsic zero = fromZeroSigner(transfer);
    assertThat(validate(zero)).isEqualTo(Bytes.fromHex("01000a"));
    assertThat(s.block(zero).applyResults()).containsExactly(Bytes.fromHex("01000a"));
  }

  @Test
  void nonIdSignerCannotBeLookedUp() {
    UncheckedExtrinsic xt = s.signed(alice, transfer);
    ExtrinsicSignature sig = xt.signature().orElseThrow();
    UncheckedExtrinsic raw =
        UncheckedExtrinsic.signed(
            new MultiAddress.Address32(DevAccounts.aliceId().bytes()),
            sig.signature(),
            sig.extra(),
            xt.call());
    assertThat(validate(raw)).isEqualTo(Bytes.fromHex("010100"));
    assertThat(s.block(raw).applyResults()).containsExactly(Bytes.fromHex("010100"));
  }

  @Test
  void invalidExtrinsicsLeaveNoTraceInState() {
    // BadMandatory is found only after the fee was charged, the nonce bumped and events deposited.
    UncheckedExtrinsic late = s.signed(alice, new RuntimeCall.TimestampSet(1));
    UncheckedExtrinsic early = corrupted(s.signed(alice, transfer));
    for (UncheckedExtrinsic xt : List.of(late, early)) {
      List<io.basalt.runtime.demo.chain.CallRecord> calls = new java.util.ArrayList<>();
      var changes =
          s.chain.callForChanges("BlockBuilder_apply_extrinsic", xt.encoded().toArray(), calls);
      assertThat(calls.get(0).outcome().output().get(0)).isEqualTo((byte) 1);
      assertThat(changes.topChanges()).isEmpty();
      assertThat(changes.transactionDepth()).isZero();
    }
  }

  @Test
  void signaturesOverLongPayloadsCoverTheirHash() {
    UncheckedExtrinsic longRemark =
        s.signed(alice, new RuntimeCall.Remark(Bytes.wrap(new byte[300])));
    assertThat(s.block(longRemark).applyResults()).containsExactly(OK);
    SignedExtra extra = longRemark.signature().orElseThrow().extra();
    assertThat(extra.nonce()).isZero();
  }
}
