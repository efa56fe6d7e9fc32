/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.runtime;

import io.basalt.executor.ExecutorConfig;
import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.code.RuntimeBlobCache;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.RuntimeVersion;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The node's runtime execution: one {@link RuntimeExecutor} configured from the command line
 * ({@code --wasm-execution}, the compilation cache under the base path) with the node's host
 * services, and the parsed runtime blobs, cached by code hash so that importing block after block
 * with the same {@code :code} neither decompresses nor rehashes it.
 *
 * <p>Host services: the storage trie backs {@code ext_trie_*}; signatures are verified by Basalt's
 * own crypto. Block import gets no keystore (as in Substrate, runtimes cannot use node keys while
 * importing); authoring and offchain workers add one.
 *
 * <pre>{@code
 * try (Runtimes runtimes = Runtimes.create(WasmExecutionMethod.COMPILED, Optional.of(cacheDir))) {
 *   RuntimeBlob blob = runtimes.blob(code);
 *   RuntimeVersion version = runtimes.version(blob);
 * }
 * }</pre>
 */
public final class Runtimes implements AutoCloseable {
  private final RuntimeExecutor executor;
  private final RuntimeBlobCache blobs = new RuntimeBlobCache();

  private Runtimes(RuntimeExecutor executor) {
    this.executor = executor;
  }

  /**
   * Runtimes executed with the given method, compiled classes cached in {@code cacheDir}.
   *
   * @param cacheDir the disk compilation cache (compiled mode); empty: none
   */
  public static Runtimes create(WasmExecutionMethod method, Optional<Path> cacheDir) {
    return create(method, cacheDir, services());
  }

  /** Runtimes with explicit host services (tests, tools). */
  public static Runtimes create(
      WasmExecutionMethod method, Optional<Path> cacheDir, HostServices services) {
    ExecutorConfig config = ExecutorConfig.defaults().withMethod(method);
    if (cacheDir.isPresent()) {
      config = config.withCompilationCache(cacheDir.get());
    }
    return new Runtimes(new RuntimeExecutor(config, services));
  }

  /** The host services the node provides to runtimes. */
  public static HostServices services() {
    return HostServices.standard();
  }

  public RuntimeExecutor executor() {
    return executor;
  }

  /**
   * The parsed runtime for a {@code :code} value: cached, so a value seen recently costs one
   * comparison.
   *
   * @throws InvalidRuntimeCodeException if the code is not usable (not Wasm, a compression bomb…)
   */
  public RuntimeBlob blob(Bytes code) {
    return blobs.blob(code);
  }

  /**
   * The runtime's version: embedded, or from {@code Core_version} (cached per code hash).
   *
   * @throws InvalidRuntimeCodeException if the runtime cannot report a version
   * @throws io.basalt.executor.vm.RuntimeTrapException if {@code Core_version} traps
   */
  public RuntimeVersion version(RuntimeBlob blob) {
    return executor.version(blob);
  }

  @Override
  public void close() {
    executor.close();
  }
}
