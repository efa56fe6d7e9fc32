/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import io.basalt.node.config.BasePath;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.log.LogSetup;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Options every command shares: which chain, where its data lives, how to log (sc-cli's
 * SharedParams).
 */
public final class SharedOptions {

  @Option(
      names = "--chain",
      paramLabel = "CHAIN_SPEC",
      description = "Chain spec: a path to a JSON file, or a built-in id (dev, local).")
  private String chain;

  @Option(
      names = "--dev",
      description = "Development chain: shortcut for --chain=dev --tmp (unless -d is given).")
  private boolean dev;

  @Option(
      names = {"-d", "--base-path"},
      paramLabel = "PATH",
      description = "Where the node keeps its data (default: ~/.local/share/basalt).")
  private Path basePath;

  @Option(
      names = "--tmp",
      description = "Run with a temporary base path, deleted when the node stops.")
  private boolean tmp;

  @Option(
      names = {"-l", "--log"},
      paramLabel = "LOG_PATTERN",
      split = ",",
      converter = LogDirectiveConverter.class,
      description =
          "Log levels: a default level and/or target=level pairs, e.g. -l debug,state=trace;"
              + " levels are error, warn, info, debug, trace and off.")
  private List<String> log = List.of();

  /** Checks each {@code -l} directive while parsing, so a bad one is a usage error. */
  static final class LogDirectiveConverter implements ITypeConverter<String> {
    @Override
    public String convert(String directive) {
      try {
        LogSetup.check(directive);
      } catch (InvalidConfigurationException e) {
        throw new TypeConversionException(e.getMessage());
      }
      return directive;
    }
  }

  /** The chain to run: {@code --chain}, or {@code dev} with {@code --dev}. */
  public String chain() {
    if (chain != null && dev) {
      throw new InvalidConfigurationException("--dev and --chain cannot be used together");
    }
    if (chain != null) {
      return chain;
    }
    if (dev) {
      return "dev";
    }
    throw new InvalidConfigurationException(
        "no chain given: pass --chain <spec.json> (or --dev for the development chain)");
  }

  public Optional<String> chainIfGiven() {
    return dev ? Optional.of("dev") : Optional.ofNullable(chain);
  }

  public boolean dev() {
    return dev;
  }

  /**
   * Resolves the base path: {@code -d}, else temporary for {@code --tmp}/{@code --dev}, else the
   * default.
   */
  public BasePath basePath() {
    refuseTmpWithBasePath();
    if (basePath != null) {
      return new BasePath(basePath.toAbsolutePath().normalize(), false);
    }
    if (tmp || dev) {
      return BasePath.createTemporary();
    }
    return new BasePath(BasePath.defaultRoot(), false);
  }

  private void refuseTmpWithBasePath() {
    if (basePath != null && tmp) {
      throw new InvalidConfigurationException("--tmp and --base-path cannot be used together");
    }
  }

  /** Whether {@code --tmp} was given. */
  public boolean tmp() {
    return tmp;
  }

  /**
   * The base path for commands whose output must outlive them ({@code key insert}): {@code -d},
   * else the default; empty when {@code --tmp}/{@code --dev} without {@code -d} would make it
   * temporary. Creates nothing.
   */
  public Optional<BasePath> persistentBasePath() {
    refuseTmpWithBasePath();
    if (basePath != null) {
      return Optional.of(new BasePath(basePath.toAbsolutePath().normalize(), false));
    }
    if (tmp || dev) {
      return Optional.empty();
    }
    return Optional.of(new BasePath(BasePath.defaultRoot(), false));
  }

  /** The {@code -l} directives, in order (checked while parsing). */
  public List<String> logDirectives() {
    return List.copyOf(log);
  }
}
