/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import io.basalt.node.authoring.CodeOverride;
import io.basalt.node.authoring.StartOverrides;
import io.basalt.node.authoring.StorageImport;
import io.basalt.node.log.RuntimeLogLevel;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Chopsticks' flags for rehearsing on a chain: {@code --wasm-override}, {@code --import-storage}
 * (applied by {@link StartOverrides}) and {@code --runtime-log-level} (a {@code -l runtime=…}
 * directive).
 */
public final class RehearsalOptions {
  /** The option's name, read by the command line's log setup before the command runs. */
  public static final String RUNTIME_LOG_LEVEL = "--runtime-log-level";

  @Option(
      names = "--wasm-override",
      paramLabel = "FILE",
      description =
          "Set :code to this runtime at start, whatever its version (Chopsticks' flag; unlike"
              + " --wasm-runtime-overrides, which only replaces code of the same spec_version):"
              + " binary Wasm, a zstd-compressed blob or text with 0x-hex code. Written into a"
              + " block built on the best block at start (with only its inherents), so the next"
              + " block runs it and its on_runtime_upgrade. Needs block production.")
  private Path wasmOverride;

  @Option(
      names = "--import-storage",
      paramLabel = "FILE",
      description =
          "Set storage values at start (Chopsticks' flag, as dev_setStorage takes them): a JSON"
              + " or YAML file of values by pallet and item name, e.g. System: {Account:"
              + " [[[ADDRESS], {providers: 1, data: {free: 1000}}]]}, with $removePrefix: [Map]"
              + " to clear a map and 0x keys for raw keys, or a list of raw [key, value] pairs."
              + " Written into the block built at start, after --wasm-override (names are read"
              + " with that runtime's metadata). Needs block production.")
  private Path importStorage;

  @Option(
      names = RUNTIME_LOG_LEVEL,
      paramLabel = "0..5",
      converter = RuntimeLogLevelConverter.class,
      description =
          "The most detailed runtime log lines to print (Chopsticks' numbers): 0 off, 1 error,"
              + " 2 warn, 3 info, 4 debug, 5 trace; the same as -l runtime=<level>, and what"
              + " the runtime's ext_logging_max_level answers. Default: as -l says (info).")
  private RuntimeLogLevel runtimeLogLevel;

  /** Parses Chopsticks' numbers 0..5. */
  static final class RuntimeLogLevelConverter implements ITypeConverter<RuntimeLogLevel> {
    @Override
    public RuntimeLogLevel convert(String value) {
      int number;
      try {
        number = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new TypeConversionException(
            "expected 0 (off), 1 (error), 2 (warn), 3 (info), 4 (debug) or 5 (trace), found "
                + value);
      }
      try {
        return RuntimeLogLevel.of(number);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /**
   * The files read and checked (before the database opens).
   *
   * @throws io.basalt.node.config.InvalidConfigurationException (one line naming the file) for a
   *     file that cannot be read or parsed
   */
  public StartOverrides startOverrides() {
    return new StartOverrides(
        Optional.ofNullable(wasmOverride).map(CodeOverride::read),
        Optional.ofNullable(importStorage).map(StorageImport::read));
  }

  /** Whether {@code --wasm-override} or {@code --import-storage} was given. */
  public boolean changesStartState() {
    return wasmOverride != null || importStorage != null;
  }

  /** {@code --runtime-log-level} as a {@code -l} directive. */
  public Optional<String> runtimeLogDirective() {
    return Optional.ofNullable(runtimeLogLevel).map(RuntimeLogLevel::directive);
  }
}
