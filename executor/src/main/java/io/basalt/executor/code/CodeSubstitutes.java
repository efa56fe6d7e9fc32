/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.code;

import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.RuntimeVersion;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A chain spec's {@code codeSubstitutes} (block number → code), with Substrate's rules (sc-service
 * {@code WasmSubstitutes}): each substitute's version is read at startup, and a substitute applies
 * at a block iff the on-chain {@code spec_version} there equals the substitute's and the block's
 * number is at least the substitute's, i.e. from that block until the runtime is upgraded.
 *
 * <p>Deviation: two substitutes with one {@code spec_version} are refused at startup (Substrate
 * keeps one of them, whichever its hash map yields last).
 *
 * <pre>{@code
 * CodeSubstitutes substitutes = CodeSubstitutes.load(spec.codeSubstitutes(), executor);
 * }</pre>
 */
public final class CodeSubstitutes {
  private static final CodeSubstitutes NONE = new CodeSubstitutes(Map.of());

  private final Map<Long, Substitute> bySpecVersion;

  /**
   * One substitute.
   *
   * @param blockNumber the first block it may apply to
   * @param blob its code
   * @param version its version
   */
  public record Substitute(long blockNumber, RuntimeBlob blob, RuntimeVersion version) {}

  private CodeSubstitutes(Map<Long, Substitute> bySpecVersion) {
    this.bySpecVersion = Collections.unmodifiableMap(new TreeMap<>(bySpecVersion));
  }

  /** No substitutes. */
  public static CodeSubstitutes none() {
    return NONE;
  }

  /**
   * Reads the substitutes of a chain spec.
   *
   * @param byBlockNumber code by the block number it starts at ({@code
   *     ChainSpec.codeSubstitutes()})
   * @param versions reads each runtime's version
   * @throws InvalidRuntimeCodeSourceException if a substitute is not a runtime with a readable
   *     version, or two have the same spec version
   */
  public static CodeSubstitutes load(Map<Long, Bytes> byBlockNumber, RuntimeExecutor versions) {
    Map<Long, Substitute> found = new TreeMap<>();
    for (Map.Entry<Long, Bytes> e : new TreeMap<>(byBlockNumber).entrySet()) {
      long number = e.getKey();
      Substitute s;
      try {
        RuntimeBlob blob = RuntimeBlob.parse(e.getValue());
        s = new Substitute(number, blob, versions.version(blob));
      } catch (InvalidRuntimeCodeException | RuntimeTrapException x) {
        throw new InvalidRuntimeCodeSourceException(
            "chain spec codeSubstitutes \""
                + Long.toUnsignedString(number)
                + "\" is not a runtime whose version can be read: "
                + WasmOverrides.oneLine(x.getMessage()),
            x);
      }
      Substitute other = found.putIfAbsent(s.version().specVersion(), s);
      if (other != null) {
        throw new InvalidRuntimeCodeSourceException(
            "chain spec codeSubstitutes \""
                + Long.toUnsignedString(other.blockNumber())
                + "\" and \""
                + Long.toUnsignedString(number)
                + "\" both have spec_version "
                + s.version().specVersion()
                + "; keep one substitute per spec_version");
      }
    }
    return new CodeSubstitutes(found);
  }

  /**
   * The substitute that applies at a block whose on-chain runtime has {@code onChainSpecVersion}.
   */
  public Optional<Substitute> at(long onChainSpecVersion, long blockNumber) {
    Substitute s = bySpecVersion.get(onChainSpecVersion);
    return s != null && Long.compareUnsigned(blockNumber, s.blockNumber()) >= 0
        ? Optional.of(s)
        : Optional.empty();
  }

  /** Every substitute, by spec version. */
  public Map<Long, Substitute> all() {
    return bySpecVersion;
  }
}
