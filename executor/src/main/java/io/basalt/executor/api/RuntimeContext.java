/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

import io.basalt.executor.host.HostServices;
import io.basalt.executor.state.Externalities;

/**
 * What a native runtime call may touch: the state (through the same externalities the Wasm host
 * functions use) and the host services (crypto verification, keystore, trie helpers, offchain).
 *
 * @param externalities the overlayed state of this call
 * @param services crypto, keystore, trie and offchain services
 */
public record RuntimeContext(Externalities externalities, HostServices services) {}
