/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.host;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.network.multistream.MultistreamHandler;
import io.basalt.network.multistream.Negotiation;
import io.basalt.network.noise.NoiseHandshake;
import io.basalt.network.noise.NoiseHandshakeHandler;
import io.basalt.network.transport.Connection;
import io.basalt.network.transport.Connection.Direction;
import io.basalt.network.yamux.YamuxConfig;
import io.basalt.network.yamux.YamuxSession;
import io.basalt.primitives.crypto.PeerId;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderException;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every connection: it adds the upgrade layers in front of itself one after the
 * other (multistream-select {@code /noise}, Noise, multistream-select {@code /yamux/1.0.0}, Yamux),
 * enforces the handshake timeout, and turns any failure into one debug line and a closed channel.
 */
final class ConnectionUpgrade extends ChannelInboundHandlerAdapter {
  static final String NAME = "upgrade";
  static final String NOISE = "/noise";
  static final String YAMUX = "/yamux/1.0.0";

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionUpgrade.class);

  private final NettyHost host;
  private final Direction direction;
  private final Optional<PeerId> expectedPeer;
  private final CompletableFuture<Connection> result = new CompletableFuture<>();
  private Multiaddr remoteAddress;
  private Channel channel;
  private PeerId remotePeer;
  private NettyConnection connection;
  private ScheduledFuture<?> timeout;
  private boolean failed;

  ConnectionUpgrade(NettyHost host, Direction direction, Optional<PeerId> expectedPeer) {
    this.host = host;
    this.direction = direction;
    this.expectedPeer = expectedPeer;
  }

  /** Completes with the connection once Yamux runs, or fails with what went wrong. */
  CompletableFuture<Connection> result() {
    return result;
  }

  void remoteAddress(Multiaddr address) {
    this.remoteAddress = address;
  }

  /** Starts the libp2p upgrade; called once the byte transport (TCP or WebSocket) is ready. */
  void begin(ChannelPipeline pipeline) {
    pipeline.addBefore(
        NAME, "multistream-noise", new MultistreamHandler(negotiation(NOISE), this::onNoise));
  }

  private Negotiation negotiation(String protocol) {
    return direction == Direction.OUTBOUND
        ? Negotiation.dialer(List.of(protocol))
        : Negotiation.listener(protocol::equals);
  }

  private void onNoise(ChannelHandlerContext ctx, String protocol) {
    NoiseHandshake handshake =
        direction == Direction.OUTBOUND
            ? NoiseHandshake.initiator(host.noiseIdentity(), expectedPeer, host.random())
            : NoiseHandshake.responder(host.noiseIdentity(), host.random());
    ctx.pipeline()
        .addAfter(ctx.name(), "noise", new NoiseHandshakeHandler(handshake, this::onAuthenticated));
  }

  private void onAuthenticated(ChannelHandlerContext ctx, PeerId peer) {
    remotePeer = peer;
    ctx.pipeline()
        .addBefore(
            NAME, "multistream-yamux", new MultistreamHandler(negotiation(YAMUX), this::onYamux));
  }

  private void onYamux(ChannelHandlerContext ctx, String protocol) {
    NettyConnection[] self = new NettyConnection[1];
    YamuxSession session =
        new YamuxSession(
            direction == Direction.OUTBOUND,
            YamuxConfig.defaults(),
            stream -> host.acceptStream(self[0], stream));
    ctx.pipeline().addBefore(NAME, "yamux", session);
    connection =
        new NettyConnection(
            ctx.channel(), session, remotePeer, remoteAddress, direction, host.stats());
    self[0] = connection;
    if (timeout != null) {
      timeout.cancel(false);
    }
    host.handshakeEnded(this);
    host.connectionOpened(connection);
    result.complete(connection);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    long millis = host.config().handshakeTimeout().toMillis();
    timeout =
        ctx.executor()
            .schedule(
                () -> {
                  if (!result.isDone()) {
                    fail(new TimeoutException("the handshake took longer than " + millis + " ms"));
                  }
                },
                millis,
                TimeUnit.MILLISECONDS);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (remoteAddress == null) {
      remoteAddress = NettyHost.addressOf(ctx.channel(), false);
    }
    super.channelActive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (timeout != null) {
      timeout.cancel(false);
    }
    host.handshakeEnded(this);
    if (connection != null) {
      host.connectionClosed(connection);
    } else if (!failed) {
      failed = true;
      result.completeExceptionally(
          new java.io.IOException("the connection closed during the handshake"));
    }
    super.channelInactive(ctx);
  }

  /** Drops the connection: one debug line, the dial fails, the channel closes. */
  void fail(Throwable cause) {
    if (channel == null || !channel.eventLoop().inEventLoop()) {
      if (channel != null) {
        channel.eventLoop().execute(() -> fail(cause));
      }
      return;
    }
    if (!failed) {
      failed = true;
      LOG.debug(
          "closing {} connection {}{}: {}",
          direction == Direction.OUTBOUND ? "outbound" : "inbound",
          remoteAddress != null ? remoteAddress : channel.remoteAddress(),
          remotePeer != null ? " (" + remotePeer + ")" : "",
          cause.getMessage() != null ? cause.getMessage() : cause.toString());
      result.completeExceptionally(cause);
    }
    var unused = channel.close();
  }

  @Override
  public String toString() {
    return direction + " " + remoteAddress;
  }
}
