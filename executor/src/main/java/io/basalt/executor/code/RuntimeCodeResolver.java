/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.code;

import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.RuntimeVersion;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which code runs at a block, as Substrate decides it: an override from {@code
 * --wasm-runtime-overrides} if there is one for the on-chain {@code spec_version} and its {@code
 * spec_name} matches too (else a warning, at most every 30 s, and the override is ignored); else a
 * chain spec code substitute that applies at the block; else {@code :code} itself. Native execution
 * is judged against the on-chain version whatever runs ({@link RuntimeCode#onChainVersion()}).
 *
 * <pre>{@code
 * RuntimeCodeResolver resolver = new RuntimeCodeResolver(executor,
 *     WasmOverrides.load(dir, executor), CodeSubstitutes.load(spec.codeSubstitutes(), executor));
 * // importing block N + 1: its calls run on block N's state, so N picks the substitute
 * RuntimeCode code = resolver.resolve(codeAtParent, parentNumber);
 * }</pre>
 */
public final class RuntimeCodeResolver {
  private static final Logger LOG = LoggerFactory.getLogger("wasm_overrides");

  /** Substrate warns about an override with another spec name at most this often. */
  static final Duration WARNING_INTERVAL = Duration.ofSeconds(30);

  private final RuntimeExecutor executor;
  private final WasmOverrides overrides;
  private final CodeSubstitutes substitutes;
  private final InstantSource clock;
  private final RuntimeBlobCache blobs = new RuntimeBlobCache();
  private final AtomicReference<Instant> lastNameWarning = new AtomicReference<>();

  /** A resolver with the system clock. */
  public RuntimeCodeResolver(
      RuntimeExecutor executor, WasmOverrides overrides, CodeSubstitutes substitutes) {
    this(executor, overrides, substitutes, InstantSource.system());
  }

  /** A resolver whose warnings are rate-limited by {@code clock} (tests). */
  public RuntimeCodeResolver(
      RuntimeExecutor executor,
      WasmOverrides overrides,
      CodeSubstitutes substitutes,
      InstantSource clock) {
    this.executor = executor;
    this.overrides = overrides;
    this.substitutes = substitutes;
    this.clock = clock;
  }

  /** Only {@code :code}: no overrides, no substitutes. */
  public static RuntimeCodeResolver onChainOnly(RuntimeExecutor executor) {
    return new RuntimeCodeResolver(executor, WasmOverrides.none(), CodeSubstitutes.none());
  }

  /**
   * The code that runs at a block.
   *
   * @param onChainCode {@code :code} in the state the block's calls run on
   * @param blockNumber the number of the block whose state the call runs on (for a block being
   *     imported or built: its parent's), as Substrate picks code substitutes by the hash of the
   *     block whose state it is
   * @throws io.basalt.executor.vm.InvalidRuntimeCodeException if {@code :code} is not a runtime
   * @throws io.basalt.executor.vm.RuntimeTrapException if its {@code Core_version} traps
   */
  public RuntimeCode resolve(Bytes onChainCode, long blockNumber) {
    RuntimeBlob blob = blobs.blob(onChainCode);
    RuntimeVersion onChain = executor.version(blob);
    Optional<WasmOverrides.OverrideRuntime> override =
        overrides.forSpecVersion(onChain.specVersion());
    if (override.isPresent()) {
      WasmOverrides.OverrideRuntime o = override.get();
      if (o.version().specName().equals(onChain.specName())) {
        return new RuntimeCode(o.blob(), o.version(), onChain, CodeSource.OVERRIDE);
      }
      warnNameMismatch(onChain, o);
    }
    Optional<CodeSubstitutes.Substitute> substitute =
        substitutes.at(onChain.specVersion(), blockNumber);
    if (substitute.isPresent()) {
      CodeSubstitutes.Substitute s = substitute.get();
      return new RuntimeCode(s.blob(), s.version(), onChain, CodeSource.SUBSTITUTE);
    }
    return RuntimeCode.onChain(blob, onChain);
  }

  /** The parsed blob of a {@code :code} value (cached). */
  public RuntimeBlob blob(Bytes code) {
    return blobs.blob(code);
  }

  /** The executor whose versions and caches this resolver uses. */
  public RuntimeExecutor executor() {
    return executor;
  }

  private void warnNameMismatch(RuntimeVersion onChain, WasmOverrides.OverrideRuntime o) {
    Instant now = clock.instant();
    Instant last = lastNameWarning.get();
    if (last != null && now.isBefore(last.plus(WARNING_INTERVAL))) {
      return;
    }
    if (lastNameWarning.compareAndSet(last, now)) {
      LOG.warn(
          "On chain and override spec_name do not match! Ignoring override."
              + " on_chain_spec_name={} override_spec_name={} file={}",
          onChain.specName(),
          o.version().specName(),
          o.file());
    }
  }
}
