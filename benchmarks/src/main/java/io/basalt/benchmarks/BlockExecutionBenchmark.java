/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks;

import io.basalt.executor.ExecutorConfig;
import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.api.CryptoProvider;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.ecdsa.EcdsaVerifyError;
import io.basalt.primitives.scale.Result;
import io.basalt.primitives.types.Block;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.CallOutcome;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.NativeRuntimeUnderTest;
import io.basalt.runtime.demo.chain.RuntimeUnderTest;
import io.basalt.runtime.demo.chain.TestRuntimes;
import io.basalt.runtime.demo.chain.WasmRuntimeUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code Core_execute_block} of a basalt-demo block of {@code transfers} signed (sr25519) {@code
 * transfer_keep_alive} extrinsics plus the timestamp inherent, on the parent state (a trie in
 * memory), by the Java runtime, the Wasm runtime compiled, and the Wasm runtime interpreted. Each
 * invocation starts from a fresh overlay and state backend, so the storage root is recomputed every
 * time. Signature checks run in Java in every case (host functions or the native crypto provider).
 *
 * <pre>{@code
 * bin/bench BlockExecution -f 1 -wi 2 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BlockExecutionBenchmark {
  @Param({"native", "compiled", "interpreted"})
  public String runtime;

  @Param({"1000"})
  public int transfers;

  /**
   * {@code verified}: real sr25519 verification (what a node does); {@code trusted}: a crypto
   * provider that accepts every signature, leaving the runtime's own work.
   */
  @Param({"verified"})
  public String signatures;

  private RuntimeExecutor executor;
  private RuntimeUnderTest underTest;
  private DemoChain parent;
  private byte[] encodedBlock;

  /**
   * {@code runtime-wasm/blobs}: {@code -Dbasalt.wasm.blobs}, else found from the working directory.
   */
  static Path blobs() {
    String configured = System.getProperty("basalt.wasm.blobs");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("runtime-wasm/blobs");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "runtime-wasm/blobs not found above "
            + Path.of("").toAbsolutePath()
            + "; run from the repository or set -Dbasalt.wasm.blobs");
  }

  @Setup(Level.Trial)
  public void buildBlock() {
    Bytes code;
    try {
      code =
          Bytes.wrap(
              Files.readAllBytes(blobs().resolve("basalt_demo_v100.compact.compressed.wasm")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DemoChain builder =
        DemoChain.fromPreset(TestRuntimes.nativeRuntime(100), "development", Optional.of(code));
    parent = builder.fork(TestRuntimes.nativeRuntime(100));
    List<Bytes> body = BenchmarkData.demoTransfers(transfers, builder.genesisHash());
    BuiltBlock built = builder.buildBlock(body, 1_700_000_006_000L);
    if (built.included().contains(false)) {
      throw new IllegalStateException("some transfers were not applied: " + built.applyResults());
    }
    Block block = built.block();
    encodedBlock = Block.CODEC.encode(block);
    HostServices services =
        switch (signatures) {
          case "verified" -> TestRuntimes.SERVICES;
          case "trusted" -> TestRuntimes.SERVICES.withCrypto(new TrustingCrypto());
          default -> throw new IllegalArgumentException("unknown signatures mode " + signatures);
        };
    underTest =
        switch (runtime) {
          case "native" -> new NativeRuntimeUnderTest(100, services, TestRuntimes.versionReader());
          case "compiled", "interpreted" -> {
            WasmExecutionMethod method =
                runtime.equals("compiled")
                    ? WasmExecutionMethod.COMPILED
                    : WasmExecutionMethod.INTERPRETED;
            executor =
                new RuntimeExecutor(
                    ExecutorConfig.defaults().withMethod(method).withTieredStart(false), services);
            yield new WasmRuntimeUnderTest(runtime, executor, services, code);
          }
          default -> throw new IllegalArgumentException("unknown runtime " + runtime);
        };
    CallOutcome outcome = executeBlock();
    if (!outcome.equals(new CallOutcome.Returned(Bytes.EMPTY))) {
      throw new IllegalStateException(runtime + " rejected the block: " + outcome);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    if (executor != null) {
      executor.close();
    }
  }

  /** Accepts every signature (the {@code trusted} mode); recovery is not needed by the block. */
  private static final class TrustingCrypto implements CryptoProvider {
    @Override
    public boolean ed25519Verify(Bytes signature, Bytes message, Bytes publicKey) {
      return true;
    }

    @Override
    public boolean sr25519Verify(
        Bytes signature, Bytes message, Bytes publicKey, boolean allowLegacy) {
      return true;
    }

    @Override
    public boolean ecdsaVerifyPrehashed(
        Bytes signature, Hash256 messageHash, Bytes publicKey, boolean strict) {
      return true;
    }

    @Override
    public Result<Bytes, EcdsaVerifyError> secp256k1Recover(
        Bytes signature, Hash256 messageHash, boolean compressed, boolean strict) {
      return CryptoProvider.standard().secp256k1Recover(signature, messageHash, compressed, strict);
    }
  }

  /** One {@code Core_execute_block} on a fresh view of the parent state. */
  @Benchmark
  public CallOutcome executeBlock() {
    return parent.fork(underTest).call("Core_execute_block", encodedBlock);
  }
}
