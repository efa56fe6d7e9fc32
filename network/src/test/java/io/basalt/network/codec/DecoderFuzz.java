/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.codec;

import static org.assertj.core.api.Assertions.fail;

import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Hex;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Feeds seeded random bytes and random mutations of valid encodings to a decoder and fails if it
 * throws anything other than {@link FrameException}.
 */
public final class DecoderFuzz {
  private DecoderFuzz() {}

  /** Runs {@code rounds} random inputs and {@code rounds} mutations of each valid encoding. */
  public static void run(long seed, int rounds, List<byte[]> valid, Function<byte[], ?> decoder) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < rounds; i++) {
      byte[] input = new byte[random.nextInt(0, 200)];
      random.nextBytes(input);
      decodeOrFrameException(decoder, input, seed, i);
    }
    for (byte[] encoding : valid) {
      decodeOrFrameException(decoder, encoding, seed, -1);
      for (int i = 0; i < rounds; i++) {
        decodeOrFrameException(decoder, mutate(random, encoding), seed, i);
      }
    }
  }

  private static void decodeOrFrameException(
      Function<byte[], ?> decoder, byte[] input, long seed, int round) {
    try {
      var unused = decoder.apply(input);
    } catch (FrameException expected) {
      // malformed input is allowed to be refused, with this exception only
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      fail("seed %d round %d: %s on input %s", seed, round, e, Hex.encode(input));
    }
  }

  static byte[] mutate(SplittableRandom random, byte[] valid) {
    byte[] out = valid.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      switch (random.nextInt(5)) {
        case 0 -> {
          if (out.length > 0) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
          }
        }
        case 1 -> {
          if (out.length > 0) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
          }
        }
        case 2 -> out = Arrays.copyOf(out, random.nextInt(out.length + 1));
        case 3 -> {
          int at = random.nextInt(out.length + 1);
          byte[] longer = new byte[out.length + 1];
          System.arraycopy(out, 0, longer, 0, at);
          longer[at] = (byte) random.nextInt(256);
          System.arraycopy(out, at, longer, at + 1, out.length - at);
          out = longer;
        }
        default -> {
          if (out.length > 0) {
            int at = random.nextInt(out.length);
            byte[] shorter = new byte[out.length - 1];
            System.arraycopy(out, 0, shorter, 0, at);
            System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
            out = shorter;
          }
        }
      }
    }
    return out;
  }
}
