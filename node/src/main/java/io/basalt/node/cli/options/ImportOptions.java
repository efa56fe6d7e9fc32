/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ImportConfig;
import io.basalt.node.runtime.Runtimes;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * How blocks and runtime calls are executed (sc-cli's ImportParams, plus Substrate's {@code
 * --enable-offchain-indexing}).
 */
public final class ImportOptions {

  @Option(
      names = "--wasm-execution",
      paramLabel = "METHOD",
      converter = MethodConverter.class,
      description =
          "How to run Wasm: compiled (default; compiled once per runtime, cached on disk) or"
              + " interpreted-i-know-what-i-do (no compile time, much slower calls).")
  private WasmExecutionMethod wasmExecution = WasmExecutionMethod.COMPILED;

  @Option(
      names = "--enable-offchain-indexing",
      paramLabel = "BOOL",
      arity = "1",
      description =
          "Persist the runtime's offchain-index writes during block import (default: false).")
  private boolean offchainIndexing;

  @Option(
      names = "--wasm-cache-dir",
      paramLabel = "PATH",
      hidden = true,
      description = "Where compiled runtimes are cached (default: <base path>/wasm-cache).")
  private Path wasmCacheDir;

  /** Parses Substrate's {@code --wasm-execution} values. */
  static final class MethodConverter implements ITypeConverter<WasmExecutionMethod> {
    @Override
    public WasmExecutionMethod convert(String value) {
      try {
        return WasmExecutionMethod.fromCliName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  public ImportConfig toConfig() {
    return new ImportConfig(
        wasmExecution,
        offchainIndexing,
        Optional.ofNullable(wasmCacheDir).map(p -> p.toAbsolutePath().normalize()));
  }

  /** The node's runtimes for these options, compiled classes cached under the base path. */
  public Runtimes runtimes(BasePath base) {
    ImportConfig config = toConfig();
    return Runtimes.create(config.wasmExecution(), Optional.of(config.wasmCacheDir(base)));
  }
}
