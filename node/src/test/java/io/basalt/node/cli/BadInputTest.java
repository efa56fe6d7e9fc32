/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.NodeCli;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input: one line on stderr, exit code 1, no stack trace, no database left behind. */
class BadInputTest {

  static Stream<Arguments> badSpecs() {
    return Stream.of(
        Arguments.of("invalid JSON", "{\"name\":", "Error: invalid JSON at line 1"),
        Arguments.of(
            "invalid JSON over several lines", "{\n\"name\":\n", "Error: invalid JSON at line 3"),
        Arguments.of(
            "trailing text after the JSON",
            raw("\"0x3a636f6465\":\"0x0061736d01000000\"") + " {\"x\":1} garbage",
            "Error: invalid JSON at line 1, column 108: trailing characters after the JSON value"),
        Arguments.of(
            "odd-length hex",
            raw("\"0x3a6\":\"0x00\""),
            "Error: genesis.raw.top key \"0x3a6\": odd number"),
        Arguments.of(
            "non-hex",
            raw("\"0x3a\":\"0xzz\""),
            "Error: genesis.raw.top[\"0x3a\"]: invalid hex character 'z'"),
        Arguments.of(
            "missing genesis", "{\"name\":\"x\",\"id\":\"x\"}", "Error: missing field `genesis`"),
        Arguments.of(
            "missing :code",
            raw("\"0x01\":\"0x02\""),
            "Error: the chain spec's genesis has no runtime: `:code`"),
        Arguments.of(
            "plain spec whose code is not Wasm",
            "{\"name\":\"x\",\"id\":\"x\",\"genesis\":{\"runtimeGenesis\":{\"code\":\"0x0102\",\"patch\":{}}}}",
            "Error: genesis.runtimeGenesis.code is unusable: `:code` is not a Wasm module"),
        Arguments.of(
            "plain spec with an empty module",
            "{\"name\":\"x\",\"id\":\"x\",\"genesis\":{\"runtimeGenesis\":{\"code\":\"0x0061736d01000000\",\"patch\":{}}}}",
            "Error: genesis.runtimeGenesis.code is unusable: "),
        Arguments.of(
            ":code that is not Wasm",
            raw("\"0x3a636f6465\":\"0x01020304\""),
            "Error: genesis `:code` is unusable: "));
  }

