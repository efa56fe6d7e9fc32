/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;

/**
 * Files of this repository outside the module under test (e.g. the committed runtime blobs in
 * {@code runtime-wasm/blobs/}), located through the {@code basalt.projectRoot} system property the
 * build sets, or the parent of the module directory.
 */
public final class ProjectFiles {
  private ProjectFiles() {}

  /** The repository root. */
  public static Path root() {
    String configured = System.getProperty("basalt.projectRoot");
    Path root = configured == null ? Path.of("..") : Path.of(configured);
    return root.toAbsolutePath().normalize();
  }

  /** A file of the repository that must exist, e.g. {@code runtime-wasm/blobs/x.wasm}. */
  public static Path file(String relative) {
    Path file = root().resolve(relative);
    if (!Files.isRegularFile(file)) {
      Assertions.fail("repository file missing: " + file);
    }
    return file;
  }
}
