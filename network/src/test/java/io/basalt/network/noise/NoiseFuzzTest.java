/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.noise;

import io.basalt.network.frame.FrameException;
import io.basalt.testsupport.RandomCases;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated handshake messages, payloads and frames only ever raise {@link FrameException}
 * (usually its subclass {@link NoiseException}).
 */
class NoiseFuzzTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static byte[] mutate(SplittableRandom random, byte[] valid) {
    if (random.nextInt(3) == 0) {
      return RandomCases.bytes(random, 0, 300);
    }
    byte[] out = valid.clone();
    int flips = 1 + random.nextInt(3);
    for (int i = 0; i < flips && out.length > 0; i++) {
      out[random.nextInt(out.length)] = (byte) random.nextInt(256);
    }
    return random.nextInt(4) == 0 ? Arrays.copyOf(out, random.nextInt(out.length + 1)) : out;
  }

  @Test
  void handshakeMessagesOnlyRaiseFrameException() {
    NoiseIdentity alice = NoiseHandshakeTest.identity(1);
    NoiseIdentity bob = NoiseHandshakeTest.identity(2);
    RandomCases.forAll(
        200,
        random -> random.nextLong(),
        seed -> {
          SplittableRandom random = new SplittableRandom(seed);
          NoiseHandshake initiator = NoiseHandshake.initiator(alice, Optional.empty(), RANDOM);
          NoiseHandshake responder = NoiseHandshake.responder(bob, RANDOM);
          byte[] first = initiator.writeMessage();
          int target = random.nextInt(3);
          try {
            responder.readMessage(target == 0 ? mutate(random, first) : first);
            byte[] second = responder.writeMessage();
            initiator.readMessage(target == 1 ? mutate(random, second) : second);
            byte[] third = initiator.writeMessage();
            responder.readMessage(target == 2 ? mutate(random, third) : third);
          } catch (FrameException expected) {
            // refused
          }
        });
  }

  @Test
  void payloadsOnlyRaiseFrameException() {
    byte[] valid = NoiseHandshakeTest.identity(1).payload();
    RandomCases.forAll(
        3000,
        random -> mutate(random, valid),
        bytes -> {
          try {
            NoiseHandshakePayload.decode(bytes);
          } catch (FrameException expected) {
            // malformed
          }
        });
  }

  @Test
  void framesOnlyRaiseFrameException() {
    RandomCases.forAll(
        500,
        random -> RandomCases.bytes(random, 0, 3000),
        bytes -> {
          EmbeddedChannel channel =
              new EmbeddedChannel(new NoiseFrameDecoder(new CipherState(new byte[32])));
          try {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes));
          } catch (DecoderException e) {
            if (!(e.getCause() instanceof FrameException)) {
              throw e;
            }
          } finally {
            channel.finishAndReleaseAll();
          }
        });
  }

  @Test
  void handshakeHandlerInputOnlyRaisesFrameException() {
    NoiseIdentity bob = NoiseHandshakeTest.identity(2);
    RandomCases.forAll(
        150,
        random -> RandomCases.bytes(random, 0, 400),
        bytes -> {
          EmbeddedChannel channel =
              new EmbeddedChannel(
                  new NoiseHandshakeHandler(
                      NoiseHandshake.responder(bob, RANDOM), (ctx, peer) -> {}));
          try {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes));
          } catch (DecoderException e) {
            if (!(e.getCause() instanceof FrameException)) {
              throw e;
            }
          } finally {
            for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
              buf.release();
            }
            channel.finishAndReleaseAll();
          }
        });
  }
}
