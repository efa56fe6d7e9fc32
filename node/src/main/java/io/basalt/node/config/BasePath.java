/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The node's data folder and Substrate's layout under it: {@code chains/<chain id>/db/full} for the
 * database and {@code chains/<chain id>/keystore} for keys.
 *
 * @param root the base path
 * @param temporary whether it was created for {@code --tmp} and is deleted on exit
 */
public record BasePath(Path root, boolean temporary) {

  /** The default base path when neither {@code -d} nor {@code --tmp} is given. */
  public static Path defaultRoot() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path data =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return data.resolve("basalt");
  }

  /** Creates a fresh temporary base path (for {@code --tmp}). */
  public static BasePath createTemporary() {
    try {
      return new BasePath(Files.createTempDirectory("basalt"), true);
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          "cannot create a temporary base path: " + e.getMessage(), e);
    }
  }

  public Path chainDir(String chainId) {
    return root.resolve("chains").resolve(chainId);
  }

  /** The RocksDB folder of a chain. */
  public Path databaseDir(String chainId) {
    return chainDir(chainId).resolve("db").resolve("full");
  }

  public Path keystoreDir(String chainId) {
    return chainDir(chainId).resolve("keystore");
  }

  /** Deletes the base path if it is temporary; a no-op otherwise. */
  public void deleteIfTemporary() {
    if (temporary) {
      deleteRecursively(root);
    }
  }

  /** Deletes a folder and everything in it; a missing folder is fine. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              if (e != null) {
                throw e;
              }
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
