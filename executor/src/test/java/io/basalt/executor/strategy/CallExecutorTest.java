/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.dylibso.chicory.wabt.Wat2Wasm;
import io.basalt.executor.CapturedLogs;
import io.basalt.executor.ExecutorConfig;
import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.api.NativeRuntime;
import io.basalt.executor.api.NativeRuntimePanic;
import io.basalt.executor.api.RuntimeContext;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.state.Externalities;
import io.basalt.executor.state.OverlayLookup;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.StateBackend;
import io.basalt.executor.state.StorageChange;
import io.basalt.executor.state.TestBackends;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.RuntimeVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every execution strategy against a native runtime that works, panics, has another version or is
 * absent, with a Wasm runtime (WAT) that writes the top trie, a child trie and the offchain index;
 * and {@code Both} against native doubles that diverge from it.
 */
class CallExecutorTest {
  private static final RuntimeExecutor WASM =
      new RuntimeExecutor(
          ExecutorConfig.defaults().withMethod(WasmExecutionMethod.INTERPRETED),
          HostServices.standard());

  private static final Bytes ALICE = ascii("alice");
  private static final Bytes ALICE_VALUE = filled(32, 0x01);
  private static final Bytes COUNTER = ascii("counter");
  private static final Bytes COUNTER_VALUE = Bytes.of((byte) 7);
  private static final Bytes KIDS = ascii("kids");
  private static final Bytes OFFCHAIN_KEY = ascii("oi");
  private static final Bytes RESULT = ascii("result");
  private static final Bytes SAME = ascii("same");

  /** Test_write: the writes above, then returns "result". */
  private static final RuntimeBlob BLOB =
      RuntimeBlob.parse(
          Wat2Wasm.parse(
              """
              (module
                (import "env" "ext_storage_set_version_1" (func $set (param i64 i64)))
                (import "env" "ext_default_child_storage_set_version_1"
                  (func $child_set (param i64 i64 i64)))
                (import "env" "ext_offchain_index_set_version_1" (func $index_set (param i64 i64)))
                (memory (export "memory") 1)
                (data (i32.const 16) "alice")
                (data (i32.const 32) "\\01\\01\\01\\01\\01\\01\\01\\01\\01\\01\\01\\01\\01\\01\\01\\01\
              \\01\\01\\01\\01\\01\\01\\01\\01\\01\\01\\01\\01\\01\\01\\01\\01")
                (data (i32.const 64) "counter")
                (data (i32.const 80) "\\07")
                (data (i32.const 96) "kids")
                (data (i32.const 112) "k")
                (data (i32.const 128) "v")
                (data (i32.const 144) "oi")
                (data (i32.const 160) "x")
                (data (i32.const 176) "result")
                (func (export "Test_write") (param i32 i32) (result i64)
                  (call $set (i64.const 0x0000000500000010) (i64.const 0x0000002000000020))
                  (call $set (i64.const 0x0000000700000040) (i64.const 0x0000000100000050))
                  (call $child_set (i64.const 0x0000000400000060) (i64.const 0x0000000100000070)
                    (i64.const 0x0000000100000080))
                  (call $index_set (i64.const 0x0000000200000090) (i64.const 0x00000001000000a0))
                  (i64.const 0x00000006000000b0))
                (global (export "__heap_base") i32 (i32.const 1024)))
              """));

  private static final RuntimeVersion VERSION = version("test-runtime", 1);
  private static final RuntimeCode CODE = RuntimeCode.onChain(BLOB, VERSION);

  /** The state the calls run on: {@code same = "s"}. */
  private static final StateBackend STATE = TestBackends.of(Map.of(SAME, ascii("s")));

  @AfterAll
  static void close() {
    WASM.close();
  }

  /** What a native double does on Test_write. */
  private interface Behaviour {
    byte[] call(Externalities ext);
  }

  private record TestNative(RuntimeVersion version, Behaviour behaviour) implements NativeRuntime {
    @Override
    public byte[] call(String method, byte[] input, RuntimeContext context) {
      return behaviour.call(context.externalities());
    }
  }

