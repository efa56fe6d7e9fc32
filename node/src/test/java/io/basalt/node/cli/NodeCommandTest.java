/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.node.authoring.StartOverrides;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.service.NodeConfig;
import io.basalt.testsupport.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** How the run command folds its options: roles and names as sc-cli's RunCmd decides them. */
class NodeCommandTest {
  @TempDir Path base;

  private NodeConfig fold(String... args) {
    CommandLine cli = NodeCommand.commandLine();
    cli.parseArgs(args);
    NodeConfig config = ((NodeCommand) cli.getCommand()).toConfig();
    config.basePath().deleteIfTemporary();
    return config;
  }

  @Test
  void aDevAccountFlagMakesAnAuthorityNamedAfterTheAccount() {
    for (String account : new String[] {"Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"}) {
      NodeConfig config =
          fold(
              "--chain",
              "dev",
              "-d",
              base.toString(),
              "--" + account.toLowerCase(java.util.Locale.ROOT));
      assertThat(config.validator()).as(account).isTrue();
      assertThat(config.nodeName()).contains(account);
      assertThat(config.keystore().devAccount()).contains(account);
    }
  }

  @Test
  void anExplicitNameWinsOverTheAccountName() {
    NodeConfig config = fold("--chain", "dev", "-d", base.toString(), "--bob", "--name", "b1");
    assertThat(config.nodeName()).contains("b1");
    assertThat(config.validator()).isTrue();
  }

  @Test
  void devImpliesAliceAndAuthorityButNotTheName() {
    NodeConfig config = fold("--dev");
    assertThat(config.validator()).isTrue();
    assertThat(config.keystore().devAccount()).contains("Alice");
    assertThat(config.nodeName()).isEmpty();
    assertThat(config.basePath().temporary()).isTrue();
  }

  @Test
  void withoutThoseFlagsTheNodeIsAFullNodeUnlessValidator() {
    NodeConfig full = fold("--chain", "dev", "-d", base.toString());
    assertThat(full.validator()).isFalse();
    assertThat(full.keystore().devAccount()).isEmpty();
    assertThat(full.nodeName()).isEqualTo(Optional.empty());
    assertThat(fold("--chain", "dev", "-d", base.toString(), "--validator").validator()).isTrue();
  }

  @Test
  void rehearsalFlagsFoldIntoStartOverridesAndARuntimeLogDirective() throws Exception {
    Path v101 = ProjectFiles.file("runtime-wasm/blobs/basalt_demo_v101.wasm");
    Path values = Files.writeString(base.resolve("values.yaml"), "Template:\n  Value: 7\n");
    NodeConfig config =
        fold(
            "--dev",
            "-l",
            "runtime=off",
            "--wasm-override",
            v101.toString(),
            "--import-storage",
            values.toString(),
            "--runtime-log-level",
            "4");
    assertThat(config.startOverrides().code().orElseThrow().file()).isEqualTo(v101);
    assertThat(
            config.startOverrides().storage().orElseThrow().values().at("/Template/Value").asInt())
        .isEqualTo(7);
    // After -l, so system_resetLogFilter restores the flag's level too.
    assertThat(config.logDirectives()).containsExactly("runtime=off", "runtime=debug");
    assertThat(fold("--dev").startOverrides().isEmpty()).isTrue();
  }

  @Test
  void overridesAtStartNeedANodeThatMakesBlocks() throws Exception {
    Path values = Files.writeString(base.resolve("values.json"), "{}");
    assertThatThrownBy(
            () ->
                fold(
                    "--chain", "dev", "-d", base.toString(), "--import-storage", values.toString()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(StartOverrides.NEEDS_BLOCK_PRODUCTION);
    assertThat(
            fold(
                    "--chain",
                    "dev",
                    "-d",
                    base.toString(),
                    "--consensus",
                    "manual",
                    "--import-storage",
                    values.toString())
                .startOverrides()
                .storage())
        .isPresent();
  }
}
