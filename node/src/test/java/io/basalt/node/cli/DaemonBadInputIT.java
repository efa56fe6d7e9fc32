/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpecParser;
import io.basalt.chainspec.InvalidChainSpecException;
import io.basalt.node.NodeProcess;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input given to the daemon ({@code node --chain BAD -d DIR}, a real process): the last line on
 * stderr is the one {@code Error:} line, exit code 1, no stack trace, nothing on stdout, no
 * database left behind. A spec that cannot be read fails before the banner; problems found while
 * building genesis or opening the database come after it, as in Substrate.
 */
class DaemonBadInputIT {
  private static final Pattern LOG_LINE =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .*");

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.basalt.node.cli.BadInputTest#badSpecs")
  void badChainSpecs(String what, String json, String expectedStart, @TempDir Path dir)
      throws Exception {
    Path spec = Files.writeString(dir.resolve("spec.json"), json);
    Path base = dir.resolve("base");
    List<String> stderr = runDaemon(dir, "--chain", spec.toString(), "-d", base.toString());
    assertEndsWithTheError(stderr, expectedStart);
    if (isUnreadableSpec(json)) {
      assertThat(stderr).as("no banner before a spec error").hasSize(1);
    }
    assertThat(base).doesNotExist();
  }

  @Test
  void missingChainSpecFile(@TempDir Path dir) throws Exception {
    Path base = dir.resolve("base");
    List<String> stderr =
        runDaemon(dir, "--chain", dir.resolve("nope.json").toString(), "-d", base.toString());
    assertEndsWithTheError(stderr, "Error: chain spec file not found: ");
    assertThat(stderr).hasSize(1);
    assertThat(base).doesNotExist();
  }

  @Test
  void basePathThatIsAFileOrUnderAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    String spec = Fixtures.file("chainspecs/node-template-local.json").toString();
    for (Path base : List.of(file, file.resolve("base"))) {
      List<String> stderr = runDaemon(dir, "--chain", spec, "-d", base.toString());
      assertEndsWithTheError(stderr, "Error: cannot create the database directory ");
      assertThat(file).hasContent("x");
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("file", "out", "err");
    }
  }

  @Test
  void wasmRuntimeOverridesThatCannotBeUsed(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing");
    Path notWasm = Files.createDirectory(dir.resolve("not-wasm"));
    Path bad = Files.writeString(notWasm.resolve("runtime.wasm"), "not a runtime");
    List<List<String>> cases =
        List.of(
            List.of(
                missing.toString(),
                "Error: --wasm-runtime-overrides: " + missing + " does not exist"),
            List.of(
                notWasm.toString(),
                "Error: --wasm-runtime-overrides: "
                    + bad
                    + " is not a runtime whose version can be"
                    + " read: "));
    for (List<String> c : cases) {
      Path base = dir.resolve("base");
      List<String> stderr =
          runDaemon(
              dir, "--chain", "dev", "-d", base.toString(), "--wasm-runtime-overrides", c.get(0));
      assertEndsWithTheError(stderr, c.get(1));
      assertThat(base.resolve("chains")).as("no database").doesNotExist();
    }
  }

  @Test
  void rehearsalFilesThatCannotBeUsed(@TempDir Path dir) throws Exception {
    Path notWasm = Files.writeString(dir.resolve("runtime.wasm"), "not a runtime");
    Path badHex = Files.writeString(dir.resolve("runtime.hex"), "0x0061736d0g");
    Path badYaml = Files.writeString(dir.resolve("values.yaml"), "System: [\n");
    List<List<String>> cases =
        List.of(
            List.of(
                "--wasm-override",
                notWasm.toString(),
                "Error: --wasm-override: " + notWasm + " is not runtime code (binary Wasm, "),
            List.of(
                "--wasm-override",
                badHex.toString(),
                "Error: --wasm-override: " + badHex + " is not valid 0x-hex: "),
            List.of(
                "--import-storage",
                badYaml.toString(),
                "Error: --import-storage: " + badYaml + " is not valid YAML (line "));
    for (List<String> c : cases) {
      Path base = dir.resolve("base");
      List<String> stderr =
          runDaemon(
              dir,
              "--chain",
              "dev",
              "-d",
              base.toString(),
              "--consensus",
              "manual",
              c.get(0),
              c.get(1));
      assertEndsWithTheError(stderr, c.get(2));
      assertThat(stderr).as("before the banner").hasSize(1);
      assertThat(base.resolve("chains")).as("no database").doesNotExist();
    }
    // A name the runtime does not have is found once the chain is open: no block is written.
    Path unknown = Files.writeString(dir.resolve("values.json"), "{\"Staking\": {\"Ledger\": []}}");
    List<String> stderr =
        runDaemon(
            dir,
            "--chain",
            "dev",
            "-d",
            dir.resolve("base").toString(),
            "--consensus",
            "manual",
            "--import-storage",
            unknown.toString());
    assertEndsWithTheError(
        stderr, "Error: --import-storage: " + unknown + ": Cannot find pallet Staking");
  }

  private static boolean isUnreadableSpec(String json) {
    try {
      ChainSpecParser.parse(json);
      return false;
    } catch (InvalidChainSpecException e) {
      return true;
    }
  }

  private static List<String> runDaemon(Path dir, String... args)
      throws IOException, InterruptedException {
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    int exitCode = NodeProcess.run(out, err, args);
    String stderr = NodeProcess.read(err);
    assertThat(exitCode).as(stderr).isEqualTo(1);
    assertThat(NodeProcess.read(out)).as("stdout").isEmpty();
    assertThat(stderr).endsWith("\n");
    return stderr.lines().toList();
  }

  private static void assertEndsWithTheError(List<String> stderr, String expectedStart) {
    assertThat(stderr.getLast()).startsWith(expectedStart);
    // Everything before the error is the node's log (the banner); no stack trace, no other error.
    assertThat(stderr.subList(0, stderr.size() - 1))
        .as("lines before the error")
        .allMatch(line -> LOG_LINE.matcher(line).matches() && !line.contains("Error"));
  }
}
