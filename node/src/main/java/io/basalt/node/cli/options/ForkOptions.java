/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import io.basalt.node.config.ConflictingOptionsException;
import io.basalt.node.config.ForkConfig;
import io.basalt.node.config.InvalidConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Starting the chain from another node's block or from a state dump instead of genesis. */
public final class ForkOptions {
  @Option(
      names = "--fork-url",
      paramLabel = "URL",
      description =
          "Fork the chain of the node at this JSON-RPC URL (ws://, http://): start from its block,"
              + " fetching the state on first use and keeping it; blocks built on top are local.")
  private String url;

  @Option(
      names = "--fork-block",
      paramLabel = "NUMBER|HASH",
      description = "The block to fork at (default: the source's best block).")
  private String block;

  @Option(
      names = "--fork-state",
      paramLabel = "FILE",
      description =
          "Start from a state_getPairs dump: {\"header\": …, \"pairs\": [[key, value], …]}, or the"
              + " pairs alone with --fork-header.")
  private Path state;

  @Option(
      names = "--fork-header",
      paramLabel = "FILE",
      description = "The header (chain_getHeader's answer) of the block --fork-state dumps.")
  private Path header;

  /**
   * The fork the options describe.
   *
   * @throws ConflictingOptionsException if both a URL and a dump are given
   * @throws InvalidConfigurationException if a dependent option is given alone or the URL is bad
   */
  public ForkConfig toConfig() {
    if (url != null && state != null) {
      throw new ConflictingOptionsException("--fork-url <URL>", "--fork-state <FILE>");
    }
    if (block != null && url == null) {
      throw new InvalidConfigurationException("--fork-block needs --fork-url");
    }
    if (header != null && state == null) {
      throw new InvalidConfigurationException("--fork-header needs --fork-state");
    }
    if (url != null) {
      try {
        return new ForkConfig.Remote(new URI(url), Optional.ofNullable(block));
      } catch (URISyntaxException e) {
        throw new InvalidConfigurationException("--fork-url " + url + " is not a URL", e);
      }
    }
    if (state != null) {
      return new ForkConfig.Dump(state, Optional.ofNullable(header));
    }
    return ForkConfig.none();
  }
}
