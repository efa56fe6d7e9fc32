/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.host;

import io.basalt.network.multistream.NegotiatedStream;
import io.basalt.network.transport.Connection;
import io.basalt.network.transport.StreamListener;
import io.basalt.network.transport.Substream;
import io.basalt.primitives.crypto.PeerId;
import java.util.concurrent.CompletableFuture;

/** A negotiated Yamux stream of a {@link NettyConnection}. */
final class NettySubstream implements Substream {
  private final NegotiatedStream stream;
  private final NettyConnection connection;

  NettySubstream(NegotiatedStream stream, NettyConnection connection) {
    this.stream = stream;
    this.connection = connection;
  }

  @Override
  public PeerId remotePeer() {
    return connection.remotePeer();
  }

  @Override
  public String protocol() {
    return stream.protocol();
  }

  @Override
  public Connection connection() {
    return connection;
  }

  @Override
  public CompletableFuture<Void> write(byte[] bytes) {
    return stream.write(bytes);
  }

  @Override
  public void closeWrite() {
    stream.closeWrite();
  }

  @Override
  public void reset() {
    stream.reset();
  }

  @Override
  public void setListener(StreamListener listener) {
    stream.setListener(listener);
  }

  @Override
  public boolean isOpen() {
    return stream.isOpen();
  }

  @Override
  public String toString() {
    return protocol() + " with " + remotePeer();
  }
}
