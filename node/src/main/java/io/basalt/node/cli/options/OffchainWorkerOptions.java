/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import io.basalt.node.offchain.OffchainWorkerPolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** When offchain workers run (sc-cli's OffchainWorkerParams). */
public final class OffchainWorkerOptions {
  @Option(
      names = "--offchain-worker",
      paramLabel = "ENABLED",
      converter = PolicyConverter.class,
      description =
          "Execute offchain workers on every block: always, never or when-authority (default).")
  private OffchainWorkerPolicy policy = OffchainWorkerPolicy.WHEN_AUTHORITY;

  /** Parses {@code --offchain-worker} values. */
  static final class PolicyConverter implements ITypeConverter<OffchainWorkerPolicy> {
    @Override
    public OffchainWorkerPolicy convert(String value) {
      try {
        return OffchainWorkerPolicy.fromCliName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  public OffchainWorkerPolicy policy() {
    return policy;
  }
}
