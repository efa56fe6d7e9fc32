/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The executor's API for native runtimes: {@link io.basalt.executor.api.NativeRuntime} is what a
 * Java implementation of a runtime provides, {@link io.basalt.executor.api.RuntimeContext} what it
 * receives. Modules above the executor (such as {@code runtime-native}) depend on this package, the
 * state externalities and the host service seams, never on the VM.
 *
 * <pre>{@code
 * RuntimeContext context = new RuntimeContext(ext, services, executor.versionReader());
 * byte[] result = nativeRuntime.call("Core_version", new byte[0], context);
 * }</pre>
 */
package io.basalt.executor.api;
