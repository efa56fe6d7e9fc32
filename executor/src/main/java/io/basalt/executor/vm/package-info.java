/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The engine-neutral view of runtime code and its execution: {@link
 * io.basalt.executor.vm.RuntimeBlob} (the {@code :code} value: zstd envelope with its 50 MiB bomb
 * limit, Wasm preamble, {@code runtime_version}/{@code runtime_apis} custom sections), the Wasm
 * engine SPI ({@link io.basalt.executor.vm.WasmEngine}, {@link
 * io.basalt.executor.vm.CompiledRuntime}, {@link io.basalt.executor.vm.WasmInstance}, {@link
 * io.basalt.executor.vm.LinearMemory}) and the errors a call can end with.
 *
 * <p>No class here knows Chicory; {@code vm.chicory} implements the SPI. Example:
 *
 * <pre>{@code
 * RuntimeBlob blob = RuntimeBlob.parse(storage.get(":code"));
 * StateVersion layout = blob.embeddedVersion().orElseThrow().stateVersion();
 * }</pre>
 *
 * <p>Spec: <a href="https://spec.polkadot.network/chap-state#sect-loading-runtime-code">Polkadot
 * spec, loading the runtime code</a>.
 */
package io.basalt.executor.vm;
