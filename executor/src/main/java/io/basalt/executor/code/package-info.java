/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Which code runs at a block: {@code :code} of its state, unless a chain spec's code substitute or
 * a {@code --wasm-runtime-overrides} file replaces it (override before substitute before on-chain,
 * as in Substrate).
 *
 * <pre>{@code
 * RuntimeCode code = RuntimeCode.onChain(blob, executor.version(blob));
 * }</pre>
 */
package io.basalt.executor.code;
