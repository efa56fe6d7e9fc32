/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The Chicory implementation of the {@code vm} engine SPI: the only package that imports {@code
 * com.dylibso.chicory} (enforced by an ArchUnit test).
 *
 * <p>{@link io.basalt.executor.vm.chicory.ChicoryWasmEngine} parses a runtime, binds every {@code
 * env} import to the host catalogue by exact name and checked Wasm type, and in compiled mode turns
 * the module into JVM bytecode once (optionally cached on disk per code hash). Each call gets a
 * fresh Chicory instance; host functions are Chicory {@code HostFunction}s that forward to a {@link
 * io.basalt.executor.vm.HostCallDispatcher}; Chicory traps become {@link
 * io.basalt.executor.vm.WasmTrapException}s.
 *
 * <pre>{@code
 * WasmEngine engine = new ChicoryWasmEngine(WasmExecutionMethod.COMPILED, Optional.of(cacheDir));
 * CompiledRuntime runtime = engine.compile(blob, HostFunctionRegistry.standard());
 * }</pre>
 */
package io.basalt.executor.vm.chicory;
