/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import io.basalt.executor.api.NativeRuntime;
import io.basalt.executor.api.RuntimeContext;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.runtime.demo.BasaltDemoNativeRuntime;
import java.nio.charset.StandardCharsets;

/**
 * The demo runtime's Java implementation, plus one write ({@link #EXTRA_KEY} = {@code 0x01}) when a
 * block is initialised: a native runtime that diverges from its Wasm twin, for {@code Both}.
 */
public final class DivergentNative implements NativeRuntime {
  /** The key only the native runtime writes. */
  public static final Bytes EXTRA_KEY = Bytes.wrap("diverged".getBytes(StandardCharsets.US_ASCII));

  private final NativeRuntime real = BasaltDemoNativeRuntime.v100();

  @Override
  public RuntimeVersion version() {
    return real.version();
  }

  @Override
  public byte[] call(String method, byte[] input, RuntimeContext context) {
    byte[] result = real.call(method, input, context);
    if (method.equals("Core_initialize_block")) {
      context.externalities().set(EXTRA_KEY, Bytes.fromHex("0x01"));
    }
    return result;
  }
}
