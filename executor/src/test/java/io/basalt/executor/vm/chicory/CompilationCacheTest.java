/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.basalt.executor.host.HostFunctionRegistry;
import io.basalt.executor.vm.CompiledRuntime;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiled mode: a function too large for one JVM method runs in the interpreter (reported, not
 * silent), and the disk cache lets a second engine skip compilation.
 */
class CompilationCacheTest {
  private static final int ITERATIONS = 30_000;

  static RuntimeBlob hugeFunctionModule() {
    StringBuilder wat = new StringBuilder();
    wat.append("(module (memory (export \"memory\") 1)")
        .append(" (global (export \"__heap_base\") i32 (i32.const 1024))")
        .append(" (func $big (result i32) (local i32)\n");
    for (int i = 0; i < ITERATIONS; i++) {
      wat.append("local.get 0 i32.const 1 i32.add local.set 0\n");
    }
    wat.append("local.get 0)")
        .append(" (func (export \"Test_big\") (param i32 i32) (result i64)")
        .append(" (i64.extend_i32_u (call $big))))");
    return RuntimeBlob.parse(Wat2Wasm.parse(wat.toString()));
  }

  static long run(CompiledRuntime runtime) {
    return runtime
        .instantiate(
            16,
            (i, a) -> {
              throw new AssertionError("no host calls expected");
            },
            false)
        .callExport("Test_big", 0, 0);
  }

  @Test
  void oversizedFunctionsFallBackToTheInterpreterAndTheCacheIsReused(@TempDir Path dir)
      throws IOException {
    RuntimeBlob blob = hugeFunctionModule();

    ChicoryWasmEngine first = new ChicoryWasmEngine(WasmExecutionMethod.COMPILED, Optional.of(dir));
    CompiledRuntime compiled = first.compile(blob, HostFunctionRegistry.standard());
    assertThat(compiled.interpretedFunctions()).containsExactly(0);
    assertThat(run(compiled)).isEqualTo(ITERATIONS);
    assertThat(first.compilationCacheHits()).isZero();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith("module-"))).hasSize(1);
    }

    ChicoryWasmEngine second =
        new ChicoryWasmEngine(WasmExecutionMethod.COMPILED, Optional.of(dir));
    CompiledRuntime cached = second.compile(blob, HostFunctionRegistry.standard());
    assertThat(second.compilationCacheHits()).isEqualTo(1);
    assertThat(cached.interpretedFunctions()).containsExactly(0);
    assertThat(run(cached)).isEqualTo(ITERATIONS);
  }
}
