/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The executor's seams: what modules above it implement or call. {@link
 * io.basalt.executor.api.NativeRuntime} is what a Java implementation of a runtime provides and
 * {@link io.basalt.executor.api.RuntimeContext} what it receives; {@link
 * io.basalt.executor.api.HostServices} bundles the services host functions and native runtimes
 * delegate to: {@link io.basalt.executor.api.CryptoProvider}, {@link
 * io.basalt.executor.api.TrieOperations}, the keystore and, for offchain workers, {@link
 * io.basalt.executor.api.OffchainContext} and {@link io.basalt.executor.api.OffchainStorage};
 * {@link io.basalt.executor.api.RuntimeVersionReader} reads any code's version. Modules above the
 * executor (such as {@code runtime-native}) depend on this package and the state externalities,
 * never on the VM or the host functions.
 *
 * <pre>{@code
 * RuntimeContext context = new RuntimeContext(ext, HostServices.standard(), executor.versionReader());
 * byte[] result = nativeRuntime.call("Core_version", new byte[0], context);
 * }</pre>
 */
package io.basalt.executor.api;
