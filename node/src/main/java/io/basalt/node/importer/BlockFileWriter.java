/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.SignedBlock;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes Substrate's block export formats ({@code sc-service}'s {@code export_blocks}): binary =
 * the block count as a SCALE {@code u64}, then the SCALE {@code SignedBlock}s; JSON = the compact
 * JSON objects back to back, without separators, as {@code serde_json::to_writer} writes them.
 *
 * <pre>{@code
 * try (BlockFileWriter out = BlockFileWriter.open(stream, true, 128)) {
 *   out.write(signedBlock);
 * }
 * }</pre>
 */
public final class BlockFileWriter implements AutoCloseable {
  private final OutputStream out;
  private final boolean binary;

  private BlockFileWriter(OutputStream out, boolean binary) {
    this.out = out;
    this.binary = binary;
  }

  /**
   * A writer; in binary mode the header with {@code count} is written at once.
   *
   * @param count the number of blocks that will follow (binary only)
   */
  public static BlockFileWriter open(OutputStream out, boolean binary, long count) {
    BlockFileWriter writer = new BlockFileWriter(out, binary);
    if (binary) {
      writer.writeRaw(new ScaleWriter(8).writeU64(count).toByteArray());
    }
    return writer;
  }

  /** Writes one block. */
  public void write(SignedBlock block) {
    writeRaw(
        binary
            ? SignedBlock.CODEC.encode(block)
            : SignedBlockJson.toJson(block).getBytes(StandardCharsets.UTF_8));
  }

  private void writeRaw(byte[] bytes) {
    try {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flushes and closes the output. */
  @Override
  public void close() {
    try {
      out.flush();
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
