/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.host.HostFunctionRegistry;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.TestBackends;
import io.basalt.executor.vm.CompiledRuntime;
import io.basalt.executor.vm.ImportCatalogue;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.executor.vm.WasmEngine;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.executor.vm.chicory.ChicoryWasmEngine;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.WellKnownKeys;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The execution model the executor promises, in compiled and interpreted mode: every call on a
 * pristine instance, memory sized as Substrate's static heap, a large stack on the Wasm threads
 * (with stack exhaustion a clear error), and compilation once per code hash.
 */
class ExecutionModelTest {
  /** Counts compilations of the engine it wraps. */
  private static final class CountingEngine implements WasmEngine {
    private final WasmEngine engine;
    private final AtomicInteger compilations = new AtomicInteger();
    private final List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());

    CountingEngine(WasmExecutionMethod method) {
      this.engine = new ChicoryWasmEngine(method, Optional.empty());
    }

    @Override
    public WasmExecutionMethod method() {
      return engine.method();
    }

    @Override
    public CompiledRuntime compile(RuntimeBlob blob, ImportCatalogue imports) {
      compilations.incrementAndGet();
      threads.add(Thread.currentThread().getName());
      return engine.compile(blob, imports);
    }
  }

  private static RuntimeExecutor executor(WasmEngine engine) {
    return new RuntimeExecutor(
        engine,
        HostFunctionRegistry.standard(),
        HostServices.standard(),
        ExecutorConfig.defaults().withMethod(engine.method()).withTieredStart(false));
  }

  private static RuntimeBlob module(String body) {
    return WatProbes.module(body);
  }

  private static OverlayedExternalities ext() {
    return WatProbes.ext();
  }

  private static int[] u32s(byte[] out) {
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    int[] values = new int[out.length / 4];
    for (int i = 0; i < values.length; i++) {
      values[i] = b.getInt();
    }
    return values;
  }

  private static byte[] u32(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void everyCallStartsFromAPristineInstance(WasmExecutionMethod method) {
    // Test_bump increments a mutable global and a memory cell (data segment value 7), then returns
    // both and the address the host allocator gave the input.
    RuntimeBlob blob =
        module(
            """
            (memory (export "memory") 1)
            (global $g (mut i32) (i32.const 0))
            (data (i32.const 64) "\\07\\00\\00\\00")
            (func (export "Test_bump") (param $p i32) (param $l i32) (result i64)
              (global.set $g (i32.add (global.get $g) (i32.const 1)))
              (i32.store (i32.const 64) (i32.add (i32.load (i32.const 64)) (i32.const 1)))
              (i32.store (i32.const 128) (global.get $g))
              (i32.store (i32.const 132) (i32.load (i32.const 64)))
              (i32.store (i32.const 136) (local.get $p))
              (i64.const 0x0000000c00000080))
            """);
    try (RuntimeExecutor executor = executor(new CountingEngine(method))) {
      int[] first = u32s(executor.call(blob, "Test_bump", new byte[] {1, 2, 3}, ext()));
      int[] second = u32s(executor.call(blob, "Test_bump", new byte[] {1, 2, 3}, ext()));
      assertThat(first[0]).as("global after one increment").isEqualTo(1);
      assertThat(first[1]).as("memory cell after one increment").isEqualTo(8);
      assertThat(second).as("the second call sees none of the first").containsExactly(first);
    }
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void memoryIsSizedAsSubstratesStaticHeapAndCannotGrow(WasmExecutionMethod method) {
    // Test_size: [memory.size, memory.grow(1), memory.grow(0)]. Test_top stores at the last word
    // of the heap and reads it back; Test_beyond stores one word past it.
    RuntimeBlob blob =
        module(
            """
            (memory (export "memory") 2)
            (func (export "Test_size") (param $p i32) (param $l i32) (result i64)
              (i32.store (i32.const 128) (memory.size))
              (i32.store (i32.const 132) (memory.grow (i32.const 1)))
              (i32.store (i32.const 136) (memory.grow (i32.const 0)))
              (i64.const 0x0000000c00000080))
            (func (export "Test_top") (param $p i32) (param $l i32) (result i64)
              (i32.store (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 4))
                         (i32.const 0x5a5a5a5a))
              (i32.store (i32.const 128)
                (i32.load (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 4))))
              (i64.const 0x0000000400000080))
            (func (export "Test_beyond") (param $p i32) (param $l i32) (result i64)
              (i32.store (i32.mul (memory.size) (i32.const 65536)) (i32.const 1))
              (i64.const 0))
            """);
    OverlayedExternalities sixteenHeapPages =
        new OverlayedExternalities(
            new OverlayedChanges(),
            TestBackends.of(Map.of(WellKnownKeys.HEAP_PAGES, Bytes.fromHex("0x1000000000000000"))));
    try (RuntimeExecutor executor = executor(new CountingEngine(method))) {
      assertThat(u32s(executor.call(blob, "Test_size", new byte[0], ext())))
          .containsExactly(2 + 2048, -1, 2 + 2048);
      assertThat(u32s(executor.call(blob, "Test_size", new byte[0], sixteenHeapPages)))
          .containsExactly(2 + 16, -1, 2 + 16);
      assertThat(u32s(executor.call(blob, "Test_top", new byte[0], sixteenHeapPages)))
          .containsExactly(0x5a5a5a5a);
      assertThatThrownBy(() -> executor.call(blob, "Test_beyond", new byte[0], sixteenHeapPages))
          .isInstanceOf(RuntimeTrapException.class)
          .hasMessageContaining("out of bounds");
    }
  }

  private static final String RECURSION =
      """
      (memory (export "memory") 1)
      (func $down (param $n i32) (result i32)
        (if (result i32) (i32.eqz (local.get $n))
          (then (i32.const 0))
          (else (i32.add (i32.const 1) (call $down (i32.sub (local.get $n) (i32.const 1)))))))
      (func $forever (param $n i32) (result i32)
        (i32.add (i32.const 1) (call $forever (local.get $n))))
      (func (export "Test_deep") (param $p i32) (param $l i32) (result i64)
        (i32.store (local.get $p) (call $down (i32.load (local.get $p))))
        (i64.or (i64.extend_i32_u (local.get $p)) (i64.const 0x0000000400000000)))
      (func (export "Test_forever") (param $p i32) (param $l i32) (result i64)
        (drop (call $forever (i32.const 0)))
        (i64.const 0))
      """;

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void deepRecursionFitsTheStackAndEndlessRecursionIsAClearError(WasmExecutionMethod method) {
    RuntimeBlob blob = module(RECURSION);
    try (RuntimeExecutor executor = executor(new CountingEngine(method))) {
      assertThat(u32s(executor.call(blob, "Test_deep", u32(200_000), ext())))
          .containsExactly(200_000);
    }
    // The same depth on 1 MiB Wasm threads (an ordinary thread's stack) exhausts the stack, which
    // is reported clearly, and the executor keeps working. (A small stack keeps this quick.)
    ExecutorConfig small =
        new ExecutorConfig(method, Optional.empty(), 4, 1024 * 1024).withTieredStart(false);
    try (RuntimeExecutor executor =
        new RuntimeExecutor(
            new CountingEngine(method),
            HostFunctionRegistry.standard(),
            HostServices.standard(),
            small)) {
      assertThatThrownBy(() -> executor.call(blob, "Test_deep", u32(200_000), ext()))
          .isInstanceOf(RuntimeTrapException.class)
          .hasMessageContaining("Test_deep")
          .hasMessageContaining("call stack exhausted");
      assertThatThrownBy(() -> executor.call(blob, "Test_forever", new byte[0], ext()))
          .isInstanceOf(RuntimeTrapException.class)
          .hasMessageContaining("Test_forever")
          .hasMessageContaining("call stack exhausted");
      assertThat(u32s(executor.call(blob, "Test_deep", u32(100), ext()))).containsExactly(100);
    }
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void aRuntimeIsCompiledOncePerCodeHashOnAWasmThread(WasmExecutionMethod method) throws Exception {
    byte[] code = module(RECURSION).wasm().toArray();
    byte[] other = module(RECURSION + "(func (export \"Other\"))").wasm().toArray();
    CountingEngine engine = new CountingEngine(method);
    try (RuntimeExecutor executor = executor(engine)) {
      ExecutorService callers = Executors.newFixedThreadPool(4);
      try {
        List<Future<byte[]>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          // A fresh blob each time: equal code, distinct objects.
          RuntimeBlob blob = RuntimeBlob.parse(code.clone());
          calls.add(callers.submit(() -> executor.call(blob, "Test_deep", u32(10), ext())));
        }
        for (Future<byte[]> call : calls) {
          assertThat(u32s(call.get())).containsExactly(10);
        }
      } finally {
        callers.shutdownNow();
      }
      assertThat(engine.compilations.get()).isEqualTo(1);
      executor.call(RuntimeBlob.parse(other), "Test_deep", u32(10), ext());
      assertThat(engine.compilations.get()).as("different code compiles anew").isEqualTo(2);
      assertThat(engine.threads).allSatisfy(t -> assertThat(t).startsWith("basalt-wasm-"));
    }
  }
}
