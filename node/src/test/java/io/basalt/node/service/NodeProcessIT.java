/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.NodeCli;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node as a real child process: long-running, stopped by signals. */
class NodeProcessIT {
  private static final String KUSAMA_GENESIS =
      "0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe";

  @Test
  void runsUntilSigtermThenClosesTheDatabaseAndExitsZero(@TempDir Path dir) throws Exception {
    Path base = dir.resolve("base");
    Path log = dir.resolve("node.log");
    String spec = Fixtures.file("chainspecs/westend.json").toString();
    Process node = start(log, "--chain", spec, "-d", base.toString(), "--name", "it-node");
    awaitLine(node, log, "📦 Highest known block at #0", Duration.ofSeconds(60));
    assertThat(node.isAlive()).isTrue();

    node.destroy(); // SIGTERM
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(node.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("📋 Chain specification: Westend")
        .contains("🏷  Node name: it-node")
        .contains("👤 Role: FULL")
        .contains(
            "🔨 Initializing Genesis block/state (state: 0x7e92…746f, header-hash: 0xe143…423e)")
        .contains("Shutting down");

    // The database was closed cleanly: it opens again and holds the chain.
    NodeCli info = NodeCli.run("chain-info", "--chain", spec, "-d", base.toString());
    assertThat(info.exitCode()).as(info.err()).isZero();
    assertThat(info.out())
        .contains("0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e");
  }

  @Test
  void sigtermDuringGenesisCreationNeverLeavesAHalfWrittenGenesis(@TempDir Path dir)
      throws Exception {
    String spec = Fixtures.file("chainspecs/kusama.json").toString();
    for (int delayMillis : new int[] {300, 700, 1100, 1500, 2000}) {
      Path base = dir.resolve("base-" + delayMillis);
      Process node =
          start(dir.resolve("log-" + delayMillis), "--chain", spec, "-d", base.toString());
      Thread.sleep(delayMillis);
      node.destroy();
      assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();

      NodeCli info = NodeCli.run("chain-info", "--chain", spec, "-d", base.toString());
      assertThat(info.exitCode())
          .as("after SIGTERM at %d ms: %s", delayMillis, info.err())
          .isZero();
      assertThat(info.out()).contains("\"genesis_hash\":\"" + KUSAMA_GENESIS + "\"");
    }
  }

  private static Process start(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("io.basalt.node.Main");
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void awaitLine(Process node, Path log, String line, Duration timeout)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
        return;
      }
      if (!node.isAlive()) {
        throw new AssertionError(
            "node exited early:\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
      Thread.sleep(100);
    }
    node.destroyForcibly();
    throw new AssertionError("timed out waiting for \"" + line + "\":\n" + Files.readString(log));
  }
}
