/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.executor.ExecutorConfig;
import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.types.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The committed Wasm blobs of the Rust twin ({@code runtime-wasm/blobs/}), and executors to run
 * them. {@code -Dbasalt.wasm.blobs=DIR} points elsewhere. Tests that need the blobs fail under
 * {@code CI=true} when they are missing and are skipped otherwise.
 */
public final class WasmCode {
  private static final Map<WasmExecutionMethod, RuntimeExecutor> EXECUTORS =
      new ConcurrentHashMap<>();

  private WasmCode() {}

  /** The blob directory. */
  public static Path directory() {
    return Path.of(System.getProperty("basalt.wasm.blobs", "../runtime-wasm/blobs"));
  }

  /** The on-chain (zstd-compressed) code of a spec version. */
  public static Bytes compressed(int spec) {
    return read("basalt_demo_v" + spec + ".compact.compressed.wasm");
  }

  private static Bytes read(String name) {
    Path file = directory().resolve(name);
    if (!Files.isRegularFile(file)) {
      String message =
          "Wasm blob "
              + file.toAbsolutePath()
              + " is missing (runtime-wasm/blobs is committed by"
              + " the runtime-wasm branch; -Dbasalt.wasm.blobs=DIR points elsewhere)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
    try {
      return Bytes.wrap(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A shared executor for a Wasm execution method, with the test host services. */
  public static RuntimeExecutor executor(WasmExecutionMethod method) {
    return EXECUTORS.computeIfAbsent(
        method,
        m -> new RuntimeExecutor(ExecutorConfig.defaults().withMethod(m), TestRuntimes.SERVICES));
  }

  /** The Wasm runtime on an executor; genesis is built with the code of {@code spec}. */
  public static WasmRuntimeUnderTest runtime(WasmExecutionMethod method, int spec) {
    return new WasmRuntimeUnderTest(
        "wasm-" + method.name().toLowerCase(java.util.Locale.ROOT),
        executor(method),
        TestRuntimes.SERVICES,
        compressed(spec));
  }
}
