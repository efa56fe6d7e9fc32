/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.basalt.executor.CapturedLogs;
import io.basalt.executor.ExecutorConfig;
import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --wasm-runtime-overrides DIR} as Substrate reads it at startup. */
class WasmOverridesTest {
  private static final RuntimeExecutor EXECUTOR =
      new RuntimeExecutor(
          ExecutorConfig.defaults().withMethod(WasmExecutionMethod.INTERPRETED),
          HostServices.standard());

  @TempDir Path dir;

  @AfterAll
  static void close() {
    EXECUTOR.close();
  }

  private Path write(String name, Bytes code) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, code.toArray());
    return file;
  }

  @Test
  void readsEveryDotWasmFileOfTheDirectoryKeyedBySpecVersion() throws IOException {
    Path a = write("demo.compact.compressed.wasm", TestCode.declaring("demo", 100, "a"));
    Path b = write("older.wasm", TestCode.reportingFromCoreVersion("demo", 99));
    // Not runtimes by their names, whatever their contents:
    write("demo.wasm.zst", TestCode.declaring("demo", 101, "b"));
    write("UPPER.WASM", TestCode.declaring("demo", 102, "c"));
    write("README", Bytes.wrap("not wasm".getBytes(StandardCharsets.US_ASCII)));
    Files.createDirectory(dir.resolve("nested"));
    Files.write(dir.resolve("nested/deep.wasm"), TestCode.declaring("demo", 103, "d").toArray());

    WasmOverrides overrides;
    try (CapturedLogs logs = CapturedLogs.of("wasm_overrides", Level.INFO)) {
      overrides = WasmOverrides.load(dir, EXECUTOR);
      assertThat(logs.lines())
          .containsExactly(
              "INFO Found wasm override. version=demo-100 (demo-node-1.tx1.au1) file=" + a,
              "INFO Found wasm override. version=demo-99 (demo-node-1.tx1.au1) file=" + b);
    }
    assertThat(overrides.all()).containsOnlyKeys(99L, 100L);
    assertThat(overrides.forSpecVersion(100)).get().extracting(o -> o.file()).isEqualTo(a);
    assertThat(overrides.forSpecVersion(99).orElseThrow().version().specName()).isEqualTo("demo");
    assertThat(overrides.forSpecVersion(101)).isEmpty();
  }

  @Test
  void twoFilesWithOneSpecVersionRefuseToStartNamingBoth() throws IOException {
    Path a = write("a.wasm", TestCode.declaring("demo", 100, "a"));
    Path b = write("b.wasm", TestCode.declaring("other-name", 100, "b"));
    assertThatThrownBy(() -> WasmOverrides.load(dir, EXECUTOR))
        .isInstanceOf(InvalidRuntimeCodeSourceException.class)
        .hasMessage(
            "--wasm-runtime-overrides: "
                + a
                + " and "
                + b
                + " both have spec_version 100; keep one runtime per spec_version");
  }

  @Test
  void aMissingDirectoryOrAFileIsRefused() throws IOException {
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> WasmOverrides.load(missing, EXECUTOR))
        .isInstanceOf(InvalidRuntimeCodeSourceException.class)
        .hasMessage("--wasm-runtime-overrides: " + missing + " does not exist");
    Path file = write("a.wasm", TestCode.declaring("demo", 100, "a"));
    assertThatThrownBy(() -> WasmOverrides.load(file, EXECUTOR))
        .isInstanceOf(InvalidRuntimeCodeSourceException.class)
        .hasMessage("--wasm-runtime-overrides: " + file + " is not a directory");
  }

  @Test
  void aDotWasmFileThatIsNotARuntimeIsRefusedNamingIt() throws IOException {
    Path text = write("notes.wasm", Bytes.wrap("hello".getBytes(StandardCharsets.US_ASCII)));
    assertThatThrownBy(() -> WasmOverrides.load(dir, EXECUTOR))
        .isInstanceOf(InvalidRuntimeCodeSourceException.class)
        .hasMessageStartingWith(
            "--wasm-runtime-overrides: " + text + " is not a runtime whose version can be read:")
        .hasMessageContaining("is not a Wasm module")
        .hasMessageNotContaining("\n");
    Files.delete(text);
    // Wasm, but neither version sections nor Core_version.
    Path noVersion =
        write(
            "bare.wasm",
            Bytes.wrap(
                com.dylibso.chicory.wabt.Wat2Wasm.parse(
                    "(module (memory (export \"memory\") 1)"
                        + " (global (export \"__heap_base\") i32 (i32.const 1024)))")));
    assertThatThrownBy(() -> WasmOverrides.load(dir, EXECUTOR))
        .isInstanceOf(InvalidRuntimeCodeSourceException.class)
        .hasMessageStartingWith(
            "--wasm-runtime-overrides: "
                + noVersion
                + " is not a runtime whose version can be read:")
        .hasMessageContaining("Core_version");
  }

  @Test
  void anUnreadableDotWasmEntryIsRefusedNamingIt() throws IOException {
    Path dangling = dir.resolve("gone.wasm");
    Files.createSymbolicLink(dangling, dir.resolve("nowhere"));
    assertThatThrownBy(() -> WasmOverrides.load(dir, EXECUTOR))
        .isInstanceOf(InvalidRuntimeCodeSourceException.class)
        .hasMessage("--wasm-runtime-overrides: cannot read " + dangling + ": no such file");
    Files.delete(dangling);
    Path directory = Files.createDirectory(dir.resolve("folder.wasm"));
    assertThatThrownBy(() -> WasmOverrides.load(dir, EXECUTOR))
        .isInstanceOf(InvalidRuntimeCodeSourceException.class)
        .hasMessageStartingWith("--wasm-runtime-overrides: cannot read " + directory + ": ");
  }
}
