/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.types.SignedBlock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockFileReaderTest {
  private static final List<SignedBlock> BLOCKS =
      List.of(
          SignedBlockJsonTest.block(1, Optional.empty()),
          SignedBlockJsonTest.block(2, Optional.empty()),
          SignedBlockJsonTest.block(3, Optional.empty()));

  static List<SignedBlock> readAll(byte[] data, boolean binary) {
    List<SignedBlock> out = new ArrayList<>();
    try (BlockFileReader r = BlockFileReader.open(new ByteArrayInputStream(data), binary)) {
      for (Optional<SignedBlock> b = r.next(); b.isPresent(); b = r.next()) {
        out.add(b.get());
      }
    }
    return out;
  }

  static byte[] written(List<SignedBlock> blocks, boolean binary) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BlockFileWriter w = BlockFileWriter.open(out, binary, blocks.size())) {
      blocks.forEach(w::write);
    }
    return out.toByteArray();
  }

  @Test
  void binaryRoundTripAndLayout() {
    byte[] data = written(BLOCKS, true);
    assertThat(Arrays.copyOf(data, 8)).containsExactly(3, 0, 0, 0, 0, 0, 0, 0);
    assertThat(data).isEqualTo(FixtureBlocks.binaryExport(BLOCKS));
    assertThat(readAll(data, true)).isEqualTo(BLOCKS);
  }

  @Test
  void binaryIgnoresBytesAfterTheAnnouncedBlocks() {
    byte[] data = written(BLOCKS, true);
    byte[] extended = Arrays.copyOf(data, data.length + 5);
    assertThat(readAll(extended, true)).isEqualTo(BLOCKS);
  }

  @Test
  void binaryBlocksLargerThanTheBufferAreRead() {
    // A body of 300 KiB forces the reader to grow its 64 KiB buffer.
    SignedBlock big =
        new SignedBlock(
            new io.basalt.primitives.types.Block(
                BLOCKS.get(0).block().header(),
                List.of(io.basalt.primitives.bytes.Bytes.wrap(new byte[300 * 1024]))),
            Optional.empty());
    assertThat(readAll(written(List.of(big, BLOCKS.get(1)), true), true))
        .containsExactly(big, BLOCKS.get(1));
  }

  @Test
  void truncatedBinaryNamesTheBlockAndOffset() {
    byte[] data = written(BLOCKS, true);
    int secondStart = 8 + SignedBlock.CODEC.encode(BLOCKS.get(0)).length;
    byte[] cut = Arrays.copyOf(data, secondStart + 40);
    assertThatThrownBy(() -> readAll(cut, true))
        .isInstanceOf(BlockFileException.class)
        .hasMessageStartingWith(
            "Error reading block #2 at byte " + secondStart + ": the input ends inside the block");
    byte[] missingThird =
        Arrays.copyOf(data, data.length - SignedBlock.CODEC.encode(BLOCKS.get(2)).length);
    assertThatThrownBy(() -> readAll(missingThird, true))
        .hasMessage(
            "Error reading block #3: the input ends after 2 of the 3 blocks its header announces"
                + " (truncated file?)");
  }

  @Test
  void malformedBinaryIsNotCalledTruncated() {
    byte[] data = written(BLOCKS, true);
    // The first digest item's variant index: 6 (PreRuntime) becomes 9 (unknown).
    int digestItem = 8 + 32 + 1 + 32 + 32 + 1;
    assertThat(data[digestItem]).isEqualTo((byte) 6);
    data[digestItem] = 9;
    assertThatThrownBy(() -> readAll(data, true))
        .hasMessageStartingWith("Error reading block #1 at byte 8: not a SCALE SignedBlock: ")
        .hasMessageContaining("unknown variant index 9");
  }

  @Test
  void binaryNeedsTheCount() {
    assertThatThrownBy(() -> readAll(new byte[] {1, 0, 0}, true))
        .hasMessageStartingWith("Failed to decode the number of blocks")
        .hasMessageContaining("only 3 byte(s)");
  }

  @Test
  void jsonStreamWithOrWithoutWhitespace() {
    byte[] compact = written(BLOCKS, false);
    assertThat(new String(compact, StandardCharsets.UTF_8)).contains("}{\"block\"");
    assertThat(readAll(compact, false)).isEqualTo(BLOCKS);
    String spaced =
        "\n "
            + SignedBlockJson.toJson(BLOCKS.get(0))
            + "\n\n\t"
            + SignedBlockJson.toJson(BLOCKS.get(1))
            + " \n";
    assertThat(readAll(spaced.getBytes(StandardCharsets.UTF_8), false))
        .containsExactly(BLOCKS.get(0), BLOCKS.get(1));
    assertThat(readAll(new byte[0], false)).isEmpty();
  }

  @Test
  void jsonErrorsNameTheBlock() {
    String second = SignedBlockJson.toJson(BLOCKS.get(1));
    byte[] broken =
        (SignedBlockJson.toJson(BLOCKS.get(0)) + second.substring(0, 40))
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> readAll(broken, false))
        .isInstanceOf(BlockFileException.class)
        .hasMessageStartingWith("Error reading block #2: invalid JSON: ");
    byte[] array = "[1,2]".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> readAll(array, false))
        .hasMessageStartingWith(
            "Error reading block #1 at line 1: expected a SignedBlock JSON object");
    byte[] badField =
        SignedBlockJson.toJson(BLOCKS.get(0))
            .replace("\"parentHash\":\"0x", "\"parentHash\":\"0xzz")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> readAll(badField, false))
        .hasMessageStartingWith("Error reading block #1: block.header.parentHash: ");
  }

  @Test
  void readsFromAStreamThatDeliversFewBytesAtATime() {
    byte[] data = written(BLOCKS, true);
    InputStream trickle =
        new ByteArrayInputStream(data) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 7));
          }
        };
    List<SignedBlock> out = new ArrayList<>();
    try (BlockFileReader r = BlockFileReader.open(trickle, true)) {
      for (Optional<SignedBlock> b = r.next(); b.isPresent(); b = r.next()) {
        out.add(b.get());
      }
      assertThat(r.readCount()).isEqualTo(3);
      assertThat(r.expectedCount()).hasValue(3);
    }
    assertThat(out).isEqualTo(BLOCKS);
  }
}
