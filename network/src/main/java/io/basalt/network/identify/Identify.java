/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.identify;

import io.basalt.network.frame.FrameException;
import io.basalt.network.frame.UnsignedVarint;
import io.basalt.network.transport.Connection;
import io.basalt.network.transport.StreamListener;
import io.basalt.network.transport.Substream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * libp2p identify: {@link #serve} answers an inbound stream with our message (built per connection,
 * so it can name the address we see the peer at); {@link #request} asks a peer for its message.
 */
public final class Identify {
  /** The protocol name. */
  public static final String PROTOCOL = "/ipfs/id/1.0.0";

  /** The protocol version Substrate announces. */
  public static final String PROTOCOL_VERSION = "/substrate/1.0";

  private Identify() {}

  /** Sends {@code message(connection)} on an inbound identify stream and closes it. */
  public static void serve(Substream stream, Function<Connection, IdentifyMessage> message) {
    byte[] body = message.apply(stream.connection()).encode();
    byte[] framed = new byte[UnsignedVarint.size(body.length) + body.length];
    byte[] prefix = UnsignedVarint.encode(body.length);
    System.arraycopy(prefix, 0, framed, 0, prefix.length);
    System.arraycopy(body, 0, framed, prefix.length, body.length);
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(byte[] bytes) {}

          @Override
          public void onRemoteClosed() {}

          @Override
          public void onReset() {}
        });
    var unused = stream.write(framed);
    stream.closeWrite();
  }

  /**
   * Asks the peer of {@code connection} for its identify message. Fails with {@link FrameException}
   * when the answer is malformed, too long or cut short.
   */
  public static CompletableFuture<IdentifyMessage> request(Connection connection) {
    return connection.openSubstream(List.of(PROTOCOL)).thenCompose(Identify::read);
  }

  private static CompletableFuture<IdentifyMessage> read(Substream stream) {
    CompletableFuture<IdentifyMessage> result = new CompletableFuture<>();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    stream.closeWrite();
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(byte[] bytes) {
            if (result.isDone()) {
              return;
            }
            received.write(bytes, 0, bytes.length);
            if (received.size() > IdentifyMessage.MAX_LENGTH + UnsignedVarint.MAX_BYTES) {
              fail(new FrameException("an identify answer is longer than its limit"));
              return;
            }
            try {
              tryDecode(received.toByteArray());
            } catch (FrameException e) {
              fail(e);
            }
          }

          private void tryDecode(byte[] bytes) {
            int[] position = {0};
            long length;
            try {
              length = UnsignedVarint.read(bytes, position);
            } catch (FrameException e) {
              if (bytes.length < UnsignedVarint.MAX_BYTES) {
                return;
              }
              throw e;
            }
            if (length > IdentifyMessage.MAX_LENGTH) {
              throw new FrameException("an identify message of " + length + " bytes is too long");
            }
            if (bytes.length - position[0] >= length) {
              result.complete(
                  IdentifyMessage.decode(
                      Arrays.copyOfRange(bytes, position[0], position[0] + (int) length)));
            }
          }

          @Override
          public void onRemoteClosed() {
            fail(new FrameException("the peer closed the identify stream before its answer"));
          }

          @Override
          public void onReset() {
            fail(new FrameException("the identify stream was reset"));
          }

          private void fail(FrameException e) {
            if (result.completeExceptionally(e)) {
              stream.reset();
            }
          }
        });
    return result;
  }
}
