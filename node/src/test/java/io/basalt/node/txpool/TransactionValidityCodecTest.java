/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.testsupport.RandomCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code TransactionValidity} and the {@code validate_transaction} input, from the layout in
 * sp-runtime and docs/runtime-spec.md §3.4 and §9, written out byte by byte.
 */
class TransactionValidityCodecTest {
  private static final String ALICE =
      "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";

  @Test
  void decodesAValidTransactionLaidOutByHand() {
    // Ok, priority 1000, requires [alice ‖ nonce 4], provides [alice ‖ nonce 5],
    // longevity u64::MAX - 1, propagate.
    Bytes encoded =
        Bytes.fromHex(
            "00"
                + "e803000000000000"
                + "04"
                + "90"
                + ALICE
                + "04000000"
                + "04"
                + "90"
                + ALICE
                + "05000000"
                + "feffffffffffffff"
                + "01");
    TransactionValidity validity = TransactionValidity.CODEC.decode(encoded);
    assertThat(validity)
        .isEqualTo(
            new ValidTransaction(
                1000,
                List.of(Bytes.fromHex(ALICE + "04000000")),
                List.of(Bytes.fromHex(ALICE + "05000000")),
                -2L,
                true));
    assertThat(Bytes.wrap(TransactionValidity.CODEC.encode(validity))).isEqualTo(encoded);
  }

  @Test
  void decodesTheSpecExamplesOfValidityErrors() {
    // runtime-spec §3.4: Invalid(BadProof) = 0004, Unknown(CannotLookup) = 0100; Err = 01.
    assertThat(TransactionValidity.CODEC.decode(Bytes.fromHex("010004")))
        .isEqualTo(
            new TransactionValidityError.Invalid(
                InvalidTransaction.of(InvalidTransaction.Kind.BAD_PROOF)));
    assertThat(TransactionValidity.CODEC.decode(Bytes.fromHex("010100")))
        .isEqualTo(
            new TransactionValidityError.Unknown(
                UnknownTransaction.of(UnknownTransaction.Kind.CANNOT_LOOKUP)));
    assertThat(TransactionValidity.CODEC.decode(Bytes.fromHex("0100072a")))
        .isEqualTo(new TransactionValidityError.Invalid(InvalidTransaction.custom(42)));
    assertThat(TransactionValidity.CODEC.decode(Bytes.fromHex("010102ff")))
        .isEqualTo(new TransactionValidityError.Unknown(UnknownTransaction.custom(255)));
  }

  @Test
  void everyInvalidVariantHasItsIndexNameAndText() {
    List<String> expected =
        List.of(
            "Call|Transaction call is not expected",
            "Payment|Inability to pay some fees (e.g. account balance too low)",
            "Future|Transaction will be valid in the future",
            "Stale|Transaction is outdated",
            "BadProof|Transaction has a bad signature",
            "AncientBirthBlock|Transaction has an ancient birth block",
            "ExhaustsResources|Transaction would exhaust the block limits",
            "Custom|InvalidTransaction custom error",
            "BadMandatory|A call was labelled as mandatory, but resulted in an Error.",
            "MandatoryValidation|Transaction dispatch is mandatory; transactions must not be"
                + " validated.",
            "BadSigner|Invalid signing address",
            "IndeterminateImplicit|The implicit data was unable to be calculated",
            "UnknownOrigin|The transaction extension did not authorize any origin");
    InvalidTransaction.Kind[] kinds = InvalidTransaction.Kind.values();
    assertThat(kinds).hasSize(expected.size());
    for (int i = 0; i < kinds.length; i++) {
      InvalidTransaction.Kind kind = kinds[i];
      assertThat(kind.index()).isEqualTo(i);
      assertThat(kind.rustName() + "|" + kind.message()).isEqualTo(expected.get(i));
      InvalidTransaction value =
          kind == InvalidTransaction.Kind.CUSTOM
              ? InvalidTransaction.custom(9)
              : InvalidTransaction.of(kind);
      byte[] bytes = InvalidTransaction.CODEC.encode(value);
      assertThat(bytes[0]).isEqualTo((byte) i);
      assertThat(bytes).hasSize(kind == InvalidTransaction.Kind.CUSTOM ? 2 : 1);
      assertThat(InvalidTransaction.CODEC.decode(bytes)).isEqualTo(value);
    }
    assertThat(InvalidTransaction.custom(9)).hasToString("Custom(9)");
    assertThat(InvalidTransaction.of(InvalidTransaction.Kind.STALE)).hasToString("Stale");
  }

