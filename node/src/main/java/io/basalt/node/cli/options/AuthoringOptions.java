/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import io.basalt.node.authoring.Consensus;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How the node makes blocks on a chain without a consensus engine of its own. */
public final class AuthoringOptions {
  @Option(
      names = "--consensus",
      paramLabel = "MODE",
      converter = ConsensusConverter.class,
      description =
          "Block production on chains without their own consensus: instant-seal (a block as soon"
              + " as transactions are ready), manual-seal-<ms> (a block every <ms>), manual (only"
              + " on request) or none (import only). Default: manual-seal-3000 with --dev, none"
              + " otherwise. On a chain with its own engine (Aura), a validator without this option"
              + " authors in its slots on the clock; with it, blocks fast-forward: each takes the"
              + " next slot a local key may claim.")
  private Consensus consensus;

  /** Parses {@code --consensus} values. */
  static final class ConsensusConverter implements ITypeConverter<Consensus> {
    @Override
    public Consensus convert(String value) {
      try {
        return Consensus.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** The chosen mode: {@code --consensus}, else manual seal every 3 s on a dev chain, else none. */
  public Consensus consensus(boolean dev) {
    return Optional.ofNullable(consensus)
        .orElseGet(() -> dev ? Consensus.devDefault() : new Consensus.None());
  }
}
