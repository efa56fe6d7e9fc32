/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

import io.basalt.executor.state.Externalities;

/**
 * What a native runtime call may touch: the state (through the same externalities the Wasm host
 * functions use), the host services (crypto verification, keystore, trie helpers, offchain) and the
 * version reader behind {@code ext_misc_runtime_version_version_1} (custom sections, else {@code
 * Core_version} in a fresh instance), so that e.g. a native {@code set_code} judges new code
 * exactly as its Wasm twin does.
 *
 * @param externalities the overlayed state of this call
 * @param services crypto, keystore, trie and offchain services
 * @param versionReader the runtime-version reader of the executor ({@link
 *     io.basalt.executor.RuntimeExecutor#versionReader()})
 */
public record RuntimeContext(
    Externalities externalities, HostServices services, RuntimeVersionReader versionReader) {}
