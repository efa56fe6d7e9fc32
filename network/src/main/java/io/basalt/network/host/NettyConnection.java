/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.host;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.network.multistream.StreamNegotiator;
import io.basalt.network.transport.ByteStream;
import io.basalt.network.transport.Connection;
import io.basalt.network.transport.Substream;
import io.basalt.network.yamux.YamuxSession;
import io.basalt.primitives.crypto.PeerId;
import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** An upgraded connection: a Netty channel with Noise and a {@link YamuxSession} on it. */
final class NettyConnection implements Connection {
  private final Channel channel;
  private final YamuxSession session;
  private final PeerId remotePeer;
  private final Multiaddr remoteAddress;
  private final Direction direction;
  private final HostStats stats;
  private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();

  NettyConnection(
      Channel channel,
      YamuxSession session,
      PeerId remotePeer,
      Multiaddr remoteAddress,
      Direction direction,
      HostStats stats) {
    this.stats = stats;
    this.channel = channel;
    this.session = session;
    this.remotePeer = remotePeer;
    this.remoteAddress = remoteAddress;
    this.direction = direction;
    channel.closeFuture().addListener(f -> closeFuture.complete(null));
  }

  @Override
  public PeerId remotePeer() {
    return remotePeer;
  }

  @Override
  public Multiaddr remoteAddress() {
    return remoteAddress;
  }

  @Override
  public Direction direction() {
    return direction;
  }

  @Override
  public CompletableFuture<Substream> openSubstream(List<String> protocols) {
    ByteStream stream;
    try {
      stream = session.openStream();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return StreamNegotiator.dial(stream, protocols)
        .handle(
            (negotiated, error) -> {
              if (error != null) {
                throw error instanceof CompletionException c ? c : new CompletionException(error);
              }
              return new NettySubstream(negotiated, this, stats);
            });
  }

  @Override
  public void close() {
    var unused = channel.close();
  }

  @Override
  public CompletableFuture<Void> closeFuture() {
    return closeFuture;
  }

  @Override
  public boolean isOpen() {
    return channel.isActive();
  }

  @Override
  public String toString() {
    return direction + " " + remotePeer + " at " + remoteAddress;
  }
}
