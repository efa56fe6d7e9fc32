/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.state.StorageChange;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.chain.BlockBuildingException;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.CallOutcome;
import io.basalt.runtime.demo.chain.CallRecord;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.RuntimeUnderTest;
import io.basalt.runtime.demo.chain.TestRuntimes;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import java.util.List;
import java.util.Optional;

/**
 * Two chains from the same genesis, one per implementation, driven with the same inputs and
 * compared call by call: return bytes, the block's storage changes after every call, block headers;
 * every block is also re-executed by the other implementation on the parent state.
 */
final class LockstepChains {
  private final RuntimeUnderTest first;
  private final RuntimeUnderTest second;
  private final DemoChain a;
  private final DemoChain b;
  private final String context;

  LockstepChains(
      RuntimeUnderTest first, RuntimeUnderTest second, String preset, Bytes code, String context) {
    this.first = first;
    this.second = second;
    this.a = DemoChain.fromPreset(first, preset, Optional.of(code)).recordingStorage();
    this.b = DemoChain.fromPreset(second, preset, Optional.of(code)).recordingStorage();
    this.context = context;
    assertThat(b.head()).as("%s: genesis", context).isEqualTo(a.head());
  }

  /**
   * The Java runtime against the Wasm twin (spec 100 on both, run with {@code method}), both from
   * the {@code development} preset with v100's compressed code under {@code :code}.
   */
  static LockstepChains nativeVsWasm(WasmExecutionMethod method, String context) {
    return new LockstepChains(
        TestRuntimes.nativeRuntime(100),
        WasmCode.runtime(method, 100),
        "development",
        WasmCode.compressed(100),
        context);
  }

  DemoChain first() {
    return a;
  }

  /**
   * The normative part of an outcome: a {@code Bad input data provided to <method>} panic without
   * its reason, which the spec leaves to each implementation (§12).
   */
  static CallOutcome normative(CallOutcome outcome) {
    if (outcome instanceof CallOutcome.Panicked(String message)
        && message.startsWith("Bad input data provided to ")
        && message.indexOf(':') > 0) {
      return new CallOutcome.Panicked(message.substring(0, message.indexOf(':')));
    }
    return outcome;
  }

  /** A block-building failure without the reason of a bad-input panic (see above). */
  static String normative(String failure) {
    int bad = failure.indexOf("Bad input data provided to ");
    int colon = bad < 0 ? -1 : failure.indexOf(':', bad);
    return colon < 0 ? failure : failure.substring(0, colon);
  }

  /**
   * What the pool and wallets ask about an extrinsic at the head, required to agree: {@code
   * validate_transaction} (from an external source), {@code query_info} and {@code
   * query_fee_details}.
   */
  void transactionQueries(UncheckedExtrinsic xt) {
    call(
        "TaggedTransactionQueue_validate_transaction",
        new ScaleWriter()
            .writeU8(2)
            .writeRaw(xt.encoded())
            .writeHash(a.head().hash())
            .toByteArray());
    byte[] query = new ScaleWriter().writeRaw(xt.encoded()).writeU32(xt.length()).toByteArray();
    call("TransactionPaymentApi_query_info", query);
    call("TransactionPaymentApi_query_fee_details", query);
  }

  /** Calls a read-only API on both heads and requires the same outcome. */
  CallOutcome call(String method, byte[] input) {
    CallOutcome x = normative(a.call(method, input));
    CallOutcome y = normative(b.call(method, input));
    assertThat(y)
        .as(
            "%s: %s(%s) at #%s: %s vs %s",
            context, method, Bytes.wrap(input), a.head().number(), first.name(), second.name())
        .isEqualTo(x);
    return x;
  }

  /** Builds the block on both, compares, re-executes each on the other implementation. */
  BuiltBlock block(List<UncheckedExtrinsic> extrinsics, long timestamp) {
    return build(extrinsics, timestamp, true)
        .orElseThrow(() -> new AssertionError(context + ": the block cannot be built"));
  }

