/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.yamux;

import io.basalt.network.transport.StreamListener;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;

/** Collects a stream's events: its bytes, whether and when the peer closed it or it was reset. */
final class RecordingListener implements StreamListener {
  private final ByteArrayOutputStream data = new ByteArrayOutputStream();

  /** Completes with every byte received once the peer closes its direction. */
  final CompletableFuture<byte[]> remoteClosed = new CompletableFuture<>();

  /** Completes with the bytes received until the reset. */
  final CompletableFuture<byte[]> reset = new CompletableFuture<>();

  @Override
  public synchronized void onData(byte[] bytes) {
    data.writeBytes(bytes);
  }

  @Override
  public synchronized void onRemoteClosed() {
    remoteClosed.complete(data.toByteArray());
  }

  @Override
  public synchronized void onReset() {
    reset.complete(data.toByteArray());
  }

  synchronized byte[] received() {
    return data.toByteArray();
  }
}
