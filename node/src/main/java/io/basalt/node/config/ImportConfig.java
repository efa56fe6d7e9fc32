/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.config;

import io.basalt.executor.vm.WasmExecutionMethod;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How blocks are executed and imported.
 *
 * @param wasmExecution compiled (default) or interpreted Wasm ({@code --wasm-execution})
 * @param offchainIndexing whether {@code ext_offchain_index_*} writes are persisted ({@code
 *     --enable-offchain-indexing}, default false)
 * @param wasmCacheDir where compiled runtimes are kept across restarts; empty: {@code
 *     <base>/wasm-cache}
 */
public record ImportConfig(
    WasmExecutionMethod wasmExecution, boolean offchainIndexing, Optional<Path> wasmCacheDir) {
  /** Compiled Wasm, no offchain indexing, the cache under the base path. */
  public static ImportConfig defaults() {
    return new ImportConfig(WasmExecutionMethod.COMPILED, false, Optional.empty());
  }

  /** The compilation cache directory for a base path. */
  public Path wasmCacheDir(BasePath base) {
    return wasmCacheDir.orElseGet(() -> base.root().resolve("wasm-cache"));
  }
}
