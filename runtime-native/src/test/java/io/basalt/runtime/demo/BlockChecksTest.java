/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.CallOutcome;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.TestRuntimes;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Block lifecycle checks and inherents (§7, §16.6) on the Java runtime. */
class BlockChecksTest {
  private final Scenario s = Scenario.dev(100);
  private final DemoChain verifier = s.chain.fork(TestRuntimes.nativeRuntime(100));
  private final UncheckedExtrinsic transfer =
      s.signed(
          DevAccounts.alice(),
          new RuntimeCall.TransferKeepAlive(MultiAddress.id(DevAccounts.bobId()), Scenario.UNIT));

  private static CallOutcome panic(String message) {
    return new CallOutcome.Panicked(message);
  }

  private Block built() {
    return s.block(transfer).block();
  }

  private static Block withHeader(Block b, Header h) {
    return new Block(h, b.extrinsics());
  }

  private static Header header(
      Header h, Hash256 stateRoot, Hash256 extrinsicsRoot, List<DigestItem> digest) {
    return new Header(h.parentHash(), h.number(), stateRoot, extrinsicsRoot, digest);
  }

  private static Bytes timestampPayload(long t) {
    return DemoChain.withoutPrefix(
        UncheckedExtrinsic.unsigned(new RuntimeCall.TimestampSet(t)).encoded());
  }

  @Test
  void aBuiltBlockReexecutes() {
    Block block = built();
    assertThat(verifier.importBlock(block)).isEqualTo(new CallOutcome.Returned(Bytes.EMPTY));
  }

  @Test
  void blockNumberZeroIsRejected() {
    Header zero = new Header(Hash256.ZERO, 0, Hash256.ZERO, Hash256.ZERO, List.of());
    assertThat(s.chain.call("Core_initialize_block", Header.CODEC.encode(zero)))
        .isEqualTo(panic("Block number must be at least 1"));
  }

  @Test
  void wrongRootsAndDigestsAreCaughtWithTheSpecsMessages() {
    Block block = built();
    Header h = block.header();
    assertThat(
            verifier.importBlock(
                withHeader(block, header(h, Hash256.ZERO, h.extrinsicsRoot(), h.digest()))))
        .isEqualTo(panic("Storage root must match that calculated."));
    assertThat(
            verifier.importBlock(
                withHeader(block, header(h, h.stateRoot(), Hash256.ZERO, h.digest()))))
        .isEqualTo(panic("Transaction trie root must be valid."));
    DigestItem other = new DigestItem.Other(Bytes.fromHex("01"));
    assertThat(
            verifier.importBlock(
                withHeader(block, header(h, h.stateRoot(), h.extrinsicsRoot(), List.of(other)))))
        .isEqualTo(panic("Number of digest items must match that calculated."));
  }

  @Test
  void aDigestItemThatDiffersIsCaught() {
    BuiltBlock b =
        s.block(
            s.signed(
                DevAccounts.alice(), new RuntimeCall.Sudo(new RuntimeCall.SetHeapPages(4096))));
    Header h = b.block().header();
    Header forged =
        header(
            h,
            h.stateRoot(),
            h.extrinsicsRoot(),
            List.of(new DigestItem.Other(Bytes.fromHex("08"))));
    assertThat(verifier.importBlock(withHeader(b.block(), forged)))
        .isEqualTo(panic("Digest item must match that calculated."));
    assertThat(verifier.importBlock(b.block())).isEqualTo(new CallOutcome.Returned(Bytes.EMPTY));
  }

  @Test
  void preRuntimeDigestsAreKeptAndReexecute() {
    DigestItem aura = new DigestItem.PreRuntime(EngineId.AURA, Bytes.fromHex("0100000000000000"));
    BuiltBlock b =
        s.chain.buildBlock(
            List.of(transfer.encoded()), Scenario.GENESIS_TIME + 6000, List.of(aura));
    assertThat(b.block().header().digest()).containsExactly(aura);
    assertThat(verifier.importBlock(b.block())).isEqualTo(new CallOutcome.Returned(Bytes.EMPTY));
  }

