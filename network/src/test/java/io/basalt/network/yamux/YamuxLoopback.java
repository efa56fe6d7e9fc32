/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.yamux;

import io.basalt.network.transport.ByteStream;
import io.basalt.network.transport.StreamListener;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Two Yamux sessions back to back over a real loopback TCP connection. */
final class YamuxLoopback implements AutoCloseable {
  final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  final BlockingQueue<ByteStream> clientInbound = new LinkedBlockingQueue<>();
  final BlockingQueue<ByteStream> serverInbound = new LinkedBlockingQueue<>();
  final YamuxSession client;
  final YamuxSession server;
  final Channel clientChannel;
  final Channel serverChannel;
  private final Channel listenChannel;

  /** Both sides with the default config; the server hands inbound streams to {@code onServer}. */
  static YamuxLoopback open(Consumer<ByteStream> onServer) throws Exception {
    return new YamuxLoopback(YamuxConfig.defaults(), YamuxConfig.defaults(), onServer);
  }

  YamuxLoopback(YamuxConfig clientConfig, YamuxConfig serverConfig, Consumer<ByteStream> onServer)
      throws Exception {
    Consumer<ByteStream> serverHandler = onServer == null ? serverInbound::add : onServer;
    server = new YamuxSession(false, serverConfig, serverHandler);
    client = new YamuxSession(true, clientConfig, clientInbound::add);
    CompletableFuture<Channel> accepted = new CompletableFuture<>();
    listenChannel =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(server);
                    accepted.complete(ch);
                  }
                })
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .sync()
            .channel();
    clientChannel =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(client);
                  }
                })
            .connect(listenChannel.localAddress())
            .sync()
            .channel();
    serverChannel = accepted.get(10, TimeUnit.SECONDS);
  }

  /** Makes {@code stream} send back what it receives and close when the peer closes. */
  static void echo(ByteStream stream) {
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(byte[] bytes) {
            var unused = stream.write(bytes);
          }

          @Override
          public void onRemoteClosed() {
            stream.closeWrite();
          }

          @Override
          public void onReset() {}
        });
  }

  @Override
  public void close() {
    clientChannel.close().syncUninterruptibly();
    listenChannel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
