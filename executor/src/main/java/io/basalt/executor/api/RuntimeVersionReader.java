/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

import java.util.Optional;

/**
 * Reads the SCALE-encoded runtime version of arbitrary code for {@code
 * ext_misc_runtime_version_version_1}: from its custom sections, else by calling {@code
 * Core_version} in a fresh instance with empty state.
 */
@FunctionalInterface
public interface RuntimeVersionReader {
  /** The encoded version, or empty if the code is not a runtime or the call failed. */
  Optional<byte[]> readVersion(byte[] code);
}
