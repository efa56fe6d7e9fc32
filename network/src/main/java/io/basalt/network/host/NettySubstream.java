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
  private final HostStats stats;

  NettySubstream(NegotiatedStream stream, NettyConnection connection, HostStats stats) {
    this.stream = stream;
    this.connection = connection;
    this.stats = stats;
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
    stats.protocolSent(stream.protocol(), bytes.length);
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
    String protocol = stream.protocol();
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(byte[] bytes) {
            stats.protocolReceived(protocol, bytes.length);
            listener.onData(bytes);
          }

          @Override
          public void onRemoteClosed() {
            listener.onRemoteClosed();
          }

          @Override
          public void onReset() {
            listener.onReset();
          }
        });
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