  @Test
  void inherentsMustComeFirst() {
    Block block = built();
    List<Bytes> swapped = new ArrayList<>(block.extrinsics());
    swapped.add(swapped.remove(0));
    assertThat(verifier.importBlock(new Block(block.header(), swapped)))
        .isEqualTo(panic("Invalid inherent position for extrinsic at index 1"));
  }

  @Test
  void theTimestampIsRequiredOnceAndMustAdvance() {
    Block block = built();
    assertThat(verifier.importBlock(new Block(block.header(), block.extrinsics().subList(1, 2))))
        .isEqualTo(panic("Timestamp must be updated once in the block"));
    List<Bytes> twice = new ArrayList<>(block.extrinsics());
    twice.add(0, timestampPayload(Scenario.GENESIS_TIME + 7000));
    assertThat(verifier.importBlock(new Block(block.header(), twice)))
        .isEqualTo(panic("Timestamp must be updated only once in the block"));
    Block next = s.block().block();
    verifier.importBlock(block);
    List<Bytes> early = new ArrayList<>(next.extrinsics());
    early.set(0, timestampPayload(Scenario.GENESIS_TIME + 6000));
    assertThat(verifier.importBlock(new Block(next.header(), early)))
        .isEqualTo(
            panic(
                "Timestamp must increment by at least <MinimumPeriod> between sequential blocks"));
  }

  @Test
  void anInvalidExtrinsicMakesTheBlockInvalid() {
    Block block = built();
    UncheckedExtrinsic stale =
        s.xts.signed(DevAccounts.alice(), new RuntimeCall.Remark(Bytes.EMPTY), 9);
    List<Bytes> body = new ArrayList<>(block.extrinsics());
    body.add(DemoChain.withoutPrefix(stale.encoded()));
    assertThat(verifier.importBlock(new Block(block.header(), body)))
        .isEqualTo(panic("Extrinsic at index 2 is invalid: Invalid(Future)"));
    UncheckedExtrinsic unsigned = UncheckedExtrinsic.unsigned(new RuntimeCall.Remark(Bytes.EMPTY));
    body.set(2, DemoChain.withoutPrefix(unsigned.encoded()));
    assertThat(verifier.importBlock(new Block(block.header(), body)))
        .isEqualTo(panic("Extrinsic at index 2 is invalid: Unknown(NoUnsignedValidator)"));
  }

  @Test
  void undecodableInputsPanicWithBadInput() {
    Block block = built();
    List<Bytes> body = new ArrayList<>(block.extrinsics());
    body.add(Bytes.fromHex("05"));
    CallOutcome outcome = verifier.importBlock(new Block(block.header(), body));
    assertThat(outcome).isInstanceOf(CallOutcome.Panicked.class);
    assertThat(((CallOutcome.Panicked) outcome).message())
        .startsWith("Bad input data provided to execute_block: ");
    CallOutcome trailing = s.chain.call("Core_version", new byte[] {0});
    assertThat(((CallOutcome.Panicked) trailing).message())
        .startsWith("Bad input data provided to version: ");
    CallOutcome apply =
        s.chain.call("BlockBuilder_apply_extrinsic", Bytes.fromHex("0c040000").toArray());
    assertThat(((CallOutcome.Panicked) apply).message())
        .startsWith("Bad input data provided to apply_extrinsic: ");
  }

