/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed Wasm blobs of basalt-demo ({@code runtime-wasm/blobs}), found from the cwd. */
final class WasmBlobs {
  private WasmBlobs() {}

  /** The {@code runtime-wasm/blobs} directory of this checkout. */
  static Path directory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("runtime-wasm").resolve("blobs");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "runtime-wasm/blobs not found above " + Path.of("").toAbsolutePath());
  }

  static byte[] read(String name) {
    try {
      return Files.readAllBytes(directory().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read runtime-wasm/blobs/" + name, e);
    }
  }

  /** The plain Wasm module of a spec version. */
  static byte[] wasm(int spec) {
    return read("basalt_demo_v" + spec + ".wasm");
  }

  /** The on-chain form: zstd magic ++ zstd frame. */
  static byte[] compressed(int spec) {
    return read("basalt_demo_v" + spec + ".compact.compressed.wasm");
  }
}