  /** Does exactly what the Wasm runtime does. */
  private static byte[] agreeing(Externalities ext) {
    ext.set(ALICE, ALICE_VALUE);
    ext.set(COUNTER, COUNTER_VALUE);
    ext.childSet(KIDS, ascii("k"), ascii("v"));
    ext.offchainIndexSet(OFFCHAIN_KEY, ascii("x"));
    return RESULT.toArray();
  }

  /** Writes (one write inside a transaction it leaves open), then panics. */
  private static byte[] panicking(Externalities ext) {
    ext.set(ALICE, filled(32, 0xee));
    ext.startTransaction();
    ext.set(ascii("left-open"), ascii("!"));
    ext.indexTransaction(0, filled(32, 0x05), 10);
    throw new NativeRuntimePanic("boom");
  }

  enum NativeCase {
    WORKS,
    PANICS,
    INCOMPATIBLE,
    ABSENT;

    Optional<NativeRuntime> runtime() {
      return switch (this) {
        case WORKS -> Optional.of(new TestNative(VERSION, CallExecutorTest::agreeing));
        case PANICS -> Optional.of(new TestNative(VERSION, CallExecutorTest::panicking));
        case INCOMPATIBLE ->
            Optional.of(new TestNative(version("test-runtime", 2), CallExecutorTest::agreeing));
        case ABSENT -> Optional.empty();
      };
    }
  }

  /** What ran, in order, and whether Both reported a mismatch. */
  private static final class Recorder implements ExecutionObserver {
    final List<ExecutorKind> ran = new ArrayList<>();
    final List<Divergence> mismatches = new ArrayList<>();
    final List<RuntimeCode> inUse = new ArrayList<>();

    @Override
    public void called(ExecutionContext context, ExecutorKind executor, String method) {
      assertThat(context).isEqualTo(ExecutionContext.IMPORTING);
      assertThat(method).isEqualTo("Test_write");
      ran.add(executor);
    }

    @Override
    public void mismatch(Divergence divergence) {
      mismatches.add(divergence);
    }

    @Override
    public void runtimeInUse(RuntimeCode code) {
      inUse.add(code);
    }
  }

  static Stream<Arguments> matrix() {
    ExecutorKind n = ExecutorKind.NATIVE;
    ExecutorKind w = ExecutorKind.WASM;
    return Stream.of(
        Arguments.of(ExecutionStrategy.NATIVE_WHEN_POSSIBLE, NativeCase.WORKS, List.of(n), false),
        Arguments.of(ExecutionStrategy.NATIVE_WHEN_POSSIBLE, NativeCase.PANICS, List.of(n), false),
        Arguments.of(
            ExecutionStrategy.NATIVE_WHEN_POSSIBLE, NativeCase.INCOMPATIBLE, List.of(w), false),
        Arguments.of(ExecutionStrategy.NATIVE_WHEN_POSSIBLE, NativeCase.ABSENT, List.of(w), false),
        Arguments.of(ExecutionStrategy.ALWAYS_WASM, NativeCase.WORKS, List.of(w), false),
        Arguments.of(ExecutionStrategy.ALWAYS_WASM, NativeCase.PANICS, List.of(w), false),
        Arguments.of(ExecutionStrategy.ALWAYS_WASM, NativeCase.INCOMPATIBLE, List.of(w), false),
        Arguments.of(ExecutionStrategy.ALWAYS_WASM, NativeCase.ABSENT, List.of(w), false),
        Arguments.of(ExecutionStrategy.NATIVE_ELSE_WASM, NativeCase.WORKS, List.of(n), false),
        Arguments.of(ExecutionStrategy.NATIVE_ELSE_WASM, NativeCase.PANICS, List.of(n, w), false),
        Arguments.of(
            ExecutionStrategy.NATIVE_ELSE_WASM, NativeCase.INCOMPATIBLE, List.of(w), false),
        Arguments.of(ExecutionStrategy.NATIVE_ELSE_WASM, NativeCase.ABSENT, List.of(w), false),
        Arguments.of(ExecutionStrategy.BOTH, NativeCase.WORKS, List.of(n, w), false),
        Arguments.of(ExecutionStrategy.BOTH, NativeCase.PANICS, List.of(n, w), true),
        Arguments.of(ExecutionStrategy.BOTH, NativeCase.INCOMPATIBLE, List.of(w), false),
        Arguments.of(ExecutionStrategy.BOTH, NativeCase.ABSENT, List.of(w), false));
  }

