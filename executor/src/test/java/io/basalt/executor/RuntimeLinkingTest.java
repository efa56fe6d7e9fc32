/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static io.basalt.executor.WatProbes.EXECUTOR;
import static io.basalt.executor.WatProbes.ext;
import static io.basalt.executor.WatProbes.module;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What happens before any host function runs: code that is not Wasm, a missing export, imports the
 * host does not provide or types differently. WAT probes in the interpreter ({@link WatProbes}).
 */
class RuntimeLinkingTest {
  @Test
  void missingHostFunctionsAreAllListed() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_storage_get_version_1" (func (param i64) (result i64)))
            (import "env" "ext_made_up_version_1" (func (param i32)))
            (import "other" "thing" (func))
            (memory (export "memory") 1)
            (func (export "Core_version") (param i32 i32) (result i64) (i64.const 0))
            """);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Core_version", new byte[0], ext()))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("2 function(s) this node does not provide")
        .hasMessageContaining("env.ext_made_up_version_1")
        .hasMessageContaining("other.thing");
  }

  @Test
  void importWithTheWrongSignatureIsRefused() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_storage_get_version_1" (func (param i32) (result i64)))
            (memory (export "memory") 1)
            """);
    assertThatThrownBy(() -> EXECUTOR.prepare(blob))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining(
            "env.ext_storage_get_version_1 has type (i32)->(i64) but the host function has type"
                + " (i64)->(i64)");
  }

  @Test
  void corruptedWasmIsRefusedWithAClearMessage() {
    byte[] wasm = Wat2Wasm.parse("(module (func (export \"f\") (result i32) i32.const 1))");
    byte[] corrupted = Arrays.copyOf(wasm, wasm.length);
    corrupted[corrupted.length - 3] = (byte) 0xff;
    RuntimeBlob blob = RuntimeBlob.parse(corrupted);
    assertThatThrownBy(() -> EXECUTOR.prepare(blob))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("is not a valid Wasm module")
        .hasMessageContaining("illegal opcode")
        .hasMessageContaining(blob.codeHash().toString());
  }

  @Test
  void missingExportIsReported() {
    RuntimeBlob blob = module("(memory (export \"memory\") 1)");
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Core_version", new byte[0], ext()))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("does not export the function Core_version");
  }
}
