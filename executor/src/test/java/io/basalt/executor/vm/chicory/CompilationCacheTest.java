/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.dylibso.chicory.wabt.Wat2Wasm;
import io.basalt.executor.CapturedLogs;
import io.basalt.executor.ExecutorConfig;
import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.host.HostFunctionRegistry;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StateBackend;
import io.basalt.executor.vm.CompiledRuntime;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.testsupport.RandomCases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiled mode: a function too large for one JVM method runs in the interpreter (reported, not
 * silent), and the disk cache lets a second engine skip compilation. A damaged or unwritable cache
 * never makes valid code fail: the entry is deleted with a warning and rewritten.
 */
class CompilationCacheTest {
  private static final int ITERATIONS = 30_000;

  /** A small runtime whose export returns the bytes "cached". */
  private static final RuntimeBlob SMALL =
      RuntimeBlob.parse(
          Wat2Wasm.parse(
              """
              (module
                (memory (export "memory") 1)
                (global (export "__heap_base") i32 (i32.const 1024))
                (data (i32.const 16) "cached")
                (func (export "Test_cached") (param i32 i32) (result i64)
                  (i64.const 0x0000000600000010)))
              """));

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

  /** One call of {@link #SMALL} on a fresh executor over {@code cacheRoot}; its disk-cache hits. */
  private static int callSmall(Path cacheRoot) {
    ChicoryWasmEngine engine =
        new ChicoryWasmEngine(WasmExecutionMethod.COMPILED, Optional.of(cacheRoot));
    ExecutorConfig config = ExecutorConfig.defaults().withCompilationCache(cacheRoot);
    try (RuntimeExecutor executor =
        new RuntimeExecutor(
            engine, HostFunctionRegistry.standard(), HostServices.standard(), config)) {
      byte[] out =
          executor.call(
              SMALL,
              "Test_cached",
              new byte[0],
              new OverlayedExternalities(new OverlayedChanges(), StateBackend.empty()));
      assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo("cached");
    }
    return engine.compilationCacheHits();
  }

  private static Path moduleEntry(Path cacheRoot) throws IOException {
    try (Stream<Path> files = Files.walk(cacheRoot)) {
      List<Path> entries =
          files.filter(p -> p.getFileName().toString().startsWith("module-")).toList();
      assertThat(entries).hasSize(1);
      return entries.get(0);
    }
  }

  /** Damages the entry, then checks the next call recompiles and rewrites it. */
  private static void assertRecoversFrom(Path dir, byte[] damaged) throws IOException {
    Path entry = moduleEntry(dir);
    Files.write(entry, damaged);
    try (CapturedLogs logs = CapturedLogs.of("executor", Level.WARN)) {
      assertThat(callSmall(dir)).isZero();
      assertThat(logs.lines())
          .anySatisfy(
              l -> assertThat(l).startsWith("WARN deleting the compilation cache entry " + entry));
    }
    assertThat(Files.readAllBytes(moduleEntry(dir))).isNotEqualTo(damaged);
    assertThat(callSmall(dir)).as("the rewritten entry serves the next engine").isEqualTo(1);
  }

  @Test
  void aTruncatedEntryIsDeletedWithAWarningAndTheRuntimeRecompiled(@TempDir Path dir)
      throws IOException {
    assertThat(callSmall(dir)).isZero();
    assertThat(callSmall(dir)).isEqualTo(1);
    byte[] stored = Files.readAllBytes(moduleEntry(dir));
    assertRecoversFrom(dir, java.util.Arrays.copyOf(stored, stored.length / 2));
    assertRecoversFrom(dir, new byte[0]);
  }

  @Test
  void aGarbageEntryIsDeletedWithAWarningAndTheRuntimeRecompiled(@TempDir Path dir)
      throws IOException {
    callSmall(dir);
    byte[] stored = Files.readAllBytes(moduleEntry(dir));
    SplittableRandom random = new SplittableRandom(RandomCases.seed());
    byte[] garbage = new byte[stored.length];
    random.nextBytes(garbage);
    assertRecoversFrom(dir, garbage);
    byte[] flipped = stored.clone();
    flipped[flipped.length - 100] ^= 0x01;
    assertRecoversFrom(dir, flipped);
  }

  @Test
  void anEntryChicoryCannotLoadIsDeletedAndTheRuntimeRecompiled(@TempDir Path dir)
      throws IOException {
    // A well-formed entry (right length and checksum) whose contents are not compiled classes.
    callSmall(dir);
    Files.delete(moduleEntry(dir));
    String key = com.dylibso.chicory.wasm.Parser.parse(SMALL.wasm().unsafeArray()).digest();
    DirectoryCompilationCache cache =
        new DirectoryCompilationCache(
            dir, io.basalt.primitives.bytes.Hex.encodeBare(SMALL.codeHash().unsafeArray()));
    cache.putIfAbsent(key, "not a jar".getBytes(StandardCharsets.US_ASCII));
    Path entry = moduleEntry(dir);
    try (CapturedLogs logs = CapturedLogs.of("executor", Level.WARN)) {
      assertThat(callSmall(dir)).as("the entry was served, then rejected").isEqualTo(1);
      assertThat(logs.lines())
          .anySatisfy(
              l ->
                  assertThat(l)
                      .startsWith("WARN deleting the compilation cache entry " + entry)
                      .contains("Chicory cannot load it"));
    }
    assertThat(callSmall(dir)).isEqualTo(1);
  }

  @Test
  void anUnwritableCacheOnlyWarnsAndTheEntryIsWrittenOnceItIsWritable(@TempDir Path dir)
      throws IOException {
    // A cache root below a regular file cannot be created, even by root.
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
    Path root = blocker.resolve("cache");
    try (CapturedLogs logs = CapturedLogs.of("executor", Level.WARN)) {
      assertThat(callSmall(root)).isZero();
      assertThat(callSmall(root)).isZero();
      assertThat(logs.lines())
          .anySatisfy(
              l -> assertThat(l).startsWith("WARN cannot write the compilation cache entry"));
    }
    Files.delete(blocker);
    assertThat(callSmall(root)).isZero();
    assertThat(Files.exists(moduleEntry(root))).isTrue();
    assertThat(callSmall(root)).isEqualTo(1);
  }

  @Test
  void anUnreadableInterpretedFunctionsFileIsDeletedAndTheRuntimeRecompiled(@TempDir Path dir)
      throws IOException {
    RuntimeBlob blob = hugeFunctionModule();
    new ChicoryWasmEngine(WasmExecutionMethod.COMPILED, Optional.of(dir))
        .compile(blob, HostFunctionRegistry.standard());
    Path list;
    try (Stream<Path> files = Files.walk(dir)) {
      list =
          files
              .filter(p -> p.getFileName().toString().equals("interpreted-functions.txt"))
              .findFirst()
              .orElseThrow();
    }
    Files.writeString(list, "7\nnot a number\n");
    ChicoryWasmEngine engine =
        new ChicoryWasmEngine(WasmExecutionMethod.COMPILED, Optional.of(dir));
    CompiledRuntime recompiled = engine.compile(blob, HostFunctionRegistry.standard());
    assertThat(engine.compilationCacheHits()).isZero();
    assertThat(recompiled.interpretedFunctions()).containsExactly(0);
    assertThat(run(recompiled)).isEqualTo(ITERATIONS);
    assertThat(Files.readString(list)).isEqualTo("0\n");
  }
}
