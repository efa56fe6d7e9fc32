/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import io.basalt.executor.vm.ImportCatalogue;
import io.basalt.executor.vm.WasmSignature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The catalogue of host functions: exact import name ({@code ext_<namespace>_<function>_version_
 * <n>}), Wasm signature, implementation status and handler. Each {@code *HostApi} class registers
 * its namespace here; the VM binds a runtime's imports to it and {@code docs/host-api-status.md} is
 * generated from it.
 */
public final class HostFunctionRegistry implements ImportCatalogue {
  /** How complete a host function is. */
  public enum Status {
    /** Fully implemented here. */
    IMPLEMENTED("implemented"),
    /** Marshalling done here; the work is delegated to a seam the node wires in. */
    DELEGATED("delegated"),
    /** Registered so runtimes that import it instantiate; traps when called. */
    TRAPS("traps when called");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One host function.
   *
   * @param namespace e.g. {@code storage}
   * @param function e.g. {@code clear_prefix}
   * @param version e.g. 2
   * @param signature the Wasm type
   * @param status how complete it is
   * @param note what it delegates to or why it traps (empty if implemented)
   * @param handler the implementation
   */
  public record HostFunction(
      String namespace,
      String function,
      int version,
      WasmSignature signature,
      Status status,
      String note,
      HostFunctionHandler handler) {
    /** The exact Wasm import name. */
    public String name() {
      return "ext_" + namespace + "_" + function + "_version_" + version;
    }
  }

  private static final HostFunctionRegistry STANDARD = buildStandard();

  private final List<HostFunction> functions;
  private final Map<String, Integer> byName;

  private HostFunctionRegistry(List<HostFunction> functions) {
    this.functions = List.copyOf(functions);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < functions.size(); i++) {
      if (index.put(functions.get(i).name(), i) != null) {
        throw new IllegalStateException(
            "host function registered twice: " + functions.get(i).name());
      }
    }
    this.byName = Collections.unmodifiableMap(index);
  }

  /** Every host function of the Polkadot host API this node provides. */
  public static HostFunctionRegistry standard() {
    return STANDARD;
  }

  private static HostFunctionRegistry buildStandard() {
    Builder b = builder();
    AllocatorHostApi.register(b);
    HashingHostApi.register(b);
    LoggingHostApi.register(b);
    MiscHostApi.register(b);
    PanicHandlerHostApi.register(b);
    StorageHostApi.register(b);
    DefaultChildStorageHostApi.register(b);
    TrieHostApi.register(b);
    CryptoHostApi.register(b);
    OffchainHostApi.register(b);
    OffchainIndexHostApi.register(b);
    TransactionIndexHostApi.register(b);
    WasmTracingHostApi.register(b);
    SandboxHostApi.register(b);
    StorageProofSizeHostApi.register(b);
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** All functions in registration order. */
  public List<HostFunction> functions() {
    return functions;
  }

  /** The function with this exact import name. */
  public Optional<HostFunction> lookup(String name) {
    Integer i = byName.get(name);
    return i == null ? Optional.empty() : Optional.of(functions.get(i));
  }

  /** The function at a catalogue index. */
  public HostFunction function(int index) {
    return functions.get(index);
  }

  @Override
  public OptionalInt indexOf(String name) {
    Integer i = byName.get(name);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  @Override
  public String name(int index) {
    return functions.get(index).name();
  }

  @Override
  public WasmSignature signature(int index) {
    return functions.get(index).signature();
  }

  /** Collects host functions. */
  public static final class Builder {
    private final List<HostFunction> functions = new ArrayList<>();

    private Builder() {}

    /** Registers a fully implemented function. */
    public Builder register(
        String namespace,
        String function,
        int version,
        WasmSignature signature,
        HostFunctionHandler handler) {
      return register(namespace, function, version, signature, Status.IMPLEMENTED, "", handler);
    }

    /** Registers a function with an explicit status and note. */
    public Builder register(
        String namespace,
        String function,
        int version,
        WasmSignature signature,
        Status status,
        String note,
        HostFunctionHandler handler) {
      functions.add(
          new HostFunction(namespace, function, version, signature, status, note, handler));
      return this;
    }

    public HostFunctionRegistry build() {
      return new HostFunctionRegistry(functions);
    }
  }
}
