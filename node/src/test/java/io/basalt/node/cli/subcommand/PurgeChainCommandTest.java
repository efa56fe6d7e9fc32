/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpecParser;
import io.basalt.node.NodeCli;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.testsupport.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code purge-chain}: sc-cli's prompt and messages; only the database goes, and never in use. */
@ResourceLock("java.lang.System.in")
class PurgeChainCommandTest {
  @TempDir Path base;
  private String spec;
  private Path chainDir;
  private Path db;

  @BeforeEach
  void createChain() {
    Path specFile = Fixtures.file("chainspecs/node-template-local.json");
    spec = specFile.toString();
    chainDir = base.resolve("chains").resolve(ChainSpecParser.parse(specFile).id());
    db = chainDir.resolve("db");
  }

  @Test
  void yesRemovesTheDatabaseAndKeepsTheKeystore() throws IOException {
    NodeCli created = NodeCli.run("chain-info", "--chain", spec, "-d", base.toString());
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(db.resolve("full").resolve("CURRENT")).isRegularFile();
    Path key = Files.createDirectories(chainDir.resolve("keystore")).resolve("61757261d435");
    Files.writeString(key, "\"//Alice\"");

    NodeCli purge = NodeCli.run("purge-chain", "--chain", spec, "-d", base.toString(), "-y");

    assertThat(purge.exitCode()).as(purge.err()).isZero();
    assertThat(purge.out()).isEqualTo("\"" + db + "\" removed.\n");
    assertThat(purge.err()).isEmpty();
    assertThat(db).doesNotExist();
    assertThat(key).hasContent("\"//Alice\"");
    // The chain starts afresh on the purged base path.
    NodeCli again = NodeCli.run("chain-info", "--chain", spec, "-d", base.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
  }

  @ParameterizedTest(name = "answer \"{0}\"")
  @ValueSource(strings = {"n\n", "\n", "", "no\n", " N\n", "ok\n"})
  void anythingButYesKeepsTheDatabase(String answer) {
    createDatabase();
    NodeCli purge = withStdin(answer, "purge-chain", "--chain", spec, "-d", base.toString());
    assertThat(purge.exitCode()).as(purge.err()).isZero();
    assertThat(purge.out()).isEqualTo("Are you sure to remove \"" + db + "\"? [y/N]: Aborted\n");
    assertThat(db.resolve("full").resolve("CURRENT")).isRegularFile();
  }

  @ParameterizedTest(name = "answer \"{0}\"")
  @ValueSource(strings = {"y\n", "Y\n", "  yes  \n"})
  void answeringYesRemovesTheDatabase(String answer) {
    createDatabase();
    NodeCli purge = withStdin(answer, "purge-chain", "--chain", spec, "-d", base.toString());
    assertThat(purge.exitCode()).as(purge.err()).isZero();
    assertThat(purge.out())
        .isEqualTo("Are you sure to remove \"" + db + "\"? [y/N]: \"" + db + "\" removed.\n");
    assertThat(db).doesNotExist();
  }

  @Test
  void aMissingDatabaseIsReportedAsSubstrateDoes() {
    NodeCli purge = NodeCli.run("purge-chain", "--chain", spec, "-d", base.toString(), "-y");
    assertThat(purge.exitCode()).isZero();
    assertThat(purge.out()).isEmpty();
    assertThat(purge.err()).isEqualTo("\"" + db + "\" did not exist.\n");
    assertThat(base.resolve("chains")).doesNotExist();
  }

  @Test
  void theDatabaseOfARunningNodeIsNotRemoved() {
    try (ChainDatabase running = ChainDatabase.open(db.resolve("full"))) {
      NodeCli purge = NodeCli.run("purge-chain", "--chain", spec, "-d", base.toString(), "-y");
      assertThat(purge.exitCode()).isEqualTo(1);
      assertThat(purge.err())
          .isEqualTo(
              "Error: the database at "
                  + db
                  + " is in use (is a node running with this base path?); stop it before"
                  + " purging\n");
      assertThat(purge.out()).isEmpty();
      assertThat(db.resolve("full").resolve("CURRENT")).isRegularFile();
      assertThat(running.blocks().genesisHash()).isEmpty(); // still open and readable
    }
  }

  @Test
  void tmpIsRefusedAndCreatesNothing() {
    NodeCli purge = NodeCli.run("purge-chain", "--chain", spec, "--tmp", "-y");
    assertThat(purge.exitCode()).isEqualTo(1);
    assertThat(purge.err())
        .isEqualTo(
            "Error: --tmp cannot be used with purge-chain: a temporary base path holds no chain;"
                + " pass the base path to purge with -d/--base-path\n");
  }

  @Test
  void devWithoutBasePathPurgesAFreshTemporaryFolderAndDeletesIt() {
    NodeCli purge = NodeCli.run("purge-chain", "--dev", "-y");
    assertThat(purge.exitCode()).as(purge.err()).isZero();
    assertThat(purge.err()).startsWith("\"").endsWith("/chains/dev/db\" did not exist.\n");
    Path reported = Path.of(purge.err().substring(1, purge.err().indexOf("\" did not exist.")));
    Path temporaryBase = reported.getParent().getParent().getParent();
    assertThat(temporaryBase.getFileName().toString()).startsWith("basalt");
    assertThat(temporaryBase).doesNotExist();
  }

  private void createDatabase() {
    ChainDatabase.open(db.resolve("full")).close();
  }

  private static NodeCli withStdin(String input, String... args) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return NodeCli.run(args);
    } finally {
      System.setIn(original);
    }
  }
}
