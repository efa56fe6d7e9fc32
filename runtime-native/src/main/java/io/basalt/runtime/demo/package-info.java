/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The basalt-demo runtime implemented in Java ({@link
 * io.basalt.runtime.demo.BasaltDemoNativeRuntime}), the native half of the two implementations of
 * {@code docs/runtime-spec.md}. Sub-packages follow FRAME's concerns: {@code account}, {@code
 * dispatch}, {@code call}, {@code event}, {@code extrinsic}, {@code storage}, one package per
 * pallet under {@code pallet}, {@code executive} (block lifecycle and signed extensions), {@code
 * genesis} and {@code api} (the exported functions).
 *
 * <pre>{@code
 * NativeRuntime runtime = BasaltDemoNativeRuntime.v100();
 * RuntimeContext context = new RuntimeContext(ext, services, executor.versionReader());
 * runtime.call("Core_version", new byte[0], context);
 * }</pre>
 */
package io.basalt.runtime.demo;
