/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.code;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.basalt.executor.vm.TestModules;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.RuntimeVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small Wasm runtimes that declare a version, for code-resolution tests. */
final class TestCode {
  private TestCode() {}

  static RuntimeVersion version(String specName, long specVersion) {
    return new RuntimeVersion(specName, specName + "-node", 1, specVersion, 1, List.of(), 1, 0);
  }

  /**
   * A runtime that declares {@code specName}/{@code specVersion} in its {@code runtime_version}
   * section; {@code salt} (another custom section) makes otherwise equal runtimes differ.
   */
  static Bytes declaring(String specName, long specVersion, String salt) {
    return Bytes.wrap(
        TestModules.withCustomSections(
            Wat2Wasm.parse(
                "(module (memory (export \"memory\") 1)"
                    + " (global (export \"__heap_base\") i32 (i32.const 1024)))"),
            "runtime_version",
            version(specName, specVersion).encode(),
            "salt",
            salt.getBytes(StandardCharsets.UTF_8)));
  }

  /** A runtime without version sections whose {@code Core_version} reports the version. */
  static Bytes reportingFromCoreVersion(String specName, long specVersion) {
    byte[] encoded = version(specName, specVersion).encode();
    StringBuilder data = new StringBuilder();
    for (byte b : encoded) {
      data.append(String.format("\\%02x", b & 0xff));
    }
    return Bytes.wrap(
        Wat2Wasm.parse(
            "(module (memory (export \"memory\") 1)"
                + " (data (i32.const 16) \""
                + data
                + "\")"
                + " (func (export \"Core_version\") (param i32 i32) (result i64)"
                + "   (i64.const "
                + (((long) encoded.length << 32) | 16)
                + "))"
                + " (global (export \"__heap_base\") i32 (i32.const 1024)))"));
  }
}