  @Test
  void everyUnknownVariantHasItsIndexNameAndText() {
    List<String> expected =
        List.of(
            "CannotLookup|Could not lookup information required to validate the transaction",
            "NoUnsignedValidator|Could not find an unsigned validator for the unsigned transaction",
            "Custom|UnknownTransaction custom error");
    UnknownTransaction.Kind[] kinds = UnknownTransaction.Kind.values();
    assertThat(kinds).hasSize(expected.size());
    for (int i = 0; i < kinds.length; i++) {
      assertThat(kinds[i].index()).isEqualTo(i);
      assertThat(kinds[i].rustName() + "|" + kinds[i].message()).isEqualTo(expected.get(i));
    }
    assertThat(UnknownTransaction.CODEC.encode(UnknownTransaction.custom(3)))
        .isEqualTo(new byte[] {2, 3});
    assertThat(UnknownTransaction.custom(3)).hasToString("Custom(3)");
  }

  @Test
  void refusesMalformedAnswers() {
    // 13 is past UnknownOrigin; 3 past Unknown's Custom; a bool must be 0 or 1; Result has 2
    // variants; trailing bytes; truncated priority.
    for (String hex : List.of("01000d", "010103", "0102", "02", "01000400", "00e803")) {
      assertThatThrownBy(() -> TransactionValidity.CODEC.decode(Bytes.fromHex(hex)))
          .as(hex)
          .isInstanceOf(ScaleDecodingException.class);
    }
    Bytes badBool =
        Bytes.fromHex("00" + "0000000000000000" + "00" + "00" + "0000000000000000" + "02");
    assertThatThrownBy(() -> TransactionValidity.CODEC.decode(badBool))
        .isInstanceOf(ScaleDecodingException.class)
        .hasMessageContaining("bool");
  }

  @Test
  void customCodesAreBytesAndOtherKindsHaveNone() {
    assertThatThrownBy(() -> InvalidTransaction.custom(256))
        .hasMessage("a custom code is a u8, got 256");
    assertThatThrownBy(() -> new InvalidTransaction(InvalidTransaction.Kind.STALE, 1))
        .hasMessage("Stale has no custom code, got 1");
    assertThatThrownBy(() -> UnknownTransaction.custom(-1))
        .hasMessage("a custom code is a u8, got -1");
  }

  @Test
  void roundTripsRandomValidities() {
    RandomCases.forAll(
        300,
        r -> {
          if (r.nextInt(3) > 0) {
            List<Bytes> requires = new ArrayList<>();
            List<Bytes> provides = new ArrayList<>();
            for (int i = r.nextInt(4); i > 0; i--) {
              requires.add(Bytes.wrap(RandomCases.bytes(r, 0, 70)));
            }
            for (int i = r.nextInt(1, 4); i > 0; i--) {
              provides.add(Bytes.wrap(RandomCases.bytes(r, 0, 70)));
            }
            return new ValidTransaction(
                r.nextLong(), requires, provides, r.nextLong(), r.nextBoolean());
          }
          List<InvalidTransaction.Kind> kinds = List.of(InvalidTransaction.Kind.values());
          InvalidTransaction.Kind kind = kinds.get(r.nextInt(kinds.size()));
          return r.nextBoolean()
              ? new TransactionValidityError.Invalid(
                  kind == InvalidTransaction.Kind.CUSTOM
                      ? InvalidTransaction.custom(r.nextInt(256))
                      : InvalidTransaction.of(kind))
              : new TransactionValidityError.Unknown(UnknownTransaction.custom(r.nextInt(256)));
        },
        (TransactionValidity v) ->
            assertThat(TransactionValidity.CODEC.decode(TransactionValidity.CODEC.encode(v)))
                .isEqualTo(v));
  }

