/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs JavaScript client scripts (polkadot.js, polkadot-api) with node: those of {@code
 * src/test/js}, or of another folder with its own {@code package.json} (such as the node module's
 * {@code src/test/js/<client>}). Without node or the folder's npm packages ({@code npm ci --prefix
 * <folder>}, which {@code bin/test} runs) tests fail under {@code CI=true} and are skipped
 * otherwise.
 */
public final class PolkadotJs {
  private static final Path JS = Path.of("src/test/js");
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private PolkadotJs() {}

  /**
   * Runs {@code node script args…} in {@code src/test/js}.
   *
   * @return its output lines, stripped
   * @throws AssertionError if it fails or takes longer than 120 s
   */
  public static List<String> run(String script, List<String> args) {
    return run(JS, script, args, TIMEOUT);
  }

  /**
   * Runs {@code node script args…} in {@code folder}, whose {@code node_modules} holds the packages
   * the script imports.
   *
   * @return its output lines, stripped
   * @throws AssertionError if it fails or takes longer than {@code timeout}
   */
  public static List<String> run(Path folder, String script, List<String> args, Duration timeout) {
    requireInstalled(folder);
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(args);
    Process process;
    try {
      process =
          new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      require(false, "cannot start node (" + e.getMessage() + "); install Node.js >= 18");
      throw new IllegalStateException("unreachable");
    }
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(script + " did not finish in " + timeout + ":\n" + output);
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

  /**
   * Fails (under {@code CI=true}) or skips the calling test unless {@code folder} has its npm
   * packages installed.
   */
  public static void requireInstalled(Path folder) {
    require(
        Files.isDirectory(folder.resolve("node_modules")),
        "the npm packages are not installed in "
            + folder.toAbsolutePath()
            + "; run: npm ci --prefix "
            + folder.toAbsolutePath());
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
