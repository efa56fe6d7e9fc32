/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand;

import io.basalt.chainspec.ChainSpec;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.cli.options.ImportOptions;
import io.basalt.node.cli.options.SharedOptions;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.failure.UserFacingException;
import io.basalt.node.importer.BlockFileWriter;
import io.basalt.node.log.StatusLog;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.storage.block.BlockRef;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code node export-blocks}: writes canonical blocks {@code --from}..{@code --to} (default: 1 to
 * the best block) in Substrate's export formats, to a file or stdout.
 */
@Command(
    name = "export-blocks",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Export canonical blocks to a file (or stdout), in JSON or --binary.")
public final class ExportBlocksCommand implements Callable<Integer> {
  @Mixin private SharedOptions shared = new SharedOptions();

  @ArgGroup(validate = false, heading = "%nExecution:%n")
  private ImportOptions imports = new ImportOptions();

  @Option(
      names = "--from",
      paramLabel = "BLOCK",
      description = "The first block to export (default: 1).")
  private long from = 1;

  @Option(
      names = "--to",
      paramLabel = "BLOCK",
      description = "The last block to export (default: the best block).")
  private Long to;

  @Option(names = "--binary", description = "Write the binary format instead of JSON.")
  private boolean binary;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "The output file; stdout if absent or '-'.")
  private String output;

  @Override
  public Integer call() {
    if (from < 0 || (to != null && to < 0)) {
      throw new InvalidConfigurationException("--from and --to must not be negative");
    }
    String chain = shared.chain();
    BasePath base = shared.basePath();
    try {
      export(ChainSpecs.load(chain), base);
    } finally {
      base.deleteIfTemporary();
    }
    return 0;
  }

  private void export(ChainSpec chainSpec, BasePath base) {
    try (Runtimes runtimes = imports.runtimes(base, chainSpec.codeSubstitutes())) {
      try (ChainDatabase.Opened chain = ChainDatabase.openChain(chainSpec, base, runtimes)) {
        ChainDatabase db = chain.db();
        long best = db.blocks().best().map(BlockRef::number).orElse(0L);
        // Substrate: `--to 0` means 1, no `--to` means the best block.
        long last = to == null ? best : Math.max(to, 1);
        if (last > best) {
          // Substrate would announce blocks it cannot write; keep the binary header truthful.
          StatusLog.warn("the chain ends at #{}: exporting up to it instead of #{}", best, last);
          last = best;
        }
        if (last < from) {
          throw new InvalidConfigurationException(
              "Invalid block range specified: --from " + from + " is after the last block " + last);
        }
        StatusLog.info("Exporting blocks from #{} to #{}", from, last);
        long written = 0;
        try (BlockFileWriter writer = BlockFileWriter.open(open(output), binary, last - from + 1)) {
          for (long n = from; n <= last; n++) {
            Optional<SignedBlock> block = db.canonicalBlock(n);
            if (block.isEmpty()) {
              break;
            }
            writer.write(block.get());
            written++;
            if (n % 10_000 == 0) {
              StatusLog.info("#{}", n);
            }
          }
        } catch (UncheckedIOException e) {
          throw new UserFacingException(
              "cannot write " + describe(output) + ": " + e.getCause().getMessage(), e);
        }
        if (written < last - from + 1) {
          throw new UserFacingException(
              "canonical block #" + (from + written) + " is missing from the database", null);
        }
      }
    }
  }

  private static OutputStream open(String output) {
    if (output == null || output.equals("-")) {
      // Not closed with the writer: stdout stays usable.
      return new BufferedOutputStream(new UnclosedStdout(), 1 << 16);
    }
    try {
      return new BufferedOutputStream(Files.newOutputStream(Path.of(output)));
    } catch (IOException e) {
      throw new InvalidConfigurationException("cannot create " + output + ": " + e.getMessage(), e);
    }
  }

  /** Stdout as raw bytes; closing only flushes, so stdout stays usable. */
  private static final class UnclosedStdout extends OutputStream {
    private final FileOutputStream out = new FileOutputStream(FileDescriptor.out);

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  private static String describe(String output) {
    return output == null || output.equals("-") ? "stdout" : output;
  }
}
