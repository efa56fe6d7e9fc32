/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm.chicory;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import io.basalt.executor.vm.ImportCatalogue;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.WasmSignature;
import io.basalt.executor.vm.WasmValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * How a module's imports map to the host: each function import to a catalogue index (or -1 when
 * missing), and the memory (imported {@code env.memory}, or defined by the module).
 */
record ImportBinding(
    List<FunctionBinding> functions,
    boolean importsMemory,
    int initialPages,
    List<String> missing) {

  /** One function import. */
  record FunctionBinding(String module, String name, FunctionType type, int catalogueIndex) {}

  static ImportBinding resolve(WasmModule module, ImportCatalogue catalogue, String codeHash) {
    List<FunctionBinding> functions = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    boolean importsMemory = false;
    int initialPages = -1;
    for (int i = 0; i < module.importSection().importCount(); i++) {
      Import imp = module.importSection().getImport(i);
      String qualified = imp.module() + "." + imp.name();
      if (imp instanceof FunctionImport fi) {
        FunctionType type = module.typeSection().getType(fi.typeIndex());
        OptionalInt index =
            imp.module().equals("env") ? catalogue.indexOf(imp.name()) : OptionalInt.empty();
        if (index.isEmpty()) {
          missing.add(qualified);
          functions.add(new FunctionBinding(imp.module(), imp.name(), type, -1));
          continue;
        }
        WasmSignature expected = catalogue.signature(index.getAsInt());
        String actual = describe(type);
        if (!actual.equals(expected.toString())) {
          problems.add(
              "import "
                  + qualified
                  + " has type "
                  + actual
                  + " but the host function has type "
                  + expected);
        }
        functions.add(new FunctionBinding(imp.module(), imp.name(), type, index.getAsInt()));
      } else if (imp instanceof MemoryImport mi) {
        if (!qualified.equals("env.memory")) {
          problems.add("memory import " + qualified + " (only env.memory is supported)");
        }
        importsMemory = true;
        initialPages = mi.limits().initialPages();
      } else {
        problems.add(
            imp.importType().name().toLowerCase(java.util.Locale.ROOT)
                + " import "
                + qualified
                + " (runtimes may import only host functions and env.memory)");
      }
    }
    if (!importsMemory) {
      int memories = module.memorySection().map(s -> s.memoryCount()).orElse(0);
      if (memories != 1) {
        problems.add(
            "the module defines "
                + memories
                + " memories and imports none; exactly one memory is required");
      } else {
        MemoryLimits limits = module.memorySection().get().getMemory(0).limits();
        initialPages = limits.initialPages();
      }
    } else if (module.memorySection().map(s -> s.memoryCount()).orElse(0) > 0) {
      problems.add("the module both imports and defines a memory; exactly one is allowed");
    }
    if (!exportsGlobal(module, "__heap_base")) {
      problems.add("the module does not export the global __heap_base");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRuntimeCodeException(
          "runtime " + codeHash + " cannot be instantiated: " + String.join("; ", problems));
    }
    return new ImportBinding(
        List.copyOf(functions), importsMemory, initialPages, List.copyOf(missing));
  }

  private static boolean exportsGlobal(WasmModule module, String name) {
    for (int i = 0; i < module.exportSection().exportCount(); i++) {
      Export e = module.exportSection().getExport(i);
      if (e.name().equals(name) && e.exportType() == ExternalType.GLOBAL) {
        return true;
      }
    }
    return false;
  }

  static String describe(FunctionType type) {
    List<WasmValueType> params = new ArrayList<>();
    List<WasmValueType> results = new ArrayList<>();
    for (ValType p : type.params()) {
      params.add(map(p));
    }
    for (ValType r : type.returns()) {
      results.add(map(r));
    }
    if (params.contains(null) || results.contains(null) || results.size() > 1) {
      return type.toString();
    }
    return new WasmSignature(params, results).toString();
  }

  private static WasmValueType map(ValType t) {
    if (t.equals(ValType.I32)) {
      return WasmValueType.I32;
    }
    if (t.equals(ValType.I64)) {
      return WasmValueType.I64;
    }
    return null;
  }
}
