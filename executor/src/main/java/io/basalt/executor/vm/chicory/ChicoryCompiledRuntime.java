/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm.chicory;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.basalt.executor.vm.CompiledRuntime;
import io.basalt.executor.vm.HostCallDispatcher;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.executor.vm.WasmInstance;
import io.basalt.executor.vm.WasmTrapException;
import io.basalt.primitives.bytes.Hash256;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A parsed (and possibly compiled) runtime from which pristine Chicory instances are made. */
final class ChicoryCompiledRuntime implements CompiledRuntime {
  private final Hash256 codeHash;
  private final WasmExecutionMethod method;
  private final WasmModule module;
  private final ImportBinding binding;
  private final Function<Instance, Machine> machineFactory;
  private final List<Integer> interpretedFunctions;

  ChicoryCompiledRuntime(
      Hash256 codeHash,
      WasmExecutionMethod method,
      WasmModule module,
      ImportBinding binding,
      Function<Instance, Machine> machineFactory,
      List<Integer> interpretedFunctions) {
    this.codeHash = codeHash;
    this.method = method;
    this.module = module;
    this.binding = binding;
    this.machineFactory = machineFactory;
    this.interpretedFunctions = List.copyOf(interpretedFunctions);
  }

  @Override
  public Hash256 codeHash() {
    return codeHash;
  }

  @Override
  public WasmExecutionMethod method() {
    return method;
  }

  @Override
  public List<String> missingImports() {
    return binding.missing();
  }

  @Override
  public List<Integer> interpretedFunctions() {
    return interpretedFunctions;
  }

  @Override
  public WasmInstance instantiate(
      long extraHeapPages, HostCallDispatcher dispatcher, boolean allowMissingImports) {
    if (!allowMissingImports && !binding.missing().isEmpty()) {
      throw new InvalidRuntimeCodeException(
          "runtime "
              + codeHash
              + " imports "
              + binding.missing().size()
              + " function(s) this node does not provide: "
              + String.join(", ", binding.missing()));
    }
    int initial = binding.initialPages();
    long maxPages =
        Math.min((long) initial + Math.max(0, extraHeapPages), Memory.RUNTIME_MAX_PAGES);
    if (maxPages < initial) {
      throw new InvalidRuntimeCodeException(
          "runtime "
              + codeHash
              + " declares "
              + initial
              + " initial memory pages, more than the "
              + Memory.RUNTIME_MAX_PAGES
              + " this engine supports");
    }
    // Substrate's static heap: initial + heap pages from the start, no growth beyond. Backed on
    // demand, so an instance costs the pages it touches.
    int pages = (int) maxPages;
    MemoryLimits limits = new MemoryLimits(pages, pages);
    List<ImportFunction> functions = new ArrayList<>(binding.functions().size());
    for (ImportBinding.FunctionBinding f : binding.functions()) {
      functions.add(hostFunction(f, dispatcher));
    }
    ImportValues.Builder imports = ImportValues.builder().withFunctions(functions);
    Instance.Builder builder = Instance.builder(module);
    if (binding.importsMemory()) {
      imports.addMemory(
          new ImportMemory("env", "memory", new OnDemandMemory(initial, pages, pages)));
    } else {
      builder
          .withMemoryLimits(limits)
          .withMemoryFactory(l -> new OnDemandMemory(initial, pages, pages));
    }
    builder.withImportValues(imports.build());
    if (machineFactory != null) {
      builder.withMachineFactory(machineFactory);
    }
    Instance instance;
    try {
      instance = builder.build();
    } catch (StackOverflowError e) {
      throw new WasmTrapException("call stack exhausted while running the start function", e);
    } catch (RuntimeException e) {
      RuntimeException hostFailure = ChicoryInstance.hostFailure(e);
      if (hostFailure != null) {
        throw hostFailure;
      }
      if (e instanceof ChicoryException) {
        throw new InvalidRuntimeCodeException(
            "runtime " + codeHash + " cannot be instantiated: " + e.getMessage(), e);
      }
      throw e;
    }
    return new ChicoryInstance(instance, codeHash);
  }

  private static ImportFunction hostFunction(
      ImportBinding.FunctionBinding f, HostCallDispatcher dispatcher) {
    int index = f.catalogueIndex();
    if (index < 0) {
      String qualified = f.module() + "." + f.name();
      return new HostFunction(
          f.module(),
          f.name(),
          f.type(),
          (instance, args) -> {
            throw new WasmTrapException(
                "the runtime called " + qualified + ", a host function this node does not provide");
          });
    }
    boolean hasResult = !f.type().returns().isEmpty();
    return new HostFunction(
        f.module(),
        f.name(),
        f.type(),
        (instance, args) -> {
          long result = dispatcher.dispatch(index, args);
          return hasResult ? new long[] {result} : null;
        });
  }
}
