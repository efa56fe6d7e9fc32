/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import java.nio.file.Path;

/**
 * The compilation cache the node's tests share across test classes and JVMs, so that each fixture
 * runtime is compiled once per build ({@code node/target/wasm-cache}).
 */
public final class TestCaches {
  private TestCaches() {}

  public static Path wasmCache() {
    return Path.of("target", "wasm-cache").toAbsolutePath();
  }
}
