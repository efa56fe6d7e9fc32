/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.executor.ExecutorConfig;
import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.testsupport.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed Wasm blobs of the Rust twin ({@code runtime-wasm/blobs/}), and executors to run
 * them. {@code -Dbasalt.wasm.blobs=DIR} points elsewhere (e.g. a fresh {@code
 * runtime-wasm/build.sh} output).
 */
public final class WasmCode {
  private static final Map<WasmExecutionMethod, RuntimeExecutor> EXECUTORS =
      new ConcurrentHashMap<>();

  private WasmCode() {}

  /** The on-chain (zstd-compressed) code of a spec version. */
  public static Bytes compressed(int spec) {
    return file("basalt_demo_v" + spec + ".compact.compressed.wasm");
  }

  /** The plain Wasm module of a spec version. */
  public static Bytes plain(int spec) {
    return file("basalt_demo_v" + spec + ".wasm");
  }

  /**
   * A file of the blobs folder, e.g. {@code SHA256SUMS} or {@code basalt_demo_v100.digest.json}.
   */
  public static Bytes file(String name) {
    String configured = System.getProperty("basalt.wasm.blobs");
    Path file =
        configured == null
            ? ProjectFiles.file("runtime-wasm/blobs/" + name)
            : Path.of(configured).resolve(name);
    try {
      return Bytes.wrap(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Wasm blob " + file.toAbsolutePath(), e);
    }
  }

  /** A shared executor for a Wasm execution method, with the test host services. */
  public static RuntimeExecutor executor(WasmExecutionMethod method) {
    return EXECUTORS.computeIfAbsent(
        method,
        m ->
            new RuntimeExecutor(
                // compiled means compiled from the first call: no tiered start
                ExecutorConfig.defaults().withMethod(m).withTieredStart(false),
                TestRuntimes.SERVICES));
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
