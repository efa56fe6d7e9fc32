/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared real-world fixtures ({@code ../shared/fixtures} beside the checkout).
 *
 * <p>The folder is located through the {@code basalt.fixtures} system property (set by the build)
 * or the {@code BASALT_FIXTURES} environment variable. When it is missing, a test fails if {@code
 * CI=true} and is skipped with a clear message otherwise. Fixtures are never copied into the
 * repository.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The fixtures root folder, or fails/skips the calling test if it is missing. */
  public static Path root() {
    String configured = System.getProperty("basalt.fixtures", System.getenv("BASALT_FIXTURES"));
    Path root = configured == null ? Path.of("../../shared/fixtures") : Path.of(configured);
    if (!Files.isDirectory(root)) {
      String message =
          "shared fixtures not found at "
              + root.toAbsolutePath().normalize()
              + " (set -Dbasalt.fixtures or BASALT_FIXTURES)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message + "; CI requires them");
      }
      Assumptions.abort(message + "; skipping");
    }
    return root.toAbsolutePath().normalize();
  }

  /** A file under the fixtures root, e.g. {@code chainspecs/westend.json}. */
  public static Path file(String relative) {
    Path file = root().resolve(relative);
    if (!Files.isRegularFile(file)) {
      Assertions.fail("fixture file missing: " + file);
    }
    return file;
  }
}
