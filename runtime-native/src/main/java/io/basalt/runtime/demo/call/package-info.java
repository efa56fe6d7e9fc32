/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The calls of the basalt-demo runtime: {@link io.basalt.runtime.demo.call.RuntimeCall}, one record
 * per pallet call, with its SCALE codec (the outer enum {@code RuntimeCall} of the metadata), its
 * weight and its dispatch class (runtime-spec §5.5, §6). The executive decodes calls from
 * extrinsics and dispatches them to the pallets; tests build extrinsics from them.
 *
 * <pre>{@code
 * RuntimeCall call = new RuntimeCall.Sudo(new RuntimeCall.SetCode(v101Code));
 * call.dispatchClass(); // OPERATIONAL (the inner call's class)
 * }</pre>
 */
package io.basalt.runtime.demo.call;