  private static String raw(String top) {
    return "{\"name\":\"x\",\"id\":\"x\",\"genesis\":{\"raw\":{\"top\":{"
        + top
        + "},\"childrenDefault\":{}}}}";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void badChainSpecsFailWithOneLine(
      String what, String json, String expectedStart, @TempDir Path dir) throws IOException {
    Path spec = dir.resolve("spec.json");
    Files.writeString(spec, json);
    Path base = dir.resolve("base");
    NodeCli result = NodeCli.run("chain-info", "--chain", spec.toString(), "-d", base.toString());
    assertOneLineError(result, expectedStart);
    assertThat(base).doesNotExist();
  }

  @Test
  void missingFileFailsWithOneLine(@TempDir Path dir) {
    Path base = dir.resolve("base");
    NodeCli result =
        NodeCli.run(
            "chain-info", "--chain", dir.resolve("nope.json").toString(), "-d", base.toString());
    assertOneLineError(result, "Error: chain spec file not found: ");
    assertThat(base).doesNotExist();
  }

  @Test
  void unreadableBasePathFailsWithOneLine(@TempDir Path dir) throws IOException {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(
          Files.isWritable(locked),
          "running as a user that ignores file permissions (e.g. root);"
              + " basePathThatCannotBeCreatedFailsWithOneLine covers an unusable base path there");
      NodeCli result =
          NodeCli.run(
              "chain-info",
              "--chain",
              Fixtures.file("chainspecs/node-template-local.json").toString(),
              "-d",
              locked.resolve("base").toString());
      assertOneLineError(result, "Error: cannot create the database directory ");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void basePathThatIsAFileFailsWithOneLine(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    NodeCli result =
        NodeCli.run(
            "chain-info",
            "--chain",
            Fixtures.file("chainspecs/node-template-local.json").toString(),
            "-d",
            file.toString());
    assertOneLineError(result, "Error: cannot create the database directory ");
    // Nothing left behind: the file is untouched and nothing was created beside it.
    assertThat(file).hasContent("x");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  /** Unusable base paths whatever the user (root too): under a regular file, inside /proc. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"under a file", "inside /proc"})
  void basePathThatCannotBeCreatedFailsWithOneLine(String where, @TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Path base =
        where.equals("under a file")
            ? file.resolve("base")
            : Path.of("/proc", "basalt-" + ProcessHandle.current().pid(), "base");
    NodeCli result =
        NodeCli.run(
            "chain-info",
            "--chain",
            Fixtures.file("chainspecs/node-template-local.json").toString(),
            "-d",
            base.toString());
    assertOneLineError(result, "Error: cannot create the database directory " + base);
    assertThat(base).doesNotExist();
    assertThat(file).hasContent("x");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  /** Usage errors: the error line and clap's hint, exit code 2, no usage dump, no class name. */
  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(
            List.of("chain-info", "--no-such-flag"), "Error: Unknown option: '--no-such-flag'"),
        Arguments.of(List.of("--no-such-flag"), "Error: Unknown option: '--no-such-flag'"),
        Arguments.of(
            List.of("key", "generate", "--scheme", "foo"),
            "Error: Invalid value for option '--scheme': unknown key scheme 'foo': expected"
                + " one of sr25519, ed25519, ecdsa"),
        Arguments.of(
            List.of("key", "insert", "--scheme", "foo", "--key-type", "babe"),
            "Error: Invalid value for option '--scheme': unknown key scheme 'foo'"),
        Arguments.of(
            List.of("chain-info", "--dev", "-l", "runtime=loudest"),
            "Error: Invalid value for option '--log' (LOG_PATTERN): unknown log level"
                + " \"loudest\" in \"runtime=loudest\": expected error, warn, info, debug, trace"
                + " or off"),
        Arguments.of(
            List.of("--dev", "-l", "nonsense=loud"),
            "Error: Invalid value for option '--log' (LOG_PATTERN): unknown log level \"loud\""),
        Arguments.of(
            List.of("chain-info", "--dev", "-l", "info,=debug"),
            "Error: Invalid value for option '--log' (LOG_PATTERN): log directive \"=debug\" has no"
                + " target before '='"),
        Arguments.of(
            List.of("import-blocks", "--wasm-execution", "jit"),
            "Error: Invalid value for option '--wasm-execution': unknown --wasm-execution value 'jit'"),
        Arguments.of(
            List.of("export-blocks", "--dev", "--from", "x"),
            "Error: Invalid value for option '--from': 'x' is not a long"),
        Arguments.of(List.of("no-such-command"), "Error: Unmatched argument at index 0"),
        Arguments.of(
            List.of("--dev", "--runtime-log-level", "6"),
            "Error: Invalid value for option '--runtime-log-level': expected 0 (off), 1"
                + " (error), 2 (warn), 3 (info), 4 (debug) or 5 (trace), found 6\n"),
        Arguments.of(
            List.of("--dev", "--runtime-log-level", "debug"),
            "Error: Invalid value for option '--runtime-log-level': expected 0 (off), 1"
                + " (error), 2 (warn), 3 (info), 4 (debug) or 5 (trace), found debug\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageErrors")
  void usageErrorsAreTheErrorAndAHint(List<String> args, String expectedStart) {
    NodeCli result = NodeCli.run(args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err().lines())
        .hasSize(2)
        .last()
        .isEqualTo("For more information, try '--help'.");
    assertThat(result.err()).startsWith(expectedStart);
    assertNoJavaNames(result.err());
    assertThat(result.out()).isEmpty();
  }

  @Test
  void validLogDirectivesAreAccepted(@TempDir Path dir) {
    for (String directive : List.of("info", "runtime=trace", "WARN,state=off", "basalt=Info")) {
      NodeCli result =
          NodeCli.run("chain-info", "--dev", "-d", dir.toString(), "-l", directive, "-l", "info");
      assertThat(result.exitCode()).as(directive + ": " + result.err()).isZero();
    }
  }

  @Test
  void conflictingOptionsFailWithOneLine() {
    assertOneLineError(
        NodeCli.run("chain-info", "--chain", "x.json", "--tmp", "-d", "/tmp/x"),
        "Error: --tmp and --base-path cannot be used together");
    assertOneLineError(NodeCli.run("chain-info"), "Error: no chain given");
  }

  private static void assertOneLineError(NodeCli result, String expectedStart) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.err()).startsWith(expectedStart).endsWith("\n");
    assertThat(result.err().strip().lines()).hasSize(1);
    assertNoJavaNames(result.err());
    assertThat(result.out()).isEmpty();
  }

  private static final Pattern JAVA_NAME =
      Pattern.compile("(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error)|\\bat [a-z]\\w*\\.");

  /** No Java class name and no stack frame in a message meant for people. */
  public static void assertNoJavaNames(String text) {
    assertThat(JAVA_NAME.matcher(text).find()).as("Java names in: %s", text).isFalse();
    assertThat(text).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("java.");
  }
}