  @ParameterizedTest(name = "{0} with native that {1}")
  @MethodSource("matrix")
  void eachStrategyRunsWhatSubstrateRan(
      ExecutionStrategy strategy,
      NativeCase nativeCase,
      List<ExecutorKind> expectedRuns,
      boolean expectMismatch) {
    Recorder recorder = new Recorder();
    CallExecutor calls = executor(strategy, nativeCase.runtime(), recorder);
    OverlayedChanges changes = new OverlayedChanges();
    if (strategy == ExecutionStrategy.NATIVE_WHEN_POSSIBLE && nativeCase == NativeCase.PANICS) {
      assertThatThrownBy(() -> call(calls, changes))
          .isInstanceOf(RuntimeTrapException.class)
          .hasMessageContaining("native runtime panicked")
          .hasMessageContaining("boom");
      assertThat(changes.transactionDepth()).as("the panic's open transaction").isZero();
    } else {
      assertThat(call(calls, changes)).isEqualTo(RESULT.toArray());
      assertThat(Overlay.of(changes)).isEqualTo(Overlay.of(wasmOnly()));
    }
    assertThat(recorder.ran).isEqualTo(expectedRuns);
    assertThat(recorder.mismatches).hasSize(expectMismatch ? 1 : 0);
    assertThat(recorder.inUse).containsExactly(CODE);
    if (expectMismatch) {
      Divergence d = recorder.mismatches.get(0);
      assertThat(d.nativeOutcome()).isInstanceOf(CallOutcome.Failed.class);
      assertThat(d.wasmOutcome()).isEqualTo(new CallOutcome.Returned(RESULT));
      assertThat(d.resultsDiffer()).isTrue();
    }
  }

  @Test
  void anIncompatibleNativeRuntimeIsExplainedOncePerRuntime() {
    try (CapturedLogs logs = CapturedLogs.of("executor", Level.INFO)) {
      CallExecutor calls =
          executor(
              ExecutionStrategy.NATIVE_ELSE_WASM,
              NativeCase.INCOMPATIBLE.runtime(),
              new Recorder());
      call(calls, new OverlayedChanges());
      call(calls, new OverlayedChanges());
      assertThat(logs.lines())
          .containsExactly(
              "INFO Native runtime test-runtime/2 cannot call the on-chain runtime"
                  + " test-runtime/1 (spec_version 2 ≠ 1): running Wasm");
    }
  }

  @Test
  void bothKeepsWasmsResultWhenNativeReturnsAnotherOne() {
    Recorder recorder = new Recorder();
    CallExecutor calls =
        both(
            ext -> {
              agreeing(ext);
              return filled(40, 0x02).toArray();
            },
            recorder);
    OverlayedChanges changes = new OverlayedChanges();
    try (CapturedLogs logs = CapturedLogs.of("executor", Level.WARN)) {
      assertThat(call(calls, changes)).isEqualTo(RESULT.toArray());
      assertThat(logs.lines())
          .containsExactly(
              "WARN Consensus error between wasm and native in Test_write at block #7 (0xabcd…)"
                  + " (import_block): results differ. Using wasm.\n"
                  + "  result: native 0x0202020202020202…(40 B) vs wasm 0x726573756c74");
    }
    assertThat(Overlay.of(changes)).isEqualTo(Overlay.of(wasmOnly()));
    assertThat(recorder.mismatches).hasSize(1);
    assertThat(recorder.mismatches.get(0).keys()).isEmpty();
    assertThat(recorder.mismatches.get(0).call().method()).isEqualTo("Test_write");
  }

