/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.state.Externalities;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.primitives.bytes.Bytes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Wasm runtime on the executor (compiled or interpreted Chicory): the code is the given {@code
 * :code}, or {@code genesisCode} while there is none (building the genesis state).
 */
public final class WasmRuntimeUnderTest implements RuntimeUnderTest {
  private final String name;
  private final RuntimeExecutor executor;
  private final HostServices services;
  private final Bytes genesisCode;
  private final Map<Bytes, RuntimeBlob> blobs = new ConcurrentHashMap<>();

  public WasmRuntimeUnderTest(
      String name, RuntimeExecutor executor, HostServices services, Bytes genesisCode) {
    this.name = name;
    this.executor = executor;
    this.services = services;
    this.genesisCode = genesisCode;
  }

  @Override
  public String name() {
    return name;
  }

  public RuntimeExecutor executor() {
    return executor;
  }

  /** The blob of a {@code :code} ({@code genesisCode} when there is none). */
  public RuntimeBlob blobFor(Optional<Bytes> code) {
    return blobs.computeIfAbsent(code.orElse(genesisCode), RuntimeBlob::parse);
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
    RuntimeBlob blob = blobFor(code);
    try {
      return new CallOutcome.Returned(
          Bytes.wrap(executor.call(blob, method, input, ext, callServices)));
    } catch (RuntimeTrapException e) {
      return new CallOutcome.Panicked(e.panicMessage().orElse(e.getMessage()));
    }
  }
}