  @Test
  void validateTransactionInputPerApiVersion() {
    Bytes xt = Bytes.fromHex("0c010203");
    Hash256 block = Hash256.fromHex("11".repeat(32));
    assertThat(Bytes.wrap(TaggedTransactionQueue.input(1, TransactionSource.EXTERNAL, xt, block)))
        .isEqualTo(xt);
    assertThat(Bytes.wrap(TaggedTransactionQueue.input(2, TransactionSource.LOCAL, xt, block)))
        .isEqualTo(Bytes.fromHex("01" + "0c010203"));
    assertThat(Bytes.wrap(TaggedTransactionQueue.input(3, TransactionSource.IN_BLOCK, xt, block)))
        .isEqualTo(Bytes.fromHex("00" + "0c010203" + "11".repeat(32)));
    assertThat(Bytes.wrap(TaggedTransactionQueue.input(3, TransactionSource.EXTERNAL, xt, block)))
        .isEqualTo(Bytes.fromHex("02" + "0c010203" + "11".repeat(32)));
    assertThatThrownBy(() -> TaggedTransactionQueue.input(0, TransactionSource.LOCAL, xt, block))
        .hasMessage("TaggedTransactionQueue versions start at 1, got 0");
    assertThat(TransactionSource.CODEC.decode(new byte[] {2}))
        .isEqualTo(TransactionSource.EXTERNAL);
    for (TransactionSource s : TransactionSource.values()) {
      assertThat(TransactionSource.CODEC.decode(new byte[] {(byte) s.index()})).isEqualTo(s);
    }
  }

  @Test
  void poolErrorsCarrySubstrateTextsAndAuthorRpcCodes() {
    Hash256 h = Hash256.fromHex("ab".repeat(32));
    record Case(PoolError error, String message, AuthorRpcError rpc) {}
    List<Case> cases =
        List.of(
            new Case(
                new PoolError.Invalid(InvalidTransaction.of(InvalidTransaction.Kind.STALE)),
                "Invalid transaction validity: Stale",
                new AuthorRpcError(
                    1010, "Invalid Transaction", Optional.of("Transaction is outdated"))),
            new Case(
                new PoolError.Invalid(InvalidTransaction.custom(7)),
                "Invalid transaction validity: Custom(7)",
                new AuthorRpcError(1010, "Invalid Transaction", Optional.of("Custom error: 7"))),
            new Case(
                new PoolError.Unknown(UnknownTransaction.of(UnknownTransaction.Kind.CANNOT_LOOKUP)),
                "Unknown transaction validity: CannotLookup",
                new AuthorRpcError(
                    1011, "Unknown Transaction Validity", Optional.of("CannotLookup"))),
            new Case(
                new PoolError.TemporarilyBanned(),
                "Transaction temporarily Banned",
                new AuthorRpcError(1012, "Transaction is temporarily banned", Optional.empty())),
            new Case(
                new PoolError.AlreadyImported(h),
                "[" + h + "] Already imported",
                new AuthorRpcError(
                    1013, "Transaction Already Imported", Optional.of(h.toString()))),
            new Case(
                new PoolError.TooLowPriority(10, -1L),
                "Too low priority (10 > 18446744073709551615)",
                new AuthorRpcError(
                    1014,
                    "Priority is too low: (10 vs 18446744073709551615)",
                    Optional.of(
                        "The transaction has too low priority to replace another transaction"
                            + " already in the pool."))),
            new Case(
                new PoolError.CycleDetected(),
                "Transaction with cyclic dependency",
                new AuthorRpcError(1015, "Cycle Detected", Optional.empty())),
            new Case(
                new PoolError.ImmediatelyDropped(),
                "Transaction couldn't enter the pool because of the limit",
                new AuthorRpcError(
                    1016,
                    "Immediately Dropped",
                    Optional.of("The transaction couldn't enter the pool because of the limit"))),
            new Case(
                new PoolError.Unactionable(),
                "Transaction cannot be propagated and the local node does not author blocks",
                new AuthorRpcError(
                    1018,
                    "Unactionable",
                    Optional.of(
                        "The transaction is unactionable since it is not propagable and the local"
                            + " node does not author blocks"))),
            new Case(
                new PoolError.NoTagsProvided(),
                "Transaction does not provide any tags, so the pool can't identify it",
                new AuthorRpcError(
                    1019,
                    "No tags provided",
                    Optional.of(
                        "Transaction does not provide any tags, so the pool can't identify it"))),
            new Case(
                new PoolError.VerificationFailed("wasm trap: unreachable"),
                "Runtime error: wasm trap: unreachable",
                new AuthorRpcError(
                    1002,
                    "Verification Error: Runtime error: wasm trap: unreachable",
                    Optional.of("wasm trap: unreachable"))),
            new Case(
                new PoolError.BadFormat("too short"),
                "Invalid extrinsic format: too short",
                new AuthorRpcError(
                    1001, "Extrinsic has invalid format: too short", Optional.empty())));
    for (Case c : cases) {
      assertThat(c.error().message()).isEqualTo(c.message());
      assertThat(c.error().rpcError()).isEqualTo(c.rpc());
    }
  }
}
