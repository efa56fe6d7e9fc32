/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.testsupport.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --wasm-override FILE} read in each of Chopsticks' forms (binary Wasm, a zstd-compressed
 * blob, {@code 0x} hex text), and bad files refused with one line naming the file.
 */
class CodeOverrideTest {
  static final String V101 = "runtime-wasm/blobs/basalt_demo_v101.wasm";
  static final String V101_COMPRESSED =
      "runtime-wasm/blobs/basalt_demo_v101.compact.compressed.wasm";

  @Test
  void binaryHexTextAndCompressedFormsAreTheSameRuntime(@TempDir Path dir) throws Exception {
    Path binary = ProjectFiles.file(V101);
    byte[] wasm = Files.readAllBytes(binary);
    Path hex = Files.writeString(dir.resolve("v101.hex"), "  " + Bytes.wrap(wasm).toHex() + "\n");
    Path compressed = ProjectFiles.file(V101_COMPRESSED);

    CodeOverride fromBinary = CodeOverride.read(binary);
    CodeOverride fromHex = CodeOverride.read(hex);
    CodeOverride fromCompressed = CodeOverride.read(compressed);

    assertThat(fromBinary.code()).isEqualTo(Bytes.wrap(wasm));
    assertThat(fromHex.code()).isEqualTo(fromBinary.code());
    assertThat(fromHex.blob().codeHash()).isEqualTo(fromBinary.blob().codeHash());
    // A compressed blob goes under :code as it is, as Substrate stores compressed code.
    assertThat(fromCompressed.code()).isEqualTo(Bytes.wrap(Files.readAllBytes(compressed)));
    assertThat(fromCompressed.blob().isCompressed()).isTrue();
    assertThat(fromBinary.blob().isCompressed()).isFalse();
    for (CodeOverride o : new CodeOverride[] {fromBinary, fromHex, fromCompressed}) {
      RuntimeVersion version = o.blob().embeddedVersion().orElseThrow();
      assertThat(version.specName()).isEqualTo("basalt-demo");
      assertThat(version.specVersion()).isEqualTo(101);
    }
  }

  @Test
  void badFilesAreOneLineNamingTheFile(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.wasm");
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a runtime\n");
    Path badHex = Files.writeString(dir.resolve("bad.hex"), "0x0061736d01zz");
    Path oddHex = Files.writeString(dir.resolve("odd.hex"), "0x0061736");
    Path hexNotWasm = Files.writeString(dir.resolve("not-wasm.hex"), "0xdeadbeef");
    assertOneLine(missing, "--wasm-override: cannot read " + missing + ": no such file");
    assertOneLine(text, "--wasm-override: " + text + " is not runtime code (binary Wasm, ");
    assertOneLine(badHex, "--wasm-override: " + badHex + " is not valid 0x-hex: ");
    assertOneLine(oddHex, "--wasm-override: " + oddHex + " is not valid 0x-hex: odd number");
    assertOneLine(hexNotWasm, "--wasm-override: " + hexNotWasm + " is not runtime code");
    assertOneLine(dir, "--wasm-override: cannot read " + dir + ": ");
  }

  private static void assertOneLine(Path file, String start) {
    assertThatThrownBy(() -> CodeOverride.read(file))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith(start)
        .message()
        .doesNotContain("\n");
  }
}