  @Test
  void inherentExtrinsicsBuildTheTimestampInherent() {
    Bytes data = inherentData(1_700_000_000_000L);
    assertThat(s.chain.call("BlockBuilder_inherent_extrinsics", data.toArray()))
        .isEqualTo(new CallOutcome.Returned(Bytes.fromHex("04280401000b0068e5cf8b01")));
    s.block();
    // Now = GENESIS_TIME + 6000: an earlier time is raised to Now + 1.
    Bytes raised = s.chain.call("BlockBuilder_inherent_extrinsics", data.toArray()).output();
    assertThat(raised)
        .isEqualTo(
            new ScaleWriter()
                .writeCompact(1)
                .writeRaw(
                    UncheckedExtrinsic.unsigned(
                            new RuntimeCall.TimestampSet(Scenario.GENESIS_TIME + 6001))
                        .encoded())
                .toBytes());
    assertThat(s.chain.call("BlockBuilder_inherent_extrinsics", new byte[] {0}))
        .isEqualTo(panic("Timestamp inherent data must be provided"));
    Bytes shortData =
        new ScaleWriter()
            .writeCompact(1)
            .writeRaw("timstap0".getBytes(StandardCharsets.US_ASCII))
            .writeByteVec(Bytes.fromHex("01020304"))
            .toBytes();
    assertThat(s.chain.call("BlockBuilder_inherent_extrinsics", shortData.toArray()))
        .isEqualTo(panic("Timestamp inherent data not correctly encoded"));
  }

  @Test
  void checkInherentsJudgesTheTimestampAgainstTheNodesClock() {
    Block block = built();
    long t = Scenario.GENESIS_TIME + 6000;
    // Checked on the parent (genesis) state, as a node does.
    assertThat(checkInherents(verifier, block, inherentData(t))).isEqualTo(Bytes.fromHex("010000"));
    assertThat(checkInherents(verifier, block, inherentData(t - 30_001)))
        .isEqualTo(Bytes.fromHex("0001" + "04" + "74696d7374617030" + "0401"));
    assertThat(
            checkInherents(
                verifier,
                new Block(block.header(), block.extrinsics().subList(1, 2)),
                inherentData(t)))
        .isEqualTo(Bytes.fromHex("0001" + "04" + "74696d7374617030" + "0402"));
    assertThat(checkInherents(verifier, block, Bytes.fromHex("00")))
        .isEqualTo(Bytes.fromHex("010000"));
    // Only the leading inherents are examined; malformed data panics as in inherent_extrinsics.
    Bytes shortData =
        new ScaleWriter()
            .writeCompact(1)
            .writeRaw("timstap0".getBytes(StandardCharsets.US_ASCII))
            .writeByteVec(Bytes.fromHex("0102"))
            .toBytes();
    byte[] malformed =
        new ScaleWriter().writeRaw(Block.CODEC.encode(block)).writeRaw(shortData).toByteArray();
    assertThat(verifier.call("BlockBuilder_check_inherents", malformed))
        .isEqualTo(panic("Timestamp inherent data not correctly encoded"));
    List<Bytes> trailing = new ArrayList<>(block.extrinsics());
    trailing.add(timestampPayload(t + 1_000_000));
    assertThat(checkInherents(verifier, new Block(block.header(), trailing), inherentData(t)))
        .isEqualTo(Bytes.fromHex("010000"));
    verifier.importBlock(block);
    List<Bytes> early = new ArrayList<>(block.extrinsics());
    early.set(0, timestampPayload(t));
    assertThat(checkInherents(verifier, new Block(block.header(), early), inherentData(t)))
        .isEqualTo(Bytes.fromHex("0001" + "04" + "74696d7374617030" + "0400"));
  }

  private static Bytes checkInherents(DemoChain chain, Block block, Bytes data) {
    byte[] input =
        new ScaleWriter().writeRaw(Block.CODEC.encode(block)).writeRaw(data).toByteArray();
    return chain.call("BlockBuilder_check_inherents", input).output();
  }

  private static Bytes inherentData(long t) {
    return new ScaleWriter()
        .writeCompact(1)
        .writeRaw("timstap0".getBytes(StandardCharsets.US_ASCII))
        .writeByteVec(new ScaleWriter().writeU64(t).toBytes())
        .toBytes();
  }
}
