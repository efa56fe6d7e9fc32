/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.multistream;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.network.frame.FrameException;
import io.basalt.network.transport.ProtocolNotSupportedException;
import io.basalt.testsupport.RandomCases;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random and mutated bytes never make the decoder throw anything but FrameException. */
class MultistreamFuzzTest {
  private static final byte[] VALID;

  static {
    ByteBuf out = Unpooled.buffer();
    MultistreamMessage.write("/multistream/1.0.0", out);
    MultistreamMessage.write("ls", out);
    MultistreamMessage.write("/a/1", out);
    MultistreamMessage.write("na", out);
    MultistreamMessage.write("/noise", out);
    VALID = ByteBufUtil.getBytes(out);
  }

  private static byte[] input(SplittableRandom random) {
    if (random.nextBoolean()) {
      return RandomCases.bytes(random, 0, 2048);
    }
    byte[] mutated = VALID.clone();
    int flips = 1 + random.nextInt(4);
    for (int i = 0; i < flips; i++) {
      mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
    }
    return java.util.Arrays.copyOf(mutated, random.nextInt(mutated.length + 1));
  }

  @Test
  void theListenerOnlyThrowsFrameException() {
    RandomCases.forAll(
        3000,
        MultistreamFuzzTest::input,
        bytes -> {
          Negotiation listener = Negotiation.listener("/noise"::equals);
          ByteBuf in = Unpooled.wrappedBuffer(bytes);
          try {
            if (listener.process(in, Unpooled.buffer())) {
              assertThat(listener.protocol()).isEqualTo("/noise");
            }
          } catch (FrameException expected) {
            // malformed input
          }
        });
  }

  @Test
  void theDialerOnlyThrowsFrameExceptionOrRefusal() {
    RandomCases.forAll(
        3000,
        MultistreamFuzzTest::input,
        bytes -> {
          Negotiation dialer = Negotiation.dialer(List.of("/a/1", "/noise"));
          dialer.start(Unpooled.buffer());
          try {
            dialer.process(Unpooled.wrappedBuffer(bytes), Unpooled.buffer());
          } catch (FrameException | ProtocolNotSupportedException expected) {
            // malformed input, or every proposal refused
          }
        });
  }

  @Test
  void messagesAreReadInAnyChunking() {
    RandomCases.forAll(
        500,
        random -> random.nextInt(1, VALID.length),
        split -> {
          ByteBuf in = Unpooled.buffer();
          in.writeBytes(VALID, 0, split);
          int count = 0;
          while (MultistreamMessage.read(in) != null) {
            count++;
          }
          in.discardReadBytes();
          in.writeBytes(VALID, split, VALID.length - split);
          while (MultistreamMessage.read(in) != null) {
            count++;
          }
          assertThat(count).isEqualTo(5);
        });
  }
}
