/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.NodeCli;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ImportConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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
            "/tmp/cache");
    assertThat(config)
        .isEqualTo(
            new ImportConfig(
                WasmExecutionMethod.INTERPRETED, true, Optional.of(Path.of("/tmp/cache"))));
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
