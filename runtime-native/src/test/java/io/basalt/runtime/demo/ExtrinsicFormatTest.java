/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.dispatch.Weight;
import io.basalt.runtime.demo.extrinsic.Era;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The extrinsic format of runtime-spec §2, §3 and the worked examples of §15. */
class ExtrinsicFormatTest {
  private static final Bytes TRANSFER_CALL =
      Bytes.fromHex(
          "0203008eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48070010a5d4e8");

  /** §15: built and signed by polkadot.js 16.5.6 with ed25519 //Alice. */
  static final Bytes WORKED_EXAMPLE =
      Bytes.fromHex(
          "3d02"
              + "84"
              + "0088dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee"
              + "0057039248d6ef271367246b71faae7665c0a65e3341c55cc8c7638fce2f4008a4"
              + "32d55ebe82e9e369cf53c45e5ff33f8b5ef6c9fbbafc32ac856b33652a9dce08"
              + "000000"
              + TRANSFER_CALL.toHex().substring(2));

  static final Hash256 GENESIS_11 = Hash256.wrap(filled(0x11));

  private static byte[] filled(int b) {
    byte[] out = new byte[32];
    java.util.Arrays.fill(out, (byte) b);
    return out;
  }

  @Test
  void callsEncodeAsInTheWorkedExamples() {
    RuntimeCall transfer =
        new RuntimeCall.TransferKeepAlive(MultiAddress.id(DevAccounts.bobId()), Scenario.UNIT);
    assertThat(transfer.encode()).isEqualTo(TRANSFER_CALL);
    assertThat(new RuntimeCall.Sudo(new RuntimeCall.SetCode(Bytes.fromHex("0102"))).encode())
        .isEqualTo(Bytes.fromHex("0400000208" + "0102"));
  }

  @Test
  void ed25519SignedTransferMatchesPolkadotJsByteForByte() {
    KeyPair aliceEd = DevAccounts.pair(KeyScheme.ED25519, "Alice");
    assertThat(aliceEd.publicKey().toHex())
        .isEqualTo("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee");
    RuntimeCall transfer =
        new RuntimeCall.TransferKeepAlive(MultiAddress.id(DevAccounts.bobId()), Scenario.UNIT);
    UncheckedExtrinsic xt = new ExtrinsicFactory(100, GENESIS_11).signed(aliceEd, transfer, 0);
    assertThat(xt.encoded()).isEqualTo(WORKED_EXAMPLE);
    assertThat(xt.length()).isEqualTo(145);
  }