  @Test
  void bothComparesTheStateEachRunLeavesAndKeepsWasms() {
    // Same result; alice gets another value, bob is written only by native, "same" is written
    // with the value it already has (no difference), the child trie agrees, and native deletes
    // the offchain-index entry that Wasm sets.
    Recorder recorder = new Recorder();
    CallExecutor calls =
        both(
            ext -> {
              ext.set(ALICE, filled(32, 0x02));
              ext.set(COUNTER, COUNTER_VALUE);
              ext.set(ascii("bob"), ascii("b"));
              ext.set(SAME, ascii("s"));
              ext.childSet(KIDS, ascii("k"), ascii("v"));
              ext.offchainIndexClear(OFFCHAIN_KEY);
              return RESULT.toArray();
            },
            recorder);
    OverlayedChanges changes = new OverlayedChanges();
    try (CapturedLogs logs = CapturedLogs.of("executor", Level.WARN)) {
      assertThat(call(calls, changes)).isEqualTo(RESULT.toArray());
      assertThat(logs.lines())
          .containsExactly(
              "WARN Consensus error between wasm and native in Test_write at block #7 (0xabcd…)"
                  + " (import_block): 3 keys differ. Using wasm.\n"
                  + "  top 0x616c696365: native 0x0202020202020202…(32 B)"
                  + " vs wasm 0x0101010101010101…(32 B)\n"
                  + "  top 0x626f62: native 0x62 vs wasm (none)\n"
                  + "  offchain index 0x6f69: native (deleted) vs wasm 0x78");
    }
    assertThat(Overlay.of(changes)).isEqualTo(Overlay.of(wasmOnly()));
    Divergence d = recorder.mismatches.get(0);
    assertThat(d.resultsDiffer()).isFalse();
    assertThat(d.keys())
        .extracting(KeyDifference::space, KeyDifference::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(KeyDifference.Space.TOP, ALICE),
            org.assertj.core.groups.Tuple.tuple(KeyDifference.Space.TOP, ascii("bob")),
            org.assertj.core.groups.Tuple.tuple(KeyDifference.Space.OFFCHAIN_INDEX, OFFCHAIN_KEY));
    assertThat(d.keys().get(1).wasmValue()).isEqualTo(OverlayLookup.DELETED);
  }

