/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The runtime APIs of basalt-demo (runtime-spec §1, §9): {@link
 * io.basalt.runtime.demo.api.RuntimeApis} maps each exported function name ({@code
 * Core_execute_block}, {@code BlockBuilder_apply_extrinsic}, …) to its Java implementation, decodes
 * the SCALE input as sp-api does (panicking with {@code Bad input data provided to <method>}) and
 * encodes the result.
 *
 * <pre>{@code
 * byte[] out = RuntimeApis.call("AccountNonceApi_account_nonce", alice, context, version);
 * }</pre>
 */
package io.basalt.runtime.demo.api;
