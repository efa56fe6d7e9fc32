/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.Genesis;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.cli.options.ImportOptions;
import io.basalt.node.cli.options.SharedOptions;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.failure.UserFacingException;
import io.basalt.node.runtime.RuntimeVersionJson;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.RuntimeVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code node inspect-runtime}: prints a runtime's version as JSON in {@code
 * state_getRuntimeVersion}'s shape plus facts about its code. The runtime is the genesis {@code
 * :code} of {@code --chain} or the file given with {@code --wasm} (compressed or not). The version
 * comes from the runtime's embedded {@code runtime_version} section, or from calling {@code
 * Core_version} for runtimes that have none.
 *
 * <pre>
 * {"specName":"westend",…,"stateVersion":0,"versionSource":"Core_version",
 *  "code":{"size":…,"wasmSize":…,"compressed":false,"blake2_256":"0x…"}}
 * </pre>
 */
@Command(
    name = "inspect-runtime",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Print a runtime's version and code facts as JSON (--chain X or --wasm FILE).")
public final class InspectRuntimeCommand implements Callable<Integer> {
  @Mixin private SharedOptions shared = new SharedOptions();

  @ArgGroup(validate = false, heading = "%nExecution:%n")
  private ImportOptions imports = new ImportOptions();

  @Option(
      names = "--wasm",
      paramLabel = "FILE",
      description = "A runtime file (Wasm, or zstd-compressed with Substrate's prefix).")
  private Path wasm;

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Optional<String> chain = shared.chainIfGiven();
    if (chain.isPresent() == (wasm != null)) {
      throw new InvalidConfigurationException(
          "inspect-runtime needs exactly one of --chain <spec> and --wasm <file>");
    }
    Bytes code = wasm != null ? readWasm(wasm) : genesisCode(ChainSpecs.load(chain.get()));
    BasePath base = shared.basePath();
    try (Runtimes runtimes = imports.runtimes(base, Map.of())) {
      RuntimeBlob blob;
      RuntimeVersion version;
      String source;
      try {
        blob = runtimes.blob(code);
        source = blob.embeddedVersion().isPresent() ? "runtime_version section" : "Core_version";
        version = runtimes.version(blob);
      } catch (InvalidRuntimeCodeException | RuntimeTrapException e) {
        throw new UserFacingException("the runtime is unusable: " + e.getMessage(), e);
      }
      spec.commandLine()
          .getOut()
          .println(
              "{"
                  + RuntimeVersionJson.fields(version)
                  + ",\"versionSource\":\""
                  + source
                  + "\",\"code\":{\"size\":"
                  + blob.originalSize()
                  + ",\"wasmSize\":"
                  + blob.wasmSize()
                  + ",\"compressed\":"
                  + blob.isCompressed()
                  + ",\"blake2_256\":\""
                  + blob.codeHash()
                  + "\"}}");
      spec.commandLine().getOut().flush();
    } finally {
      base.deleteIfTemporary();
    }
    return 0;
  }

  private static Bytes readWasm(Path file) {
    try {
      return Bytes.wrap(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new InvalidConfigurationException("runtime file not found: " + file, e);
    } catch (IOException e) {
      throw new InvalidConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Bytes genesisCode(ChainSpec chainSpec) {
    return switch (chainSpec.genesis()) {
      case Genesis.Raw raw ->
          raw.code()
              .orElseThrow(
                  () ->
                      new InvalidConfigurationException(
                          "the chain spec's genesis has no runtime: `:code` is missing"));
      case Genesis.RuntimeGenesis plain -> plain.code();
      case Genesis.LegacyRuntime legacy ->
          throw new InvalidConfigurationException(
              "the chain spec's genesis.runtime has no Wasm runtime to inspect");
      case Genesis.StateRootHash root ->
          throw new InvalidConfigurationException(
              "the chain spec only carries the genesis state root, not the runtime");
    };
  }
}
