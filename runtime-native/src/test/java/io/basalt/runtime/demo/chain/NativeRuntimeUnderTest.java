/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.api.NativeRuntime;
import io.basalt.executor.api.NativeRuntimePanic;
import io.basalt.executor.api.RuntimeContext;
import io.basalt.executor.api.RuntimeVersionReader;
import io.basalt.executor.state.Externalities;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.runtime.demo.BasaltDemoNativeRuntime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Java runtime. The spec version is that of the {@code :code} (its embedded version), or {@code
 * defaultSpec} while there is no {@code :code} (genesis, native-only tests).
 */
public final class NativeRuntimeUnderTest implements RuntimeUnderTest {
  private final long defaultSpec;
  private final HostServices services;
  private final RuntimeVersionReader versionReader;
  private final Map<Bytes, Long> specOfCode = new ConcurrentHashMap<>();

  /**
   * @param versionReader what {@code ext_misc_runtime_version} answers, as for the Wasm runtimes
   *     compared with this one ({@link RuntimeExecutor#versionReader()})
   */
  public NativeRuntimeUnderTest(
      long defaultSpec, HostServices services, RuntimeVersionReader versionReader) {
    this.defaultSpec = defaultSpec;
    this.services = services;
    this.versionReader = versionReader;
  }

  @Override
  public String name() {
    return "native";
  }

  /** The native runtime that serves a call with this {@code :code}. */
  public NativeRuntime runtimeFor(Optional<Bytes> code) {
    long spec =
        code.map(
                c ->
                    specOfCode.computeIfAbsent(
                        c,
                        k ->
                            RuntimeBlob.parse(k)
                                .embeddedVersion()
                                .map(RuntimeVersion::specVersion)
                                .orElse(defaultSpec)))
            .orElse(defaultSpec);
    return BasaltDemoNativeRuntime.forSpecVersion(spec);
  }

  @Override
  public HostServices services() {
    return services;
  }

  @Override
  public CallOutcome call(
      String method,
      byte[] input,
      Externalities ext,
      HostServices callServices,
      Optional<Bytes> code) {
    NativeRuntime runtime = runtimeFor(code);
    try {
      return new CallOutcome.Returned(
          Bytes.wrap(
              runtime.call(method, input, new RuntimeContext(ext, callServices, versionReader))));
    } catch (NativeRuntimePanic e) {
      return new CallOutcome.Panicked(e.getMessage());
    }
  }
}