  @Test
  void everyCallRoundTripsThroughItsEncoding() {
    MultiAddress bob = MultiAddress.id(DevAccounts.bobId());
    List<RuntimeCall> calls =
        List.of(
            new RuntimeCall.Remark(Bytes.fromHex("cafe")),
            new RuntimeCall.SetHeapPages(-1L),
            new RuntimeCall.SetCode(Bytes.fromHex("0061736d")),
            new RuntimeCall.SetCodeWithoutChecks(Bytes.EMPTY),
            new RuntimeCall.SetStorage(
                List.of(new RuntimeCall.KeyValue(Bytes.fromHex("01"), Bytes.fromHex("02")))),
            new RuntimeCall.KillStorage(List.of(Bytes.fromHex("01"), Bytes.EMPTY)),
            new RuntimeCall.KillPrefix(Bytes.fromHex("3a"), 0xffff_ffffL),
            new RuntimeCall.RemarkWithEvent(Bytes.fromHex("00")),
            new RuntimeCall.TimestampSet(-1L),
            new RuntimeCall.TransferAllowDeath(
                new MultiAddress.Raw(Bytes.fromHex("01")), BigInteger.ONE),
            new RuntimeCall.ForceTransfer(
                new MultiAddress.Index(),
                new MultiAddress.Address20(Bytes.wrap(new byte[20])),
                BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)),
            new RuntimeCall.TransferKeepAlive(bob, BigInteger.ZERO),
            new RuntimeCall.TransferAll(new MultiAddress.Address32(Bytes.wrap(new byte[32])), true),
            new RuntimeCall.Sudo(new RuntimeCall.RemoveKey()),
            new RuntimeCall.SudoUncheckedWeight(new RuntimeCall.SetValue(7), new Weight(-1L, 5)),
            new RuntimeCall.SetKey(bob),
            new RuntimeCall.SudoAs(bob, new RuntimeCall.Remark(Bytes.EMPTY)),
            new RuntimeCall.RemoveKey(),
            new RuntimeCall.SetValue(0xffff_ffffL));
    for (RuntimeCall call : calls) {
      Bytes encoded = call.encode();
      ScaleReader r = new ScaleReader(encoded);
      assertThat(RuntimeCall.decode(r)).as("%s", call).isEqualTo(call);
      assertThat(r.remaining()).as("%s", call).isZero();
    }
  }

  @Test
  void callsNestUpToTwoHundredFiftySixLevels() {
    RuntimeCall call = new RuntimeCall.Remark(Bytes.EMPTY);
    for (int depth = 2; depth <= RuntimeCall.MAX_DEPTH; depth++) {
      call = new RuntimeCall.Sudo(call);
    }
    Bytes deepest = call.encode();
    assertThat(RuntimeCall.decode(new ScaleReader(deepest))).isEqualTo(call);
    Bytes tooDeep = new RuntimeCall.Sudo(call).encode();
    assertThatThrownBy(() -> RuntimeCall.decode(new ScaleReader(tooDeep)))
        .isInstanceOf(ScaleDecodingException.class)
        .hasMessageContaining("deeper than 256");
  }

  @Test
  void unknownPalletsAndCallsDoNotDecode() {
    for (String hex : List.of("0300", "0008", "0101", "0201", "0205", "0405", "0501", "06")) {
      assertThatThrownBy(() -> RuntimeCall.decode(new ScaleReader(Bytes.fromHex(hex))))
          .as(hex)
          .isInstanceOf(ScaleDecodingException.class);
    }
  }

  @Test
  void malformedExtrinsicsDoNotDecode() {
    Bytes body = DemoChainBytes.withoutPrefix(WORKED_EXAMPLE);
    // wrong version byte
    Bytes v5 = Bytes.of((byte) 0x85).concat(body.slice(1, body.length()));
    assertThatThrownBy(() -> UncheckedExtrinsic.decode(DemoChainBytes.withPrefix(v5)))
        .hasMessageContaining("version");
    // declared length one too long / too short
    Bytes longer =
        new ScaleWriter().writeCompact(body.length() + 1).writeRaw(body).writeU8(0).toBytes();
    assertThatThrownBy(() -> UncheckedExtrinsic.decode(longer))
        .isInstanceOf(ScaleDecodingException.class);
    Bytes shorter = new ScaleWriter().writeCompact(body.length() - 1).writeRaw(body).toBytes();
    assertThatThrownBy(() -> UncheckedExtrinsic.decode(shorter))
        .isInstanceOf(ScaleDecodingException.class);
    // trailing bytes after the extrinsic
    assertThatThrownBy(() -> UncheckedExtrinsic.decode(WORKED_EXAMPLE.concat(Bytes.of((byte) 0))))
        .isInstanceOf(ScaleDecodingException.class);
    // an unsigned extrinsic
    UncheckedExtrinsic inherent =
        UncheckedExtrinsic.unsigned(new RuntimeCall.TimestampSet(1_700_000_000_000L));
    assertThat(inherent.encoded()).isEqualTo(Bytes.fromHex("280401000b0068e5cf8b01"));
    assertThat(UncheckedExtrinsic.decode(inherent.encoded())).isEqualTo(inherent);
  }

  @Test
  void mortalErasEncodeAndDecodeAsTheSpecsExamples() {
    Era e64 = Era.mortal(64, 42);
    assertThat(encode(e64)).isEqualTo(Bytes.fromHex("a502"));
    assertThat(e64.birth(42)).isEqualTo(42);
    assertThat(e64.death(42)).isEqualTo(106);
    Era e2400 = Era.mortal(2400, 5000);
    assertThat(encode(e2400)).isEqualTo(Bytes.fromHex("8b38"));
    assertThat(e2400.period()).isEqualTo(4096);
    assertThat(e2400.phase()).isEqualTo(904);
    assertThat(Era.decode(new ScaleReader(Bytes.fromHex("a502")))).isEqualTo(e64);
    assertThat(Era.decode(new ScaleReader(Bytes.fromHex("00")))).isEqualTo(Era.IMMORTAL);
    assertThat(Era.IMMORTAL.death(7)).isEqualTo(-1L);
  }

  @Test
  void invalidErasDoNotDecode() {
    // period 2 (e % 16 == 0) and a phase beyond the period
    assertThatThrownBy(() -> Era.decode(new ScaleReader(Bytes.fromHex("1000"))))
        .isInstanceOf(ScaleDecodingException.class);
    assertThatThrownBy(() -> Era.decode(new ScaleReader(Bytes.fromHex("f100"))))
        .isInstanceOf(ScaleDecodingException.class);
  }

  @Test
  void randomMortalErasRoundTripAndContainTheirBirthBlock() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 2_000; i++) {
      long period = random.nextLong(1, 70_000);
      long current = random.nextLong(0, 10_000_000);
      Era era = Era.mortal(period, current);
      Era decoded = Era.decode(new ScaleReader(encode(era)));
      assertThat(decoded).as("seed 7, period %s current %s", period, current).isEqualTo(era);
      long birth = era.birth(current);
      assertThat(birth)
          .as("seed 7, period %s current %s", period, current)
          .isLessThanOrEqualTo(current);
      assertThat(era.death(current)).isGreaterThan(current);
    }
  }

  private static Bytes encode(Era era) {
    ScaleWriter w = new ScaleWriter();
    era.encode(w);
    return w.toBytes();
  }

  /** Prefix helpers (the harness has them too; kept local to read like the spec). */
  private static final class DemoChainBytes {
    static Bytes withPrefix(Bytes payload) {
      return new ScaleWriter().writeByteVec(payload).toBytes();
    }

    static Bytes withoutPrefix(Bytes encoded) {
      return new ScaleReader(encoded).readByteVec();
    }
  }
}
