/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionStrategies;
import io.basalt.executor.strategy.ExecutionStrategy;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.NodeCli;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ConflictingOptionsException;
import io.basalt.node.config.ImportConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

class ImportOptionsTest {
  @Command(name = "probe")
  static final class Probe implements Runnable {
    @ArgGroup(validate = false)
    ImportOptions options = new ImportOptions();

    @Override
    public void run() {}
  }

  static ImportConfig parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.options.toConfig();
  }

  @Test
  void defaultsAreCompiledWithoutIndexingAndTheCacheUnderTheBasePath() {
    ImportConfig config = parse();
    assertThat(config).isEqualTo(ImportConfig.defaults());
    assertThat(config.wasmCacheDir(new BasePath(Path.of("/data"), false)))
        .isEqualTo(Path.of("/data/wasm-cache"));
  }

  @Test
  void substrateFlagsRoundTrip() {
    ImportConfig config =
        parse(
            "--wasm-execution",
            "Interpreted-I-Know-What-I-Do",
            "--enable-offchain-indexing",
            "true",
            "--wasm-cache-dir",
            "/tmp/cache",
            "--execution-syncing",
            "wasm",
            "--execution-other",
            "BOTH",
            "--wasm-runtime-overrides",
            "/tmp/overrides",
            "--runtime-cache-size",
            "5");
    assertThat(config)
        .isEqualTo(
            new ImportConfig(
                WasmExecutionMethod.INTERPRETED,
                true,
                Optional.of(Path.of("/tmp/cache")),
                Map.of(
                    ExecutionContext.SYNCING,
                    ExecutionStrategy.ALWAYS_WASM,
                    ExecutionContext.OTHER,
                    ExecutionStrategy.BOTH),
                Optional.of(Path.of("/tmp/overrides")),
                5));
  }

  @Test
  void theDefaultStrategiesAreSubstratesAndAValidatorImportsInWasm() {
    ExecutionStrategies full = parse().strategies(false);
    assertThat(full.byContext())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ExecutionContext.SYNCING, ExecutionStrategy.NATIVE_ELSE_WASM,
                ExecutionContext.IMPORTING, ExecutionStrategy.NATIVE_ELSE_WASM,
                ExecutionContext.BLOCK_CONSTRUCTION, ExecutionStrategy.ALWAYS_WASM,
                ExecutionContext.OFFCHAIN_WORKER, ExecutionStrategy.NATIVE_WHEN_POSSIBLE,
                ExecutionContext.OTHER, ExecutionStrategy.NATIVE_WHEN_POSSIBLE));
    ExecutionStrategies validator = parse().strategies(true);
    assertThat(validator.of(ExecutionContext.IMPORTING)).isEqualTo(ExecutionStrategy.ALWAYS_WASM);
    assertThat(validator.of(ExecutionContext.SYNCING))
        .isEqualTo(ExecutionStrategy.NATIVE_ELSE_WASM);
    // An explicit flag wins over the validator default.
    assertThat(
            parse("--execution-import-block", "Native")
                .strategies(true)
                .of(ExecutionContext.IMPORTING))
        .isEqualTo(ExecutionStrategy.NATIVE_WHEN_POSSIBLE);
  }

  @Test
  void executionSetsEveryContextAndIsRefusedWithASpecificFlag() {
    ExecutionStrategies all = parse("--execution", "nativeelsewasm").strategies(true);
    assertThat(all.byContext().values()).containsOnly(ExecutionStrategy.NATIVE_ELSE_WASM);
    for (String flag :
        new String[] {
          "--execution-syncing",
          "--execution-import-block",
          "--execution-block-construction",
          "--execution-offchain-worker",
          "--execution-other"
        }) {
      assertThatThrownBy(() -> parse("--execution", "Wasm", flag, "Native"))
          .isInstanceOf(ConflictingOptionsException.class)
          .hasMessage(
              "the argument '--execution <STRATEGY>' cannot be used with '"
                  + flag
                  + " <STRATEGY>'");
    }
  }

  @Test
  void executionWithASpecificFlagIsAUsageError(@TempDir Path dir) {
    NodeCli both =
        NodeCli.run(
            "import-blocks",
            "--chain",
            "dev",
            "-d",
            dir.toString(),
            "--execution",
            "Wasm",
            "--execution-other",
            "Native",
            "-");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err().lines())
        .containsExactly(
            "Error: the argument '--execution <STRATEGY>' cannot be used with"
                + " '--execution-other <STRATEGY>'",
            "For more information, try '--help'.");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void anUnknownStrategyIsAUsageErrorNamingTheValues() {
    NodeCli bad = NodeCli.run("import-blocks", "--execution", "Fast");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .contains("invalid value 'Fast' [possible values: Native, Wasm, Both, NativeElseWasm]");
  }

  @Test
  void badValuesAreUsageErrors() {
    NodeCli method = NodeCli.run("import-blocks", "--wasm-execution", "jit");
    assertThat(method.exitCode()).isEqualTo(2);
    assertThat(method.err())
        .contains(
            "unknown --wasm-execution value 'jit'; expected one of compiled, interpreted-i-know-what-i-do");
    NodeCli indexing = NodeCli.run("import-blocks", "--enable-offchain-indexing", "maybe");
    assertThat(indexing.exitCode()).isEqualTo(2);
    assertThat(indexing.err()).contains("--enable-offchain-indexing");
  }
}
