/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The Polkadot host API: one class per namespace ({@code StorageHostApi}, {@code
 * DefaultChildStorageHostApi}, {@code CryptoHostApi}, {@code HashingHostApi}, ...), each
 * registering its functions in the {@link io.basalt.executor.host.HostFunctionRegistry} with exact
 * import name, Wasm signature and handler.
 *
 * <p>Handlers marshal through {@link io.basalt.executor.host.HostMemory} (bounds-checked reads,
 * pointer-size packing, allocation with the {@link io.basalt.executor.host.FreeingBumpAllocator})
 * and talk to {@link io.basalt.executor.state.Externalities} and the node seams in {@link
 * io.basalt.executor.api.HostServices} ({@code CryptoProvider}, {@code Keystore}, {@code
 * TrieOperations}, {@code OffchainContext}, {@code OffchainStorage}); they never see the Wasm
 * engine. Misuse by the runtime throws {@link io.basalt.executor.host.HostFunctionException}, which
 * traps the call.
 *
 * <pre>{@code
 * HostFunctionRegistry.standard().lookup("ext_storage_get_version_1")
 *     .map(f -> f.signature()); // (i64)->(i64)
 * }</pre>
 *
 * <p>Spec: <a href="https://spec.polkadot.network/chap-host-api">Polkadot host API</a>; status
 * table: {@code docs/host-api-status.md}.
 */
package io.basalt.executor.host;
