/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NoiseHandshakeTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  static NoiseIdentity identity(int seed) {
    byte[] bytes = new byte[32];
    bytes[0] = (byte) seed;
    return NoiseIdentity.generate(Ed25519KeyPair.fromSeed(bytes), RANDOM);
  }

  /** Runs both handshakes to the end. */
  static void run(NoiseHandshake initiator, NoiseHandshake responder) {
    responder.readMessage(initiator.writeMessage());
    initiator.readMessage(responder.writeMessage());
    responder.readMessage(initiator.writeMessage());
  }

  @Test
  void bothSidesAuthenticateEachOtherAndDeriveTheSameKeys() {
    NoiseIdentity alice = identity(1);
    NoiseIdentity bob = identity(2);
    NoiseHandshake initiator = NoiseHandshake.initiator(alice, Optional.of(bob.peerId()), RANDOM);
    NoiseHandshake responder = NoiseHandshake.responder(bob, RANDOM);
    run(initiator, responder);
    assertThat(initiator.isComplete()).isTrue();
    assertThat(responder.isComplete()).isTrue();
    assertThat(initiator.remotePeer()).contains(bob.peerId());
    assertThat(responder.remotePeer()).contains(alice.peerId());

    NoiseXX.TransportCiphers a = initiator.split();
    NoiseXX.TransportCiphers b = responder.split();
    for (int i = 0; i < 3; i++) {
      byte[] message = ("message " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ByteBuf frame = Unpooled.directBuffer();
      a.send().encrypt(Unpooled.wrappedBuffer(message), frame);
      assertThat(ByteBufUtil.getBytes(frame, 0, message.length)).isNotEqualTo(message);
      ByteBuf plain = Unpooled.directBuffer();
      b.receive().decrypt(frame, frame.readableBytes(), plain);
      assertThat(ByteBufUtil.getBytes(plain)).isEqualTo(message);
    }
    byte[] reply = b.send().encrypt(new byte[0], new byte[] {5});
    assertThat(a.receive().decrypt(new byte[0], reply)).containsExactly(5);
  }

  @Test
  void refusesAPeerOtherThanTheExpectedOne() {
    NoiseIdentity bob = identity(2);
    PeerId carol = identity(3).peerId();
    NoiseHandshake initiator = NoiseHandshake.initiator(identity(1), Optional.of(carol), RANDOM);
    NoiseHandshake responder = NoiseHandshake.responder(bob, RANDOM);
    responder.readMessage(initiator.writeMessage());
    byte[] second = responder.writeMessage();
    assertThatThrownBy(() -> initiator.readMessage(second))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining(carol.toString())
        .hasMessageContaining(bob.peerId().toString());
  }

  @Test
  void detectsATamperedHandshakeMessage() {
    for (int position : new int[] {0, 40, 70, 120}) {
      NoiseHandshake initiator = NoiseHandshake.initiator(identity(1), Optional.empty(), RANDOM);
      NoiseHandshake responder = NoiseHandshake.responder(identity(2), RANDOM);
      responder.readMessage(initiator.writeMessage());
      byte[] second = responder.writeMessage();
      second[position] ^= 1;
      assertThatThrownBy(() -> initiator.readMessage(second)).isInstanceOf(NoiseException.class);
    }
    NoiseHandshake initiator = NoiseHandshake.initiator(identity(1), Optional.empty(), RANDOM);
    NoiseHandshake responder = NoiseHandshake.responder(identity(2), RANDOM);
    responder.readMessage(initiator.writeMessage());
    initiator.readMessage(responder.writeMessage());
    byte[] third = initiator.writeMessage();
    third[third.length - 1] ^= 1;
    assertThatThrownBy(() -> responder.readMessage(third)).isInstanceOf(NoiseException.class);
  }

  @Test
  void detectsATamperedTransportFrame() {
    NoiseHandshake initiator = NoiseHandshake.initiator(identity(1), Optional.empty(), RANDOM);
    NoiseHandshake responder = NoiseHandshake.responder(identity(2), RANDOM);
    run(initiator, responder);
    byte[] frame = initiator.split().send().encrypt(new byte[0], new byte[] {1, 2, 3});
    frame[1] ^= 0x40;
    CipherState receive = responder.split().receive();
    assertThatThrownBy(() -> receive.decrypt(new byte[0], frame))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("authentication");
  }

  @Test
  void refusesIdentityKeysOtherThanEd25519() {
    byte[] staticKey = X25519.generatePrivateKey(RANDOM);
    NoiseXX responder =
        new NoiseXX(false, staticKey, X25519.generatePrivateKey(RANDOM), new byte[0]);
    NoiseHandshake initiator = NoiseHandshake.initiator(identity(1), Optional.empty(), RANDOM);
    responder.readMessage(initiator.writeMessage());
    // A secp256k1 (type 2) key with a 33-byte value and a meaningless signature.
    byte[] key = new byte[37];
    key[0] = 0x08;
    key[1] = 0x02;
    key[2] = 0x12;
    key[3] = 33;
    byte[] payload = new NoiseHandshakePayload(Bytes.wrap(key), Bytes.wrap(new byte[64])).encode();
    byte[] second = responder.writeMessage(payload);
    assertThatThrownBy(() -> initiator.readMessage(second))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("only ed25519");
  }

  @Test
  void runsOverNettyChannelsAndSplitsLargeWritesIntoFrames() {
    NoiseIdentity bob = identity(2);
    PeerId[] seen = new PeerId[2];
    EmbeddedChannel client =
        new EmbeddedChannel(
            new NoiseHandshakeHandler(
                NoiseHandshake.initiator(identity(1), Optional.of(bob.peerId()), RANDOM),
                (ctx, peer) -> seen[0] = peer));
    EmbeddedChannel server =
        new EmbeddedChannel(
            new NoiseHandshakeHandler(
                NoiseHandshake.responder(bob, RANDOM), (ctx, peer) -> seen[1] = peer));
    shuttle(client, server);
    assertThat(seen[0]).isEqualTo(bob.peerId());
    assertThat(seen[1]).isEqualTo(identity(1).peerId());

    byte[] large = new byte[200_000];
    new Random(1).nextBytes(large);
    client.writeOutbound(
        Unpooled.wrappedBuffer(large, 0, 100),
        Unpooled.wrappedBuffer(large, 100, large.length - 100));
    int frames = 0;
    ByteBuf received = Unpooled.buffer();
    for (ByteBuf frame; (frame = client.readOutbound()) != null; ) {
      frames++;
      assertThat(frame.getUnsignedShort(0)).isLessThanOrEqualTo(65535);
      server.writeInbound(frame);
    }
    assertThat(frames).isEqualTo(4);
    for (ByteBuf plain; (plain = server.readInbound()) != null; ) {
      received.writeBytes(plain);
      plain.release();
    }
    assertThat(ByteBufUtil.getBytes(received)).isEqualTo(large);

    ByteBuf frame = server.readOutbound();
    assertThat(frame).isNull();
    server.writeOutbound(Unpooled.wrappedBuffer(new byte[] {1}));
    ByteBuf reply = server.readOutbound();
    reply.setByte(3, reply.getByte(3) ^ 1);
    assertThatThrownBy(() -> client.writeInbound(reply))
        .isInstanceOf(DecoderException.class)
        .hasCauseInstanceOf(NoiseException.class);
    client.finishAndReleaseAll();
    server.finishAndReleaseAll();
  }

  /** Moves outbound bytes between the channels until both are quiet. */
  static void shuttle(EmbeddedChannel a, EmbeddedChannel b) {
    boolean moved = true;
    while (moved) {
      moved = false;
      for (ByteBuf buf; (buf = a.readOutbound()) != null; ) {
        b.writeInbound(buf);
        moved = true;
      }
      for (ByteBuf buf; (buf = b.readOutbound()) != null; ) {
        a.writeInbound(buf);
        moved = true;
      }
    }
    assertThat(Arrays.asList(a.isOpen(), b.isOpen())).containsOnly(true);
  }
}
