/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.host;

import io.basalt.network.transport.ByteStream;
import io.basalt.network.transport.StreamListener;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;

/** Collects a stream's bytes; {@link #done} completes with them when the peer closes its side. */
final class StreamCollector implements StreamListener {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final CompletableFuture<byte[]> done = new CompletableFuture<>();

  static StreamCollector on(ByteStream stream) {
    StreamCollector collector = new StreamCollector();
    stream.setListener(collector);
    return collector;
  }

  @Override
  public synchronized void onData(byte[] data) {
    bytes.write(data, 0, data.length);
  }

  @Override
  public synchronized void onRemoteClosed() {
    done.complete(bytes.toByteArray());
  }

  @Override
  public void onReset() {
    done.completeExceptionally(new IllegalStateException("the stream was reset"));
  }

  /** Echoes everything back and closes when the peer does. */
  static void echo(ByteStream stream) {
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(byte[] data) {
            var unused = stream.write(data);
          }

          @Override
          public void onRemoteClosed() {
            stream.closeWrite();
          }

          @Override
          public void onReset() {}
        });
  }
}
