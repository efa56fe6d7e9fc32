/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Runtime execution as the node uses it: {@link io.basalt.node.runtime.Runtimes} holds the {@code
 * RuntimeExecutor} configured by {@code --wasm-execution} (compiled classes cached on disk per code
 * hash under the base path) with the node's host services, and caches parsed runtime blobs; {@link
 * io.basalt.node.runtime.RuntimeGenesisBuilder} turns a plain chain spec into raw genesis storage
 * through the runtime's GenesisBuilder API ({@link io.basalt.chainspec.JsonMergePatch} for the
 * patch); {@link io.basalt.node.runtime.RuntimeVersionJson} writes a version in the {@code
 * state_getRuntimeVersion} shape.
 *
 * <pre>{@code
 * try (Runtimes runtimes = Runtimes.create(WasmExecutionMethod.COMPILED, Optional.of(cacheDir))) {
 *   Genesis.Raw raw = new RuntimeGenesisBuilder(runtimes).build(plainGenesis);
 * }
 * }</pre>
 */
package io.basalt.node.runtime;