  @Test
  void bothReportsChildTrieDifferencesAgainstTheBackend() {
    // The backend's child trie "kids" already holds k = v and old = o; native deletes "old" and
    // writes k = v again, Wasm writes k = v: only "old" differs.
    StateBackend withChild =
        TestBackends.of(
            Map.of(), Map.of(KIDS, Map.of(ascii("k"), ascii("v"), ascii("old"), ascii("o"))));
    Recorder recorder = new Recorder();
    CallExecutor calls =
        both(
            ext -> {
              agreeing(ext);
              ext.childClear(KIDS, ascii("old"));
              return RESULT.toArray();
            },
            recorder);
    OverlayedChanges changes = new OverlayedChanges();
    try (CapturedLogs logs = CapturedLogs.of("executor", Level.WARN)) {
      calls.call(apiCall(), changes, withChild, HostServices.standard());
      assertThat(logs.lines()).hasSize(1);
      assertThat(logs.lines().get(0))
          .endsWith(
              "1 key differs. Using wasm.\n  child 0x6b696473 0x6f6c64: native (none) vs wasm 0x6f");
    }
    assertThat(recorder.mismatches.get(0).keys())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.space()).isEqualTo(KeyDifference.Space.CHILD);
              assertThat(k.childKey()).contains(KIDS);
            });
  }

  @Test
  void nativeElseWasmUndoesEverythingTheFailedNativeCallDid() {
    OverlayedChanges changes = new OverlayedChanges();
    changes.set(ascii("before"), Optional.of(ascii("kept")));
    CallExecutor calls =
        executor(ExecutionStrategy.NATIVE_ELSE_WASM, NativeCase.PANICS.runtime(), new Recorder());
    call(calls, changes);
    OverlayedChanges expected = new OverlayedChanges();
    expected.set(ascii("before"), Optional.of(ascii("kept")));
    WASM.call(
        BLOB,
        "Test_write",
        new byte[0],
        new io.basalt.executor.state.OverlayedExternalities(expected, STATE));
    assertThat(Overlay.of(changes)).isEqualTo(Overlay.of(expected));
    assertThat(changes.transactionIndexOperations()).as("native's index operation").isEmpty();
  }

  @Test
  void bothRethrowsWasmsTrapAfterReportingTheDisagreement() {
    RuntimeBlob trapping =
        RuntimeBlob.parse(
            Wat2Wasm.parse(
                """
                (module
                  (memory (export "memory") 1)
                  (func (export "Test_write") (param i32 i32) (result i64) unreachable)
                  (global (export "__heap_base") i32 (i32.const 1024)))
                """));
    Recorder recorder = new Recorder();
    CallExecutor calls = executor(ExecutionStrategy.BOTH, NativeCase.WORKS.runtime(), recorder);
    ApiCall call =
        new ApiCall(
            ExecutionContext.IMPORTING,
            RuntimeCode.onChain(trapping, VERSION),
            "Test_write",
            Bytes.EMPTY,
            "block #7 (0xabcd…)");
    OverlayedChanges changes = new OverlayedChanges();
    try (CapturedLogs logs = CapturedLogs.of("executor", Level.WARN)) {
      assertThatThrownBy(() -> calls.call(call, changes, STATE, HostServices.standard()))
          .isInstanceOf(RuntimeTrapException.class);
      assertThat(logs.lines()).singleElement().asString().contains("results differ");
    }
    assertThat(recorder.mismatches.get(0).wasmOutcome()).isInstanceOf(CallOutcome.Failed.class);
    assertThat(changes.isEmpty()).as("native's writes were rolled back").isTrue();
    assertThat(changes.transactionDepth()).isZero();
  }

  /** {@code Both} with a native double of the Wasm runtime's version doing {@code behaviour}. */
  private static CallExecutor both(Behaviour behaviour, ExecutionObserver observer) {
    return executor(
        ExecutionStrategy.BOTH, Optional.of(new TestNative(VERSION, behaviour)), observer);
  }

  private static CallExecutor executor(
      ExecutionStrategy strategy, Optional<NativeRuntime> runtime, ExecutionObserver observer) {
    return new CallExecutor(WASM, runtime, ExecutionStrategies.all(strategy), observer);
  }

  private static ApiCall apiCall() {
    return new ApiCall(
        ExecutionContext.IMPORTING, CODE, "Test_write", Bytes.EMPTY, "block #7 (0xabcd…)");
  }

  private static byte[] call(CallExecutor calls, OverlayedChanges changes) {
    return calls.call(apiCall(), changes, STATE, HostServices.standard());
  }

  private static OverlayedChanges wasmOnly() {
    OverlayedChanges changes = new OverlayedChanges();
    executor(ExecutionStrategy.ALWAYS_WASM, Optional.empty(), ExecutionObserver.NONE)
        .call(apiCall(), changes, STATE, HostServices.standard());
    return changes;
  }

  /** Everything an overlay holds, comparable with equals. */
  private record Overlay(
      List<StorageChange> top,
      Map<Bytes, List<StorageChange>> children,
      List<StorageChange> offchainIndex,
      List<OverlayedChanges.TransactionIndexOperation> transactionIndex) {
    static Overlay of(OverlayedChanges changes) {
      Map<Bytes, List<StorageChange>> children = new TreeMap<>();
      for (Bytes child : changes.changedChildTries()) {
        children.put(child, changes.childChanges(child));
      }
      return new Overlay(
          changes.topChanges(),
          children,
          changes.offchainIndexChanges(),
          changes.transactionIndexOperations());
    }
  }

  private static RuntimeVersion version(String name, long specVersion) {
    return new RuntimeVersion(name, name, 1, specVersion, 1, List.of(), 1, 0);
  }

  private static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static Bytes filled(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return Bytes.wrap(b);
  }
}
