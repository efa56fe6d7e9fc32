/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code src/test/js/check-metadata.mjs}: polkadot.js decodes every committed metadata blob,
 * offline, and checks pallets, call encoding, storage keys, AccountInfo and event decoding, signed
 * extensions, runtime APIs and a signed extrinsic against the spec.
 *
 * <p>Needs {@code node} and the npm packages: {@code npm ci --prefix runtime-native/src/test/js}.
 * Without them the test fails when {@code CI=true} and is skipped otherwise.
 */
class PolkadotJsMetadataTest {
  private static final Path JS = Path.of("src/test/js");
  private static final String INSTALL = "npm ci --prefix runtime-native/src/test/js";

  @Test
  void polkadotJsDecodesTheCommittedMetadata() throws IOException, InterruptedException {
    requireSetup(
        Files.isDirectory(JS.resolve("node_modules/@polkadot/types")),
        "polkadot.js is not installed in " + JS.toAbsolutePath() + "; run: " + INSTALL);
    Path blobs = Path.of(MetadataBlobs.SOURCE_FOLDER).toAbsolutePath();
    Process process;
    try {
      process =
          new ProcessBuilder("node", "check-metadata.mjs", blobs.toString())
              .directory(JS.toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      requireSetup(false, "cannot start node (" + e.getMessage() + "); install Node.js >= 18");
      return;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("node finished in time").isTrue();
    assertThat(process.exitValue()).as("check-metadata.mjs output:%n%s", output).isZero();
    assertThat(output).contains("passed, 0 failed");
  }

  private static void requireSetup(boolean present, String message) {
    if (present) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }
}
