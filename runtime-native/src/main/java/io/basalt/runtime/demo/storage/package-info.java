/* SPDX-License-Identifier: Apache-2.0 */
/**
 * State access of the basalt-demo runtime: {@link io.basalt.runtime.demo.storage.RuntimeStorage}
 * wraps the executor's {@code Externalities} (the very object the Wasm host functions write to)
 * with FRAME's typed-storage rules and storage transactions; {@link
 * io.basalt.runtime.demo.storage.StorageKeys} derives every key from the metadata description.
 *
 * <pre>{@code
 * RuntimeStorage storage = new RuntimeStorage(ext);
 * storage.writeU32(StorageKeys.plain("System", "Number"), 7);
 * }</pre>
 */
package io.basalt.runtime.demo.storage;
