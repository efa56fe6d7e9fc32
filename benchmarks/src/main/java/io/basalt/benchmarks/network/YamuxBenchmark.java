/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks.network;

import io.basalt.network.transport.ByteStream;
import io.basalt.network.transport.StreamListener;
import io.basalt.network.yamux.YamuxConfig;
import io.basalt.network.yamux.YamuxSession;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Yamux stream over a loopback TCP connection (no Noise): each operation is one MiB written by
 * the client and taken by the server's listener, so the score in ops/s is MiB/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class YamuxBenchmark {
  private static final int MIB = 1024 * 1024;
  private static final int MIB_PER_INVOCATION = 16;

  /** Two sessions back to back and one open stream. */
  @State(Scope.Benchmark)
  public static class Connection {
    /** The receive window of both sides: the spec's initial 256 KiB, or 4 MiB. */
    @Param({"262144", "4194304"})
    public int window;

    final Semaphore mebibytesReceived = new Semaphore(0);
    final byte[] chunk = new byte[MIB];
    EventLoopGroup group;
    Channel listen;
    Channel client;
    ByteStream stream;

    @Setup(Level.Trial)
    public void connect() throws InterruptedException {
      YamuxConfig config = new YamuxConfig(16, window, 64 * MIB);
      group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
      YamuxSession server = new YamuxSession(false, config, s -> s.setListener(new Sink()));
      YamuxSession yamux = new YamuxSession(true, config, s -> s.reset());
      listen =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline().addLast(server);
                    }
                  })
              .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
              .sync()
              .channel();
      client =
          new Bootstrap()
              .group(group)
              .channel(NioSocketChannel.class)
              .handler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline().addLast(yamux);
                    }
                  })
              .connect(listen.localAddress())
              .sync()
              .channel();
      stream = yamux.openStream();
    }

    @TearDown(Level.Trial)
    public void close() {
      client.close().syncUninterruptibly();
      listen.close().syncUninterruptibly();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Counts received bytes in whole MiB; runs on the server's event loop only. */
    private final class Sink implements StreamListener {
      private long pending;

      @Override
      public void onData(byte[] bytes) {
        pending += bytes.length;
        while (pending >= MIB) {
          pending -= MIB;
          mebibytesReceived.release();
        }
      }

      @Override
      public void onRemoteClosed() {}

      @Override
      public void onReset() {}
    }
  }

  @Benchmark
  @OperationsPerInvocation(MIB_PER_INVOCATION)
  public void transfer(Connection connection) throws InterruptedException {
    for (int i = 0; i < MIB_PER_INVOCATION; i++) {
      var unused = connection.stream.write(connection.chunk);
    }
    if (!connection.mebibytesReceived.tryAcquire(MIB_PER_INVOCATION, 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the server did not receive 16 MiB within a minute");
    }
  }
}
