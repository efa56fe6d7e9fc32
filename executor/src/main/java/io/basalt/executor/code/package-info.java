/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Which code runs at a block: {@code :code} of its state, unless a {@code --wasm-runtime-overrides}
 * file ({@link io.basalt.executor.code.WasmOverrides}) or a chain spec's code substitute ({@link
 * io.basalt.executor.code.CodeSubstitutes}) replaces it, in that order, with Substrate's matching
 * rules (sc-service {@code WasmOverride}, {@code WasmSubstitutes}). {@link
 * io.basalt.executor.code.RuntimeCodeResolver} applies them and answers a {@link
 * io.basalt.executor.code.RuntimeCode} saying what runs, its version, the on-chain version native
 * execution is judged against, and the {@link io.basalt.executor.code.CodeSource}.
 *
 * <pre>{@code
 * RuntimeCodeResolver resolver = new RuntimeCodeResolver(executor,
 *     WasmOverrides.load(overridesDir, executor),
 *     CodeSubstitutes.load(chainSpec.codeSubstitutes(), executor));
 * RuntimeCode code = resolver.resolve(codeAtParent, parentNumber); // the block whose state it is
 * }</pre>
 */
package io.basalt.executor.code;
