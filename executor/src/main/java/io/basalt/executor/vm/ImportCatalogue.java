/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

import java.util.OptionalInt;

/**
 * The host functions an engine may bind a module's {@code env} imports to, by index. The engine
 * resolves each import by name once, checks its Wasm type against {@link #signature(int)}, and on
 * every call passes the index to a {@link HostCallDispatcher}.
 */
public interface ImportCatalogue {
  /** Index of the host function with this exact import name. */
  OptionalInt indexOf(String name);

  /** Import name of the function at {@code index}, e.g. {@code ext_storage_get_version_1}. */
  String name(int index);

  /** Wasm type of the function at {@code index}. */
  WasmSignature signature(int index);
}
