/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A Wasm function type, e.g. {@code (i64,i64)->i64}.
 *
 * @param params parameter types in order
 * @param results result types (host functions return at most one value)
 */
public record WasmSignature(List<WasmValueType> params, List<WasmValueType> results) {
  public WasmSignature {
    params = List.copyOf(params);
    results = List.copyOf(results);
    if (results.size() > 1) {
      throw new IllegalArgumentException("multi-value results are not used by the host API");
    }
  }

  /** A signature without result. */
  public static WasmSignature of(WasmValueType... params) {
    return new WasmSignature(List.of(params), List.of());
  }

  /** A signature with one result. */
  public static WasmSignature returning(WasmValueType result, WasmValueType... params) {
    return new WasmSignature(List.of(params), List.of(result));
  }

  public boolean hasResult() {
    return !results.isEmpty();
  }

  @Override
  public String toString() {
    return params.stream().map(WasmValueType::wasmName).collect(Collectors.joining(",", "(", ")"))
        + "->"
        + results.stream().map(WasmValueType::wasmName).collect(Collectors.joining(",", "(", ")"));
  }
}
