/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

/** The Wasm value types host functions use: {@code i32} pointers and {@code i64} fat pointers. */
public enum WasmValueType {
  I32,
  I64;

  /** The Wasm text name, {@code i32} or {@code i64}. */
  public String wasmName() {
    return this == I32 ? "i32" : "i64";
  }
}
