/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the polkadot.js scripts of {@code src/test/js} with node. Without node or the npm packages
 * ({@code npm ci --prefix runtime-native/src/test/js}) tests fail under {@code CI=true} and are
 * skipped otherwise.
 */
public final class PolkadotJs {
  private static final Path JS = Path.of("src/test/js");

  private PolkadotJs() {}

  /**
   * Runs {@code node script args…}.
   *
   * @return its output lines, stripped
   * @throws AssertionError if it fails or takes longer than 120 s
   */
  public static List<String> run(String script, List<String> args) {
    require(
        Files.isDirectory(JS.resolve("node_modules/@polkadot/api")),
        "polkadot.js is not installed in "
            + JS.toAbsolutePath()
            + "; run: npm ci --prefix runtime-native/src/test/js");
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(args);
    Process process;
    try {
      process =
          new ProcessBuilder(command).directory(JS.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      require(false, "cannot start node (" + e.getMessage() + "); install Node.js >= 18");
      throw new IllegalStateException("unreachable");
    }
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(script + " did not finish in 120 s:\n" + output);
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(script + " failed (exit " + process.exitValue() + "):\n" + output);
      }
      return output.strip().lines().map(String::strip).toList();
    } catch (IOException e) {
      throw new AssertionError("reading the output of " + script + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + script, e);
    }
  }

  private static void require(boolean present, String message) {
    if (present) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }
}
