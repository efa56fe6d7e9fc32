/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.host.HostServices;
import io.basalt.executor.state.Externalities;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.primitives.types.Bytes;
import io.basalt.runtime.demo.storage.StorageKeys;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Wasm runtime on the executor (compiled or interpreted Chicory): the code is the state's
 * {@code :code}, or {@code genesisCode} while there is none (building the genesis state).
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

  /** The blob of a state's {@code :code}. */
  public RuntimeBlob blobFor(Externalities ext) {
    Bytes code = ext.get(StorageKeys.CODE).orElse(genesisCode);
    return blobs.computeIfAbsent(code, RuntimeBlob::parse);
  }

  @Override
  public HostServices services() {
    return services;
  }

  @Override
  public CallOutcome call(
      String method, byte[] input, Externalities ext, HostServices callServices) {
    RuntimeBlob blob = blobFor(ext);
    try {
      return new CallOutcome.Returned(
          Bytes.wrap(executor.call(blob, method, input, ext, callServices)));
    } catch (RuntimeTrapException e) {
      return new CallOutcome.Panicked(e.panicMessage().orElse(e.getMessage()));
    }
  }
}
