/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.testsupport.RandomCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Corpus fuzzing of the SCALE decoders that read untrusted bytes (block files, the network): valid
 * encodings mutated at random (bit flips, overwritten bytes, cut, grown, huge length prefixes
 * spliced in) and plain random bytes. A decoder either returns a value, which then re-encodes to
 * bytes that decode to the same value, or throws {@link ScaleDecodingException}; never another
 * exception, never an allocation sized by an unchecked length.
 */
class ScaleDecoderFuzzTest {
  private static final List<ScaleCodec<?>> CODECS =
      List.of(
          Header.CODEC,
          Block.CODEC,
          Block.BODY_CODEC,
          SignedBlock.CODEC,
          Justification.LIST_CODEC,
          ScaleCodec.COMPACT,
          ScaleCodec.BYTES,
          ScaleCodec.STRING,
          ScaleCodec.option(ScaleCodec.vec(ScaleCodec.U32)));

  /** A signed block with random fields: the corpus the mutations start from. */
  private static SignedBlock randomBlock(SplittableRandom r) {
    List<DigestItem> digest = new ArrayList<>();
    if (r.nextBoolean()) {
      digest.add(new DigestItem.PreRuntime(EngineId.BABE, Bytes.wrap(RandomCases.bytes(r, 0, 40))));
    }
    List<Bytes> extrinsics = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      extrinsics.add(Bytes.wrap(RandomCases.bytes(r, 0, 200)));
    }
    Header header =
        new Header(
            Hash256.wrap(RandomCases.bytes(r, 32, 32)),
            r.nextLong(0, 1L << 32),
            Hash256.wrap(RandomCases.bytes(r, 32, 32)),
            Hash256.wrap(RandomCases.bytes(r, 32, 32)),
            digest);
    List<Justification> justifications = new ArrayList<>();
    if (r.nextBoolean()) {
      justifications.add(
          new Justification(EngineId.GRANDPA, Bytes.wrap(RandomCases.bytes(r, 0, 64))));
    }
    return new SignedBlock(
        new Block(header, extrinsics),
        justifications.isEmpty() ? Optional.empty() : Optional.of(justifications));
  }

  /** One mutation of {@code input}. */
  static byte[] mutate(SplittableRandom r, byte[] input) {
    byte[] b = input.clone();
    if (b.length == 0) {
      return RandomCases.bytes(r, 0, 16);
    }
    switch (r.nextInt(6)) {
      case 0 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
      case 1 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
      case 2 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
      case 3 -> {
        byte[] grown = java.util.Arrays.copyOf(b, b.length + r.nextInt(1, 64));
        for (int i = b.length; i < grown.length; i++) {
          grown[i] = (byte) r.nextInt(256);
        }
        b = grown;
      }
      case 4 -> {
        // A huge compact length (big-integer mode, or the 4-byte mode's maximum) spliced in.
        byte[] huge =
            r.nextBoolean()
                ? new byte[] {0x13, -1, -1, -1, -1, -1, -1, -1, -1}
                : new byte[] {-2, -1, -1, -1};
        int at = r.nextInt(b.length);
        System.arraycopy(huge, 0, b, at, Math.min(huge.length, b.length - at));
      }
      default -> {
        int at = r.nextInt(b.length);
        int n = Math.min(b.length - at, r.nextInt(1, 9));
        for (int i = 0; i < n; i++) {
          b[at + i] = (byte) 0xff;
        }
      }
    }
    return b;
  }

  @Test
  void mutatedBlocksDecodeOrFailCleanly() {
    RandomCases.forAll(
        3_000,
        r -> {
          byte[] bytes = SignedBlock.CODEC.encode(randomBlock(r));
          for (int i = r.nextInt(1, 4); i > 0; i--) {
            bytes = mutate(r, bytes);
          }
          return Bytes.wrap(bytes);
        },
        bytes -> {
          for (ScaleCodec<?> codec : CODECS) {
            decodesOrFailsCleanly(codec, bytes.toArray());
          }
        });
  }

  @Test
  void randomBytesDecodeOrFailCleanly() {
    RandomCases.forAll(
        3_000,
        r -> Bytes.wrap(RandomCases.bytes(r, 0, 300)),
        bytes -> {
          for (ScaleCodec<?> codec : CODECS) {
            decodesOrFailsCleanly(codec, bytes.toArray());
          }
        });
  }

  @Test
  void unmutatedBlocksRoundTrip() {
    RandomCases.forAll(
        300,
        ScaleDecoderFuzzTest::randomBlock,
        block ->
            assertThat(SignedBlock.CODEC.decode(SignedBlock.CODEC.encode(block))).isEqualTo(block));
  }

  private static <T> void decodesOrFailsCleanly(ScaleCodec<T> codec, byte[] bytes) {
    T value;
    try {
      value = codec.decode(new ScaleReader(bytes));
    } catch (ScaleDecodingException e) {
      assertThat(e.getMessage()).as(codec.toString()).isNotBlank().doesNotContain("\n");
      return;
    }
    T again = codec.decode(codec.encode(value));
    assertThat(again).as(codec.toString()).isEqualTo(value);
  }
}