  /**
   * As {@link #block}, for states only root can make: building may fail (a panic in {@code
   * initialize_block}, the inherents or {@code finalize_block}), then it must fail alike on both
   * and the heads stay where they were; and re-executing the block may fail (e.g. root moved {@code
   * System.Number}), then it must fail alike on both.
   *
   * @return the block, or empty if both failed to build it alike
   */
  Optional<BuiltBlock> blockIfBuildable(List<UncheckedExtrinsic> extrinsics, long timestamp) {
    return build(extrinsics, timestamp, false);
  }

  private Optional<BuiltBlock> build(
      List<UncheckedExtrinsic> extrinsics, long timestamp, boolean mustImport) {
    long number = a.head().number() + 1;
    DemoChain crossB = a.fork(second);
    DemoChain crossA = b.fork(first);
    List<Bytes> encoded = extrinsics.stream().map(UncheckedExtrinsic::encoded).toList();
    Optional<String> failedX = Optional.empty();
    Optional<String> failedY = Optional.empty();
    BuiltBlock x = null;
    BuiltBlock y = null;
    try {
      x = a.buildBlock(encoded, timestamp);
    } catch (BlockBuildingException e) {
      failedX = Optional.of(normative(e.reason()));
    }
    try {
      y = b.buildBlock(encoded, timestamp);
    } catch (BlockBuildingException e) {
      failedY = Optional.of(normative(e.reason()));
    }
    assertThat(failedY)
        .as("%s: block #%s fails on %s as on %s", context, number, second.name(), first.name())
        .isEqualTo(failedX);
    if (x == null || y == null) {
      return Optional.empty();
    }
    compare(number, x.calls(), y.calls());
    assertThat(y.block()).as("%s: block #%s", context, number).isEqualTo(x.block());
    CallOutcome bImportsA = normative(crossB.importBlock(x.block()));
    CallOutcome aImportsB = normative(crossA.importBlock(y.block()));
    if (mustImport) {
      assertThat(bImportsA)
          .as("%s: %s executes #%s built by %s", context, second.name(), number, first.name())
          .isEqualTo(new CallOutcome.Returned(Bytes.EMPTY));
    }
    assertThat(aImportsB)
        .as("%s: %s executes #%s built by %s", context, first.name(), number, second.name())
        .isEqualTo(bImportsA);
    assertThat(b.head().hash()).isEqualTo(a.head().hash());
    return Optional.of(x);
  }

  private void compare(long number, List<CallRecord> x, List<CallRecord> y) {
    assertThat(y).as("%s: calls of #%s", context, number).hasSameSizeAs(x);
    for (int i = 0; i < x.size(); i++) {
      CallRecord p = x.get(i);
      CallRecord q = y.get(i);
      String where =
          context + ": block #" + number + ", call " + i + " " + p.method() + "(" + p.input() + ")";
      assertThat(q.method()).as(where).isEqualTo(p.method());
      assertThat(q.outcome())
          .as("%s: %s vs %s", where, first.name(), second.name())
          .isEqualTo(p.outcome());
      if (!q.storage().equals(p.storage())) {
        List<StorageChange> onlyFirst = new java.util.ArrayList<>(p.storage());
        onlyFirst.removeAll(q.storage());
        List<StorageChange> onlySecond = new java.util.ArrayList<>(q.storage());
        onlySecond.removeAll(p.storage());
        throw new AssertionError(
            where
                + ": storage changes differ; only "
                + first.name()
                + ":\n"
                + describe(onlyFirst)
                + "only "
                + second.name()
                + ":\n"
                + describe(onlySecond));
      }
    }
  }

  private static String describe(List<StorageChange> changes) {
    StringBuilder out = new StringBuilder();
    for (StorageChange c : changes) {
      out.append(c.key())
          .append(" = ")
          .append(c.value().map(Bytes::toString).orElse("<deleted>"))
          .append('\n');
    }
    return out.toString();
  }
}
