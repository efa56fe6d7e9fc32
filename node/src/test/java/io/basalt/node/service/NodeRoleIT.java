/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.LogCapture;
import io.basalt.node.cli.NodeCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The start-up banner names the role and the node as Substrate's does: a dev account flag makes an
 * authority named after the account. The node runs in-process on the built-in dev chain (real
 * genesis, RocksDB in a temp dir) with its shutdown already requested, so it stops after the
 * banner.
 */
class NodeRoleIT {
  private static LogCapture.Captured<Integer> start(String... args) {
    CommandLine cli = NodeCommand.commandLine();
    cli.parseArgs(args);
    NodeConfig config = ((NodeCommand) cli.getCommand()).toConfig();
    ShutdownSignal shutdown = new ShutdownSignal();
    shutdown.request();
    return LogCapture.run(() -> NodeLauncher.run(config, shutdown));
  }

  @Test
  void aDevAccountFlagStartsAnAuthorityWithThatAccountsKeysAndName(@TempDir Path base) {
    LogCapture.Captured<Integer> run = start("--chain", "dev", "-d", base.toString(), "--bob");
    assertThat(run.result()).isZero();
    assertThat(run.lines())
        .contains("👤 Role: AUTHORITY", "🏷  Node name: Bob")
        .anySatisfy(line -> assertThat(line).startsWith("🔑 Dev keys of //Bob"));
  }

  @Test
  void withoutOneTheNodeIsAFullNode(@TempDir Path base) {
    LogCapture.Captured<Integer> run = start("--chain", "dev", "-d", base.toString());
    assertThat(run.result()).isZero();
    assertThat(run.lines())
        .contains("👤 Role: FULL")
        .noneSatisfy(line -> assertThat(line).startsWith("🔑 Dev keys"));
  }
}
