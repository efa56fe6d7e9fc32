/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.api.RuntimeVersionReader;
import io.basalt.executor.host.FreeingBumpAllocator;
import io.basalt.executor.host.HostCallContext;
import io.basalt.executor.host.HostFunctionException;
import io.basalt.executor.host.HostFunctionRegistry;
import io.basalt.executor.host.HostMemory;
import io.basalt.executor.host.RuntimePanicException;
import io.basalt.executor.state.Externalities;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StateBackend;
import io.basalt.executor.vm.CompiledRuntime;
import io.basalt.executor.vm.HostCallDispatcher;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.executor.vm.WasmEngine;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.executor.vm.WasmInstance;
import io.basalt.executor.vm.WasmTrapException;
import io.basalt.executor.vm.chicory.ChicoryWasmEngine;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.cache.LruMap;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.WellKnownKeys;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls runtime APIs: {@code call(code, "Core_execute_block", block, ext)}.
 *
 * <p>Each runtime is prepared once per code hash (kept in a small LRU, {@code
 * --runtime-cache-size}) and every call runs on a pristine instance, on a dedicated thread with a
 * large JVM stack (compiled Wasm recurses on it; compilation runs there too), so nothing depends on
 * the stack size of the caller's thread. The input is placed in Wasm memory with the host
 * allocator, the export {@code (i32, i32) -> i64} is called and the pointer-size result copied out.
 * {@code :heappages} from the state sets the heap (default 2048 pages on top of the module's
 * initial memory). In compiled mode a new runtime does not stall its first calls: they run in the
 * interpreter while it compiles in the background (unless its compiled code is in the disk cache),
 * then calls switch to the compiled code ({@link ExecutorConfig#tieredStart()}). A trap or panic
 * becomes a {@link RuntimeTrapException} with the runtime's panic message; storage transactions the
 * runtime left open are rolled back.
 *
 * <pre>{@code
 * RuntimeExecutor executor = new RuntimeExecutor(ExecutorConfig.defaults(), services);
 * RuntimeVersion v = executor.version(RuntimeBlob.parse(code));
 * byte[] metadata = executor.call(blob, "Metadata_metadata", new byte[0], ext);
 * }</pre>
 */
public final class RuntimeExecutor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("executor");

  /** Heap pages added on top of the module's initial memory when {@code :heappages} is unset. */
  public static final long DEFAULT_HEAP_PAGES = 2048;

  private final HostFunctionRegistry registry;
  private final HostServices services;
  private final ExecutorConfig config;
  private final ExecutorService threads;
  private final RuntimePreparer preparer;
  private final Map<Hash256, CompletableFuture<CompiledRuntime>> compiled;
  private final Map<Hash256, RuntimeVersion> versions;

  /** An executor on Chicory with the standard host functions. */
  public RuntimeExecutor(ExecutorConfig config, HostServices services) {
    this(config, services, RuntimePreparationListener.NONE);
  }

  /**
   * An executor on Chicory with the standard host functions whose runtime preparations (compile
   * times) are reported to {@code listener}.
   */
  public RuntimeExecutor(
      ExecutorConfig config, HostServices services, RuntimePreparationListener listener) {
    this(
        new ChicoryWasmEngine(config.method(), config.compilationCache()),
        Optional.of(new ChicoryWasmEngine(WasmExecutionMethod.INTERPRETED, Optional.empty())),
        HostFunctionRegistry.standard(),
        services,
        config,
        listener);
  }

  /** An executor on any engine and registry, without a tiered start (tests, other engines). */
  public RuntimeExecutor(
      WasmEngine engine,
      HostFunctionRegistry registry,
      HostServices services,
      ExecutorConfig config) {
    this(engine, Optional.empty(), registry, services, config, RuntimePreparationListener.NONE);
  }

  /**
   * An executor on any engines and registry.
   *
   * @param engine the engine of {@code config.method()}
   * @param interpreter the engine a tiered start begins with (used only when {@code engine}
   *     compiles and {@code config.tieredStart()})
   * @param registry the host functions
   * @param services the host services of calls that bring none
   * @param config the settings
   * @param listener hears when runtimes become ready
   */
  public RuntimeExecutor(
      WasmEngine engine,
      Optional<WasmEngine> interpreter,
      HostFunctionRegistry registry,
      HostServices services,
      ExecutorConfig config,
      RuntimePreparationListener listener) {
    this.registry = registry;
    this.services = services;
    this.config = config;
    this.threads = Executors.newCachedThreadPool(new WasmThreadFactory(config.stackSizeBytes()));
    this.preparer =
        new RuntimePreparer(
            engine,
            config.tieredStart() ? interpreter : Optional.empty(),
            registry,
            listener,
            threads);
    int cacheSize = config.runtimeCacheSize();
    this.compiled = java.util.Collections.synchronizedMap(new LruMap<>(cacheSize));
    this.versions = new java.util.concurrent.ConcurrentHashMap<>();
  }

  /** The host functions this executor provides. */
  public HostFunctionRegistry registry() {
    return registry;
  }

  /**
   * Prepares (or fetches from the in-memory cache) a runtime to run calls. In compiled mode with
   * the tiered start, a runtime that is not in the disk cache comes back running in the
   * interpreter, its compilation started in the background (by a call: once that call is over);
   * calls switch to the compiled code when it is ready ({@link #whenCompiled}). Preparation runs on
   * one of the executor's large-stack Wasm threads, like the calls themselves: the compiler
   * recurses over the code, and callers' threads (the node's own, a test's) have an ordinary JVM
   * stack.
   *
   * @throws InvalidRuntimeCodeException if the code cannot be used
   */
  public CompiledRuntime prepare(RuntimeBlob code) {
    CompiledRuntime runtime = cached(code);
    if (runtime instanceof TieredRuntime tiered) {
      preparer.startCompiling(tiered, code);
    }
    return runtime;
  }

  /**
   * Completes once calls of a tiered-start runtime run its compiled code; at once if the runtime is
   * not tiered, not in memory or not being compiled (only its version was read); exceptionally if
   * the compilation failed, the runtime then staying in the interpreter. Benchmarks and tests wait
   * on it.
   */
  public CompletableFuture<Void> whenCompiled(RuntimeBlob code) {
    CompletableFuture<CompiledRuntime> entry = compiled.get(code.codeHash());
    if (entry != null
        && entry.isDone()
        && !entry.isCompletedExceptionally()
        && entry.join() instanceof TieredRuntime tiered
        && tiered.compilationClaimed()) {
      return tiered.compiled().thenApply(r -> null);
    }
    return CompletableFuture.completedFuture(null);
  }

  /** The runtime from the in-memory cache, prepared on a miss (without starting a compilation). */
  private CompiledRuntime cached(RuntimeBlob code) {
    CompletableFuture<CompiledRuntime> mine = new CompletableFuture<>();
    CompletableFuture<CompiledRuntime> existing = compiled.putIfAbsent(code.codeHash(), mine);
    if (existing == null) {
      try {
        mine.complete(onWasmThread(() -> preparer.prepare(code)));
      } catch (RuntimeException | Error e) {
        compiled.remove(code.codeHash(), mine);
        mine.completeExceptionally(e);
        throw e;
      }
      return mine.join();
    }
    try {
      return existing.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for runtime compilation", e);
    }
  }

  /**
   * Calls a runtime API with the executor's services.
   *
   * @param code the runtime
   * @param method the export, e.g. {@code Core_execute_block}
   * @param input the SCALE-encoded arguments
   * @param ext the state the call reads and writes
   * @return the SCALE-encoded result
   * @throws RuntimeTrapException if the runtime trapped or panicked
   * @throws InvalidRuntimeCodeException if the code is unusable or lacks the export
   */
  public byte[] call(RuntimeBlob code, String method, byte[] input, Externalities ext) {
    return call(code, method, input, ext, services);
  }

  /** Calls a runtime API with per-call services (e.g. offchain capabilities for workers). */
  public byte[] call(
      RuntimeBlob code, String method, byte[] input, Externalities ext, HostServices callServices) {
    CompiledRuntime runtime = cached(code);
    long heapPages = heapPages(ext.get(WellKnownKeys.HEAP_PAGES));
    try {
      return onWasmThread(
          () -> invoke(runtime, method, input, ext, callServices, heapPages, false));
    } finally {
      // A tiered runtime starts compiling once this call is over, so the call does not share the
      // CPU and the garbage collector with the compiler.
      if (runtime instanceof TieredRuntime tiered) {
        preparer.startCompiling(tiered, code);
      }
    }
  }

  /**
   * The runtime's version: from its custom sections, else by calling {@code Core_version} with
   * empty state. Cached per code hash.
   */
  public RuntimeVersion version(RuntimeBlob code) {
    RuntimeVersion cached = versions.get(code.codeHash());
    if (cached != null) {
      return cached;
    }
    RuntimeVersion version =
        code.embeddedVersion()
            .orElseGet(
                () -> {
                  byte[] encoded = callCoreVersion(code, false);
                  try {
                    return RuntimeVersion.decode(encoded, OptionalLong.empty());
                  } catch (ScaleDecodingException e) {
                    throw new InvalidRuntimeCodeException(
                        "runtime " + code.codeHash() + " returned an undecodable version", e);
                  }
                });
    versions.put(code.codeHash(), version);
    return version;
  }

  /**
   * The reader behind {@code ext_misc_runtime_version_version_1}: the encoded version of any code
   * (custom sections, else {@code Core_version} in a fresh instance with empty state), or empty.
   * Native runtimes get it in their {@link io.basalt.executor.api.RuntimeContext}.
   */
  public RuntimeVersionReader versionReader() {
    return this::readVersion;
  }

  /** {@code ext_misc_runtime_version}: the encoded version of any code, or empty on failure. */
  private Optional<byte[]> readVersion(byte[] code) {
    try {
      RuntimeBlob blob = RuntimeBlob.parse(code);
      if (blob.embeddedVersion().isPresent()) {
        return Optional.of(blob.embeddedVersion().get().encode());
      }
      return Optional.of(callCoreVersion(blob, true));
    } catch (InvalidRuntimeCodeException | RuntimeTrapException e) {
      LOG.debug("cannot read the version of runtime code: {}", e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * {@code Core_version} on empty state. Reading a version does not start a compilation: the
   * runtime may never run a real call (an override that never applies, code a {@code set_code}
   * rejects); its first real call will.
   */
  private byte[] callCoreVersion(RuntimeBlob code, boolean allowMissingImports) {
    CompiledRuntime runtime = cached(code);
    Externalities empty = new OverlayedExternalities(new OverlayedChanges(), StateBackend.empty());
    return onWasmThread(
        () ->
            invoke(
                runtime,
                "Core_version",
                new byte[0],
                empty,
                services,
                DEFAULT_HEAP_PAGES,
                allowMissingImports));
  }

  /** Extra heap pages from a {@code :heappages} value (u64 LE); the default if absent or short. */
  public static long heapPages(Optional<Bytes> value) {
    if (value.isEmpty() || value.get().length() < 8) {
      return DEFAULT_HEAP_PAGES;
    }
    byte[] v = value.get().unsafeArray();
    long pages = 0;
    for (int i = 7; i >= 0; i--) {
      pages = (pages << 8) | (v[i] & 0xff);
    }
    return pages < 0 ? Long.MAX_VALUE : pages;
  }

  private byte[] invoke(
      CompiledRuntime runtime,
      String method,
      byte[] input,
      Externalities ext,
      HostServices callServices,
      long heapPages,
      boolean allowMissingImports) {
    HostCallContext[] context = new HostCallContext[1];
    HostCallDispatcher dispatcher =
        (index, args) -> {
          HostFunctionRegistry.HostFunction f = registry.function(index);
          try {
            return f.handler().invoke(context[0], args);
          } catch (RuntimePanicException e) {
            throw e;
          } catch (HostFunctionException e) {
            throw new HostFunctionException(f.name() + ": " + e.getMessage(), e);
          }
        };
    WasmInstance instance = runtime.instantiate(heapPages, dispatcher, allowMissingImports);
    HostMemory memory =
        new HostMemory(
            instance.memory(), new FreeingBumpAllocator(instance.heapBase(), instance.memory()));
    HostCallContext ctx = new HostCallContext(memory, ext, callServices, this::readVersion);
    context[0] = ctx;
    try {
      int ptr = memory.allocateAndWrite(input);
      long result = instance.callExport(method, ptr, input.length);
      try {
        return memory.read(result);
      } catch (HostFunctionException e) {
        throw new RuntimeTrapException(
            method,
            "the runtime returned an invalid result: " + e.getMessage(),
            Optional.empty(),
            e);
      }
    } catch (RuntimePanicException e) {
      throw new RuntimeTrapException(
          method, "ext_panic_handler_abort_on_panic", Optional.of(e.panicMessage()), e);
    } catch (HostFunctionException e) {
      throw new RuntimeTrapException(method, e.getMessage(), Optional.empty(), e);
    } catch (WasmTrapException e) {
      throw new RuntimeTrapException(method, e.getMessage(), ctx.lastErrorLog(), e);
    } finally {
      int dangling = ctx.openTransactions();
      if (dangling > 0) {
        LOG.warn("{} storage transaction(s) left open by {}; rolling them back", dangling, method);
        for (int i = 0; i < dangling; i++) {
          ext.rollbackTransaction();
        }
      }
    }
  }

  private static final ThreadLocal<Boolean> ON_WASM_THREAD = ThreadLocal.withInitial(() -> false);

  private <T> T onWasmThread(Supplier<T> task) {
    if (ON_WASM_THREAD.get()) {
      return task.get();
    }
    Future<T> future =
        threads.submit(
            () -> {
              ON_WASM_THREAD.set(true);
              try {
                return task.get();
              } finally {
                ON_WASM_THREAD.remove();
              }
            });
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a runtime call", e);
    }
  }

  /** How long {@link #close()} waits for background compilations to end. */
  static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(30);

  /**
   * Waits (up to 30 s) for background compilations to end, so none writes the disk cache after the
   * executor's owner is gone, then stops the Wasm threads.
   */
  @Override
  public void close() {
    preparer.awaitCompilations(CLOSE_WAIT);
    threads.shutdownNow();
  }

  /** The configuration this executor runs with. */
  public ExecutorConfig config() {
    return config;
  }

  private static final class WasmThreadFactory implements ThreadFactory {
    private final long stackSize;
    private final AtomicInteger counter = new AtomicInteger();

    WasmThreadFactory(long stackSize) {
      this.stackSize = stackSize;
    }

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(null, r, "basalt-wasm-" + counter.incrementAndGet(), stackSize);
      t.setDaemon(true);
      return t;
    }
  }
}
