/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import static io.basalt.node.NodeProcess.awaitLine;
import static io.basalt.node.NodeProcess.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.NodeCli;
import io.basalt.node.NodeProcess;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node as a real child process: long-running, stopped by signals, killed mid-genesis. */
class NodeProcessIT {
  private static final String KUSAMA_GENESIS =
      "0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe";
  private static final String WESTEND_GENESIS =
      "0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e";
  private static final Duration START = Duration.ofSeconds(60);

  // Log lines that bracket genesis creation: the banner ends, genesis is built and committed.
  private static final String BANNER_DONE = "👤 Role: FULL";
  private static final String DATABASE_OPEN = "💾 Database: RocksDb at ";
  private static final String GENESIS_DONE = "🔨 Initializing Genesis block/state";
  private static final String RUNNING = "📦 Highest known block at #0";
  private static final String SIGNAL_SEEN = "DEBUG ShutdownSignal: shutdown requested by a signal";
  private static final String SIGNAL_LOG = "-lio.basalt.node.service.ShutdownSignal=debug";

  @Test
  void runsUntilSigtermThenClosesTheDatabaseAndExitsZero(@TempDir Path dir) throws Exception {
    Path base = dir.resolve("base");
    Path log = dir.resolve("node.log");
    String spec = Fixtures.file("chainspecs/westend.json").toString();
    Process node =
        NodeProcess.start(log, "--chain", spec, "-d", base.toString(), "--name", "it-node");
    awaitLine(node, log, RUNNING, START);
    assertThat(node.isAlive()).isTrue();

    // Another process may not purge the database under the running node.
    NodeCli purge = NodeCli.run("purge-chain", "--chain", spec, "-d", base.toString(), "-y");
    assertThat(purge.exitCode()).isEqualTo(1);
    assertThat(purge.err()).startsWith("Error: the database at ").contains(" is in use ");
    assertThat(base.resolve("chains/westend2/db/full/CURRENT")).isRegularFile();

    node.destroy(); // SIGTERM
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = read(log);
    assertThat(node.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("📋 Chain specification: Westend")
        .contains("🏷  Node name: it-node")
        .contains("👤 Role: FULL")
        .contains(
            "🔨 Initializing Genesis block/state (state: 0x7e92…746f, header-hash: 0xe143…423e)")
        .contains("Shutting down");
    assertReopensWithGenesis(spec, base, WESTEND_GENESIS);
  }

  @Test
  void sigintStopsTheNodeInOrderAsCtrlCDoes(@TempDir Path dir) throws Exception {
    // A JVM keeps SIGINT ignored if it inherited it so (a background job of a non-interactive
    // shell): reset it to the default, as a terminal's Ctrl-C would find it.
    List<String> defaultSigint = List.of("env", "--default-signal=INT");
    Assumptions.assumeTrue(
        new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0,
        "env --default-signal (GNU coreutils >= 8.31) is needed to give the node a default SIGINT");
    Path base = dir.resolve("base");
    Path log = dir.resolve("node.log");
    String spec = Fixtures.file("chainspecs/westend.json").toString();
    Process node = NodeProcess.start(defaultSigint, log, "--chain", spec, "-d", base.toString());
    awaitLine(node, log, RUNNING, START);
    assertThat(ignoresSigint(node.pid())).as("the node ignores SIGINT").isFalse();

    assertThat(new ProcessBuilder("kill", "-INT", Long.toString(node.pid())).start().waitFor())
        .isZero();
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = read(log);
    assertThat(node.exitValue()).as(output).isZero();
    assertThat(output).contains("Shutting down");
    assertReopensWithGenesis(spec, base, WESTEND_GENESIS);
  }

  @Test
  void sigtermDuringGenesisCreationFinishesTheGenesisCommitThenExitsZero(@TempDir Path dir)
      throws Exception {
    String spec = Fixtures.file("chainspecs/kusama.json").toString();
    // After the banner the node builds the genesis state (about half a second for Kusama), opens
    // the database and commits genesis in one batch. Signal right after the banner, after the
    // database line (while committing) and once genesis is done.
    List<String> landedDuringGenesis = new ArrayList<>();
    List<Moment> moments =
        List.of(
            new Moment(BANNER_DONE, 0),
            new Moment(DATABASE_OPEN, 0),
            new Moment(DATABASE_OPEN, 30),
            new Moment(GENESIS_DONE, 100));
    for (Moment moment : moments) {
      String name = moment.name();
      Path base = dir.resolve("base-" + moments.indexOf(moment));
      Path log = dir.resolve("log-" + moments.indexOf(moment));
      Process node = NodeProcess.start(log, "--chain", spec, "-d", base.toString(), SIGNAL_LOG);
      moment.await(node, log);
      node.destroy(); // SIGTERM
      assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String output = read(log);
      // The shutdown hook waited for the node: genesis complete, database closed, exit code 0.
      assertThat(node.exitValue()).as("%s: exit code\n%s", name, output).isZero();
      assertThat(output)
          .as(name)
          .containsSubsequence(BANNER_DONE, GENESIS_DONE, "Shutting down")
          .contains(SIGNAL_SEEN);
      if (output.indexOf(SIGNAL_SEEN) < output.indexOf(GENESIS_DONE)) {
        landedDuringGenesis.add(name);
      }
      assertReopensWithGenesis(spec, base, KUSAMA_GENESIS);
    }
    assertThat(landedDuringGenesis).as("signals that arrived during genesis").contains("👤+0ms");
    assertThat(landedDuringGenesis)
        .as("a signal once genesis was done")
        .doesNotContain(new Moment(GENESIS_DONE, 100).name());
  }

  @Test
  void sigkillDuringGenesisCreationLeavesABasePathTheNextStartCompletes(@TempDir Path dir)
      throws Exception {
    String spec = Fixtures.file("chainspecs/kusama.json").toString();
    List<String> killedBeforeGenesisWasReported = new ArrayList<>();
    List<String> killedWhileCommitting = new ArrayList<>();
    List<Moment> kills = new ArrayList<>();
    for (int delay = 0; delay <= 1000; delay += 200) {
      kills.add(new Moment(BANNER_DONE, delay));
    }
    for (int delay = 0; delay <= 60; delay += 20) {
      kills.add(new Moment(DATABASE_OPEN, delay));
    }
    for (Moment kill : kills) {
      String name = kill.name();
      Path base = dir.resolve("base-" + kills.indexOf(kill));
      Path log = dir.resolve("log-" + kills.indexOf(kill));
      Process node = NodeProcess.start(log, "--chain", spec, "-d", base.toString());
      kill.await(node, log);
      node.destroyForcibly(); // SIGKILL: no hook, no cleanup
      assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String output = read(log);
      if (!output.contains(GENESIS_DONE)) {
        killedBeforeGenesisWasReported.add(name);
        if (output.contains(DATABASE_OPEN)) {
          killedWhileCommitting.add(name);
        }
      }
      assertThat(node.exitValue()).as("%s: killed by SIGKILL\n%s", name, output).isEqualTo(137);
      // Whatever the kill left, the next start creates or finds exactly the spec's genesis.
      NodeCli info = NodeCli.run("chain-info", "--chain", spec, "-d", base.toString());
      assertThat(info.exitCode()).as("next start after %s: %s", name, info.err()).isZero();
      assertThat(info.out()).contains("\"genesis_hash\":\"" + KUSAMA_GENESIS + "\"");
    }
    // The kills did land while genesis was being created (before it was reported committed),
    // some of them after the database was opened, while the genesis batch was being written.
    assertThat(killedBeforeGenesisWasReported)
        .as("kills before the genesis commit was reported")
        .contains("👤+0ms")
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(killedWhileCommitting).as("kills after the database was opened").isNotEmpty();
  }

  /** A moment in the node's start: some milliseconds after it logged a line. */
  private record Moment(String afterLine, int delayMillis) {
    String name() {
      return afterLine.substring(0, 2) + "+" + delayMillis + "ms";
    }

    void await(Process node, Path log) throws IOException, InterruptedException {
      awaitLine(node, log, afterLine, START);
      Thread.sleep(delayMillis);
    }
  }

  private static void assertReopensWithGenesis(String spec, Path base, String genesis) {
    NodeCli info = NodeCli.run("chain-info", "--chain", spec, "-d", base.toString());
    assertThat(info.exitCode()).as(info.err()).isZero();
    assertThat(info.out()).contains("\"genesis_hash\":\"" + genesis + "\"");
  }

  /** Whether SIGINT is in the process's ignored-signal mask (Linux {@code /proc}). */
  private static boolean ignoresSigint(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
        return (mask & (1L << (2 - 1))) != 0; // SIGINT is signal 2: bit 1
      }
    }
    throw new AssertionError("no SigIgn line in /proc/" + pid + "/status");
  }
}
