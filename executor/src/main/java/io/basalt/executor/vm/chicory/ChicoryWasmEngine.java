/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm.chicory;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import io.basalt.executor.vm.CompiledRuntime;
import io.basalt.executor.vm.ImportCatalogue;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmEngine;
import io.basalt.executor.vm.WasmExecutionMethod;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Chicory Wasm engine: parses a runtime, binds its imports to the host catalogue and, in
 * compiled mode, translates it to JVM bytecode once.
 *
 * <p>Functions too large for a JVM method (64 KiB of bytecode) are left to Chicory's interpreter
 * and reported at WARN (target {@code executor}), never silently. With a cache directory, the
 * compiled classes are stored per code hash so a restarted node does not recompile; a cache entry
 * that cannot be read or loaded is deleted and the runtime recompiled, so local I/O problems never
 * make valid code look invalid.
 *
 * <p>A compilation that runs out of heap is not fatal: the runtime runs in the interpreter instead,
 * with one warning ({@link #compileOrInterpret}).
 */
public final class ChicoryWasmEngine implements WasmEngine {
  private static final Logger LOG = LoggerFactory.getLogger("executor");
  private static final Pattern TOO_LARGE = Pattern.compile("WASM function index: (\\d+)");

  private final WasmExecutionMethod method;
  private final Optional<Path> cacheDirectory;
  private final java.util.concurrent.atomic.AtomicInteger cacheHits =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * An engine running Wasm with the given method.
   *
   * @param method compiled (default) or interpreted
   * @param cacheDirectory where compiled classes are kept across restarts (compiled mode only)
   */
  public ChicoryWasmEngine(WasmExecutionMethod method, Optional<Path> cacheDirectory) {
    this.method = method;
    this.cacheDirectory = cacheDirectory;
  }

  /** How many compilations were served from the disk cache instead of compiling. */
  public int compilationCacheHits() {
    return cacheHits.get();
  }

  @Override
  public WasmExecutionMethod method() {
    return method;
  }

  @Override
  public boolean hasCompiledOnDisk(RuntimeBlob blob) {
    return method == WasmExecutionMethod.COMPILED
        && cacheDirectory.isPresent()
        && new DirectoryCompilationCache(
                cacheDirectory.get(),
                io.basalt.primitives.bytes.Hex.encodeBare(blob.codeHash().unsafeArray()))
            .hasModules();
  }

  @Override
  public CompiledRuntime compile(RuntimeBlob blob, ImportCatalogue imports) {
    long start = System.nanoTime();
    WasmModule module;
    try {
      module = Parser.parse(blob.wasm().unsafeArray());
    } catch (ChicoryException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new InvalidRuntimeCodeException(
          "runtime " + blob.codeHash() + " is not a valid Wasm module: " + e.getMessage(), e);
    }
    ImportBinding binding = ImportBinding.resolve(module, imports, blob.codeHash().toHex());
    long parsed = System.nanoTime();
    Function<Instance, Machine> machineFactory = null;
    List<Integer> interpreted = List.of();
    if (method == WasmExecutionMethod.COMPILED) {
      Optional<DirectoryCompilationCache> cache =
          cacheDirectory.map(
              d ->
                  new DirectoryCompilationCache(
                      d, io.basalt.primitives.bytes.Hex.encodeBare(blob.codeHash().unsafeArray())));
      Optional<CompileOutcome> outcome = compileOrInterpret(module, blob, cache);
      cache.ifPresent(c -> cacheHits.addAndGet(c.hits()));
      machineFactory = outcome.map(CompileOutcome::factory).orElse(null);
      interpreted = outcome.map(CompileOutcome::interpreted).orElse(List.of());
    }
    LOG.debug(
        "runtime {} ready ({}): parsed in {} ms, prepared in {} ms",
        blob.codeHash(),
        method.cliName(),
        (parsed - start) / 1_000_000,
        (System.nanoTime() - parsed) / 1_000_000);
    WasmExecutionMethod ran =
        machineFactory == null ? WasmExecutionMethod.INTERPRETED : WasmExecutionMethod.COMPILED;
    return new ChicoryCompiledRuntime(
        blob.codeHash(), ran, module, binding, machineFactory, interpreted);
  }

  private record CompileOutcome(Function<Instance, Machine> factory, List<Integer> interpreted) {}

  /**
   * The fallback for a heap too small to compile: compiles to bytecode, or, when that runs out of
   * heap, gives up the compilation (its garbage is freed as the error unwinds) and returns empty,
   * so the runtime runs in the interpreter. Calls need far less heap than the compiler, which holds
   * the whole module's generated classes at once.
   */
  private static Optional<CompileOutcome> compileOrInterpret(
      WasmModule module, RuntimeBlob blob, Optional<DirectoryCompilationCache> cache) {
    try {
      return Optional.of(compileToBytecode(module, blob, cache));
    } catch (OutOfMemoryError e) {
      LOG.warn(
          "runtime {}: not enough heap to compile it (max heap {} MiB); it runs in the interpreter"
              + " (slower). Raise the heap with -Xmx to compile it",
          blob.codeHash(),
          Runtime.getRuntime().maxMemory() / (1024 * 1024));
      return Optional.empty();
    }
  }

  /**
   * Compiles through the disk cache, if any. A failure while an entry was served from disk is the
   * entry's fault, not the code's: the entry is deleted and the runtime compiled afresh.
   */
  private static CompileOutcome compileToBytecode(
      WasmModule module, RuntimeBlob blob, Optional<DirectoryCompilationCache> cache) {
    if (cache.isEmpty()) {
      return compileWithFallbacks(module, blob, new TreeSet<>(), Optional.empty());
    }
    DirectoryCompilationCache c = cache.get();
    int functions =
        module.importSection().count(ExternalType.FUNCTION)
            + module.functionSection().functionCount();
    Set<Integer> interpreted = c.readInterpretedFunctions(functions);
    try {
      return compileWithFallbacks(module, blob, interpreted, cache);
    } catch (RuntimeException | LinkageError e) {
      if (!c.servedEntry()) {
        throw e;
      }
      c.discardModules("Chicory cannot load it: " + e);
      return compileWithFallbacks(module, blob, interpreted, cache);
    }
  }

  /**
   * Compiles, moving each function too large for a JVM method to the interpreter until the rest
   * compiles.
   */
  private static CompileOutcome compileWithFallbacks(
      WasmModule module,
      RuntimeBlob blob,
      Set<Integer> interpreted,
      Optional<DirectoryCompilationCache> cache) {
    while (true) {
      try {
        MachineFactoryCompiler.Builder builder =
            MachineFactoryCompiler.builder(module)
                .withInterpreterFallback(InterpreterFallback.FAIL);
        if (!interpreted.isEmpty()) {
          builder.withInterpretedFunctions(interpreted);
        }
        cache.ifPresent(builder::withCache);
        Function<Instance, Machine> factory = builder.compile();
        if (cache.isPresent() && !interpreted.isEmpty()) {
          cache.get().writeInterpretedFunctions(interpreted);
        }
        for (int f : interpreted) {
          LOG.warn(
              "runtime {}: Wasm function {} exceeds the JVM method size limit and runs in the"
                  + " interpreter (slower)",
              blob.codeHash(),
              functionLabel(module, f));
        }
        return new CompileOutcome(factory, List.copyOf(interpreted));
      } catch (ChicoryException e) {
        if (cache.isPresent() && cache.get().servedEntry()) {
          throw e; // the entry's fault: compileToBytecode discards it and compiles afresh
        }
        Integer tooLarge = tooLargeFunction(e);
        if (tooLarge == null || !interpreted.add(tooLarge)) {
          throw new InvalidRuntimeCodeException(
              "cannot compile runtime " + blob.codeHash() + ": " + e.getMessage(), e);
        }
      }
    }
  }

  private static Integer tooLargeFunction(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        Matcher m = TOO_LARGE.matcher(t.getMessage());
        if (m.find()) {
          return Integer.valueOf(m.group(1));
        }
      }
    }
    return null;
  }

  private static String functionLabel(WasmModule module, int index) {
    String name = module.nameSection() == null ? null : module.nameSection().nameOfFunction(index);
    return name == null ? "#" + index : "#" + index + " (" + name + ")";
  }
}
