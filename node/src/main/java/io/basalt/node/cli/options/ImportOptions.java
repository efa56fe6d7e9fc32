/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionStrategy;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ConflictingOptionsException;
import io.basalt.node.config.ImportConfig;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
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
      names = "--execution-syncing",
      paramLabel = "STRATEGY",
      converter = StrategyConverter.class,
      description =
          "The execution strategy for importing blocks during initial sync: Native, Wasm, Both or"
              + " NativeElseWasm (default: NativeElseWasm).")
  private ExecutionStrategy executionSyncing;

  @Option(
      names = "--execution-import-block",
      paramLabel = "STRATEGY",
      converter = StrategyConverter.class,
      description =
          "The execution strategy for importing general blocks (default: NativeElseWasm; Wasm on"
              + " a validator).")
  private ExecutionStrategy executionImportBlock;

  @Option(
      names = "--execution-block-construction",
      paramLabel = "STRATEGY",
      converter = StrategyConverter.class,
      description = "The execution strategy for constructing blocks (default: Wasm).")
  private ExecutionStrategy executionBlockConstruction;

  @Option(
      names = "--execution-offchain-worker",
      paramLabel = "STRATEGY",
      converter = StrategyConverter.class,
      description = "The execution strategy for offchain workers (default: Native).")
  private ExecutionStrategy executionOffchainWorker;

  @Option(
      names = "--execution-other",
      paramLabel = "STRATEGY",
      converter = StrategyConverter.class,
      description =
          "The execution strategy for everything else, e.g. RPC calls and transaction validation"
              + " (default: Native).")
  private ExecutionStrategy executionOther;

  @Option(
      names = "--execution",
      paramLabel = "STRATEGY",
      converter = StrategyConverter.class,
      description =
          "The execution strategy for all contexts; cannot be combined with the --execution-*"
              + " options.")
  private ExecutionStrategy execution;

  @Option(
      names = "--wasm-runtime-overrides",
      paramLabel = "PATH",
      description =
          "A directory of Wasm runtimes that override the on-chain runtime with the same"
              + " spec_version (and spec_name).")
  private Path wasmRuntimeOverrides;

  @Option(
      names = "--runtime-cache-size",
      paramLabel = "N",
      description = "How many runtimes to keep compiled in memory (default: 2).")
  private int runtimeCacheSize = ImportConfig.DEFAULT_RUNTIME_CACHE_SIZE;

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

  /** Parses Substrate's {@code --execution*} values, ignoring case. */
  static final class StrategyConverter implements ITypeConverter<ExecutionStrategy> {
    @Override
    public ExecutionStrategy convert(String value) {
      try {
        return ExecutionStrategy.fromCliName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /**
   * The configuration these options give.
   *
   * @throws ConflictingOptionsException if {@code --execution} is combined with a specific {@code
   *     --execution-*} option
   */
  public ImportConfig toConfig() {
    EnumMap<ExecutionContext, ExecutionStrategy> strategies = new EnumMap<>(ExecutionContext.class);
    put(strategies, ExecutionContext.SYNCING, executionSyncing);
    put(strategies, ExecutionContext.IMPORTING, executionImportBlock);
    put(strategies, ExecutionContext.BLOCK_CONSTRUCTION, executionBlockConstruction);
    put(strategies, ExecutionContext.OFFCHAIN_WORKER, executionOffchainWorker);
    put(strategies, ExecutionContext.OTHER, executionOther);
    if (execution != null) {
      if (!strategies.isEmpty()) {
        throw new ConflictingOptionsException(
            "--execution <STRATEGY>",
            "--execution-"
                + SPECIFIC_FLAGS.get(strategies.keySet().iterator().next())
                + " <STRATEGY>");
      }
      for (ExecutionContext c : ExecutionContext.values()) {
        strategies.put(c, execution);
      }
    }
    return new ImportConfig(
        wasmExecution,
        offchainIndexing,
        Optional.ofNullable(wasmCacheDir).map(p -> p.toAbsolutePath().normalize()),
        strategies,
        Optional.ofNullable(wasmRuntimeOverrides).map(p -> p.toAbsolutePath().normalize()),
        runtimeCacheSize);
  }

  private static final Map<ExecutionContext, String> SPECIFIC_FLAGS =
      Map.of(
          ExecutionContext.SYNCING, "syncing",
          ExecutionContext.IMPORTING, "import-block",
          ExecutionContext.BLOCK_CONSTRUCTION, "block-construction",
          ExecutionContext.OFFCHAIN_WORKER, "offchain-worker",
          ExecutionContext.OTHER, "other");

  private static void put(
      Map<ExecutionContext, ExecutionStrategy> m, ExecutionContext c, ExecutionStrategy s) {
    if (s != null) {
      m.put(c, s);
    }
  }

  /**
   * The node's runtimes for these options, compiled classes cached under the base path, code
   * resolved through {@code --wasm-runtime-overrides} and {@code codeSubstitutes}.
   *
   * @param codeSubstitutes the chain spec's code substitutes (none for a lone Wasm file)
   * @throws io.basalt.node.failure.UserFacingException if an override or substitute is unusable
   *     (before any database is opened)
   */
  public Runtimes runtimes(BasePath base, Map<Long, Bytes> codeSubstitutes) {
    return Runtimes.forNode(toConfig(), base, false, codeSubstitutes, Runtimes.Listeners.NONE);
  }
}
