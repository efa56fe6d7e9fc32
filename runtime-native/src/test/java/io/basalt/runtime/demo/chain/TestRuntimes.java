/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.api.RuntimeVersionReader;
import io.basalt.executor.vm.WasmExecutionMethod;
import java.util.Optional;

/** Runtimes and chains for tests. */
public final class TestRuntimes {
  /** Real crypto and the storage module's trie; no keystore, no offchain capabilities. */
  public static final HostServices SERVICES = HostServices.standard();

  private TestRuntimes() {}

  /**
   * The reader behind {@code ext_misc_runtime_version} that the Wasm runtimes under test see (an
   * interpreting executor: a version without custom sections comes from running {@code
   * Core_version}), for the Java runtime's {@code RuntimeContext}.
   */
  public static RuntimeVersionReader versionReader() {
    return WasmCode.executor(WasmExecutionMethod.INTERPRETED).versionReader();
  }

  /** The Java runtime, spec {@code spec} until {@code :code} says otherwise. */
  public static NativeRuntimeUnderTest nativeRuntime(long spec) {
    return new NativeRuntimeUnderTest(spec, SERVICES, versionReader());
  }

  /** A chain on the Java runtime from the {@code development} preset, without {@code :code}. */
  public static DemoChain nativeDevChain(long spec) {
    return DemoChain.fromPreset(nativeRuntime(spec), "development", Optional.empty());
  }
}
