/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo;

import io.basalt.executor.api.NativeRuntime;
import io.basalt.executor.api.RuntimeContext;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.runtime.demo.api.RuntimeApis;
import io.basalt.runtime.metadata.demo.DemoRuntimeDescription;

/**
 * The basalt-demo runtime in Java, behind the executor's {@link NativeRuntime} interface: the twin
 * of the Wasm runtime in {@code runtime-wasm}, both following {@code docs/runtime-spec.md}. It
 * reads and writes state only through the call's externalities and verifies signatures only through
 * the call's crypto provider, so a native call and a Wasm call on the same state produce the same
 * result and the same storage changes.
 *
 * <pre>{@code
 * NativeRuntime v100 = BasaltDemoNativeRuntime.v100();
 * RuntimeContext context = new RuntimeContext(ext, services, executor.versionReader());
 * byte[] result = v100.call("BlockBuilder_apply_extrinsic", xt, context);
 * }</pre>
 */
public final class BasaltDemoNativeRuntime implements NativeRuntime {
  private static final BasaltDemoNativeRuntime V100 = new BasaltDemoNativeRuntime(100);
  private static final BasaltDemoNativeRuntime V101 = new BasaltDemoNativeRuntime(101);

  private final RuntimeVersion version;

  private BasaltDemoNativeRuntime(int specVersion) {
    this.version = DemoRuntimeDescription.version(specVersion);
  }

  /** Spec version 100. */
  public static BasaltDemoNativeRuntime v100() {
    return V100;
  }

  /** Spec version 101: the Template migration and the {@code ValueRecord} layout. */
  public static BasaltDemoNativeRuntime v101() {
    return V101;
  }

  /**
   * The runtime of a spec version.
   *
   * @throws IllegalArgumentException unless it is 100 or 101
   */
  public static BasaltDemoNativeRuntime forSpecVersion(long specVersion) {
    if (specVersion == 100) {
      return V100;
    }
    if (specVersion == 101) {
      return V101;
    }
    throw new IllegalArgumentException(
        "basalt-demo has native spec versions "
            + DemoRuntimeDescription.SPEC_VERSIONS
            + ", not "
            + specVersion);
  }

  @Override
  public RuntimeVersion version() {
    return version;
  }

  @Override
  public byte[] call(String method, byte[] input, RuntimeContext context) {
    return RuntimeApis.call(method, input, context, version);
  }

  @Override
  public String toString() {
    return "BasaltDemoNativeRuntime(" + version.specName() + "/" + version.specVersion() + ")";
  }
}
