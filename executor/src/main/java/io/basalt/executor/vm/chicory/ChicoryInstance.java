/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm.chicory;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.LinearMemory;
import io.basalt.executor.vm.WasmInstance;
import io.basalt.executor.vm.WasmTrapException;
import io.basalt.primitives.bytes.Hash256;
import java.util.List;

/** One Chicory instance of a runtime, used for a single call. */
final class ChicoryInstance implements WasmInstance {
  private static final FunctionType RUNTIME_API_TYPE =
      FunctionType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I64));

  private final Instance instance;
  private final Hash256 codeHash;
  private final LinearMemory memory;

  ChicoryInstance(Instance instance, Hash256 codeHash) {
    this.instance = instance;
    this.codeHash = codeHash;
    this.memory = new ChicoryLinearMemory(instance.memory());
  }

  @Override
  public LinearMemory memory() {
    return memory;
  }

  /** Memory pages allocated so far: fewer than {@code memory().pages()} until they are touched. */
  int backedPages() {
    return instance.memory() instanceof OnDemandMemory m ? m.backedPages() : memory.pages();
  }

  @Override
  public int heapBase() {
    GlobalInstance global = instance.exports().global("__heap_base");
    return (int) global.getValue();
  }

  @Override
  public boolean hasExport(String name) {
    ExportSection exports = instance.module().exportSection();
    for (int i = 0; i < exports.exportCount(); i++) {
      Export e = exports.getExport(i);
      if (e.name().equals(name) && e.exportType() == ExternalType.FUNCTION) {
        return true;
      }
    }
    return false;
  }

  @Override
  public long callExport(String name, int ptr, int len) {
    if (!hasExport(name)) {
      throw new InvalidRuntimeCodeException(
          "runtime " + codeHash + " does not export the function " + name);
    }
    FunctionType type;
    ExportFunction function;
    try {
      type = instance.exportType(name);
      function = instance.export(name);
    } catch (ChicoryException e) {
      throw new InvalidRuntimeCodeException(
          "runtime " + codeHash + " does not export the function " + name, e);
    }
    if (!RUNTIME_API_TYPE.equals(type)) {
      throw new InvalidRuntimeCodeException(
          "runtime "
              + codeHash
              + " exports "
              + name
              + " with type "
              + ImportBinding.describe(type)
              + ", expected (i32,i32)->(i64)");
    }
    try {
      long[] result = function.apply(ptr & 0xffffffffL, len & 0xffffffffL);
      return result[0];
    } catch (StackOverflowError e) {
      throw new WasmTrapException("call stack exhausted (stack overflow)", e);
    } catch (RuntimeException e) {
      RuntimeException hostFailure = hostFailure(e);
      if (hostFailure != null) {
        throw hostFailure;
      }
      throw new WasmTrapException("wasm trap: " + describe(e), e);
    }
  }

  /**
   * The exception a host function threw, if this failure came from one: the first non-Chicory
   * exception in the cause chain.
   */
  static RuntimeException hostFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ChicoryException) {
        continue;
      }
      if (t instanceof RuntimeException r) {
        return r;
      }
      return null;
    }
    return null;
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
