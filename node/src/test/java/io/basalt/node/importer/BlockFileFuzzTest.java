/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.testsupport.RandomCases;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Corpus fuzzing of the block-file reader in both formats: exports of random blocks, mutated at
 * random (bit flips, cuts, growth, huge length prefixes, bytes overwritten), and random bytes. The
 * reader returns blocks or fails with one {@link BlockFileException} line; never another exception,
 * and a file it reads whole gives back blocks that re-export to a prefix of what it read.
 */
class BlockFileFuzzTest {

  private static List<SignedBlock> randomBlocks(SplittableRandom r) {
    List<SignedBlock> blocks = new ArrayList<>();
    for (int n = r.nextInt(1, 4); n > 0; n--) {
      List<Bytes> extrinsics = new ArrayList<>();
      for (int i = r.nextInt(3); i > 0; i--) {
        extrinsics.add(Bytes.wrap(RandomCases.bytes(r, 0, 120)));
      }
      blocks.add(
          SignedBlock.of(
              new Block(
                  new Header(
                      Hash256.wrap(RandomCases.bytes(r, 32, 32)),
                      r.nextLong(0, 1_000_000),
                      Hash256.wrap(RandomCases.bytes(r, 32, 32)),
                      Hash256.wrap(RandomCases.bytes(r, 32, 32)),
                      List.of()),
                  extrinsics)));
    }
    return blocks;
  }

  private static byte[] json(List<SignedBlock> blocks) {
    StringBuilder out = new StringBuilder();
    blocks.forEach(b -> out.append(SignedBlockJson.toJson(b)).append('\n'));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One random change: a flipped bit, a cut, random bytes added, a huge length, 0xff bytes. */
  private static byte[] mutate(SplittableRandom r, byte[] input) {
    byte[] b = input.clone();
    if (b.length == 0) {
      return RandomCases.bytes(r, 0, 32);
    }
    int at = r.nextInt(b.length);
    switch (r.nextInt(5)) {
      case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
      case 1 -> b = Arrays.copyOf(b, at);
      case 2 -> {
        byte[] grown = Arrays.copyOf(b, b.length + r.nextInt(1, 40));
        for (int i = b.length; i < grown.length; i++) {
          grown[i] = (byte) r.nextInt(256);
        }
        b = grown;
      }
      case 3 -> {
        byte[] huge = {0x13, -1, -1, -1, -1, -1, -1, -1, -1};
        System.arraycopy(huge, 0, b, at, Math.min(huge.length, b.length - at));
      }
      default -> Arrays.fill(b, at, Math.min(b.length, at + r.nextInt(1, 9)), (byte) 0xff);
    }
    return b;
  }

  private record Case(boolean binary, Bytes content) {
    Case(boolean binary, byte[] bytes) {
      this(binary, Bytes.wrap(bytes));
    }

    byte[] bytes() {
      return content.toArray();
    }

    @Override
    public String toString() {
      return (binary ? "binary " : "json ") + content.toHex();
    }
  }

  /** Reads every block; returns them, or empty if the reader refused the input cleanly. */
  private static Optional<List<SignedBlock>> readAll(Case c) {
    List<SignedBlock> out = new ArrayList<>();
    try (BlockFileReader reader =
        BlockFileReader.open(new ByteArrayInputStream(c.bytes()), c.binary())) {
      for (Optional<SignedBlock> b = reader.next(); b.isPresent(); b = reader.next()) {
        out.add(b.get());
      }
      return Optional.of(out);
    } catch (BlockFileException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
      return Optional.empty();
    }
  }

  @Test
  void mutatedExportsAreReadOrRefusedInOneLine() {
    RandomCases.forAll(
        2_000,
        r -> {
          boolean binary = r.nextBoolean();
          List<SignedBlock> blocks = randomBlocks(r);
          byte[] bytes = binary ? FixtureBlocks.binaryExport(blocks) : json(blocks);
          for (int i = r.nextInt(1, 4); i > 0; i--) {
            bytes = mutate(r, bytes);
          }
          return new Case(binary, bytes);
        },
        c ->
            readAll(c)
                .filter(blocks -> c.binary())
                .ifPresent(
                    blocks -> {
                      // What was read re-exports to the bytes it came from (after the count).
                      byte[] again = FixtureBlocks.binaryExport(blocks);
                      assertThat(Arrays.copyOfRange(c.bytes(), 8, again.length))
                          .isEqualTo(Arrays.copyOfRange(again, 8, again.length));
                    }));
  }

  @Test
  void randomBytesAreReadOrRefusedInOneLine() {
    RandomCases.forAll(
        2_000,
        r -> new Case(r.nextBoolean(), RandomCases.bytes(r, 0, 400)),
        BlockFileFuzzTest::readAll);
  }

  @Test
  void unmutatedExportsReadBackExactly() {
    RandomCases.forAll(
        200,
        BlockFileFuzzTest::randomBlocks,
        blocks -> {
          assertThat(readAll(new Case(true, FixtureBlocks.binaryExport(blocks)))).contains(blocks);
          assertThat(readAll(new Case(false, json(blocks)))).contains(blocks);
        });
  }
}
