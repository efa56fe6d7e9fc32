/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.RpcDispatcher;
import io.basalt.rpc.subscription.SubscriptionIds;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC server: HTTP {@code POST} and WebSocket on one port, as polkadot-sdk's jsonrpsee
 * server. Netty event loops do the I/O; calls run on a bounded worker pool. {@link #close()} stops
 * accepting, closes every connection (ending their subscriptions) and stops the threads.
 *
 * <pre>{@code
 * RpcServer server = RpcServer.start(config, List.of(new SystemMethods(system)));
 * server.address(); // the bound address
 * server.close();
 * }</pre>
 */
public final class RpcServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("rpc");

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ThreadPoolExecutor calls;
  private final Channel listener;
  private final InetSocketAddress address;
  private final RpcDispatcher dispatcher;

  private RpcServer(
      EventLoopGroup boss,
      EventLoopGroup workers,
      ThreadPoolExecutor calls,
      Channel listener,
      RpcDispatcher dispatcher) {
    this.boss = boss;
    this.workers = workers;
    this.calls = calls;
    this.listener = listener;
    this.address = (InetSocketAddress) listener.localAddress();
    this.dispatcher = dispatcher;
  }

  /**
   * Starts serving {@code groups} (plus {@code rpc_methods}) with random subscription ids.
   *
   * @throws IllegalStateException if two groups register the same name
   * @throws java.io.UncheckedIOException if neither the address nor a free port can be bound
   */
  public static RpcServer start(RpcServerConfig config, List<MethodGroup> groups) {
    return start(config, groups, SubscriptionIds.random());
  }

  /** {@link #start(RpcServerConfig, List)} with a chosen subscription id source (tests). */
  public static RpcServer start(
      RpcServerConfig config, List<MethodGroup> groups, Supplier<String> subscriptionIds) {
    RpcDispatcher.Builder builder =
        RpcDispatcher.builder()
            .batchLimit(config.batchLimit())
            .maxResponseBytes(config.maxResponseBytes());
    groups.forEach(builder::add);
    RpcDispatcher dispatcher = builder.build();
    ThreadPoolExecutor calls =
        new ThreadPoolExecutor(
            config.workerThreads(),
            config.workerThreads(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(config.workerQueue()),
            new DefaultThreadFactory("rpc-worker", true));
    EventLoopGroup boss =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("rpc-accept", true), NioIoHandler.newFactory());
    EventLoopGroup workers =
        new MultiThreadIoEventLoopGroup(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            new DefaultThreadFactory("rpc-io", true),
            NioIoHandler.newFactory());
    CallRunner runner = new CallRunner(dispatcher, calls);
    ConnectionLimit connections = new ConnectionLimit(config.maxConnections());
    try {
      Channel listener = bind(config, boss, workers, runner, connections, subscriptionIds);
      RpcServer server = new RpcServer(boss, workers, calls, listener, dispatcher);
      LOG.info(
          "Running JSON-RPC server: addr={}, allowed origins={}",
          text(server.address),
          config.cors().describe());
      return server;
    } catch (RuntimeException e) {
      boss.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
      workers.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
      calls.shutdownNow();
      throw e;
    }
  }

  private static Channel bind(
      RpcServerConfig config,
      EventLoopGroup boss,
      EventLoopGroup workers,
      CallRunner runner,
      ConnectionLimit connections,
      Supplier<String> ids) {
    InetSocketAddress wanted = config.listenAddress();
    try {
      return bindOnce(config, wanted, boss, workers, runner, connections, ids);
    } catch (BindException e) {
      InetSocketAddress any = new InetSocketAddress(wanted.getAddress(), 0);
      try {
        return bindOnce(config, any, boss, workers, runner, connections, ids);
      } catch (BindException again) {
        throw new UncheckedIOException(
            "JSON-RPC server cannot listen on " + text(wanted) + ": " + e.getMessage(), e);
      }
    }
  }

  private static Channel bindOnce(
      RpcServerConfig config,
      InetSocketAddress address,
      EventLoopGroup boss,
      EventLoopGroup workers,
      CallRunner runner,
      ConnectionLimit connections,
      Supplier<String> ids)
      throws BindException {
    ServerState[] state = new ServerState[1];
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast("http", new HttpServerCodec())
                        .addLast("aggregate", new Aggregator(config.maxRequestBytes()))
                        .addLast("rpc-http", new HttpRpcHandler(state[0]));
                  }
                });
    ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      if (bound.cause() instanceof BindException bind) {
        throw bind;
      }
      throw new IllegalStateException(
          "JSON-RPC server cannot listen on " + text(address) + ": " + bound.cause(),
          bound.cause());
    }
    Channel channel = bound.channel();
    InetSocketAddress local = (InetSocketAddress) channel.localAddress();
    state[0] =
        new ServerState(
            config,
            runner,
            connections,
            local.getPort(),
            config.methods().deniesUnsafe(local.getAddress()),
            ids,
            System::nanoTime);
    return channel;
  }

  /** Where the server listens (the real port when 0 or a taken port was asked for). */
  public InetSocketAddress address() {
    return address;
  }

  /** The dispatcher behind the server (its catalogue lists every method). */
  public RpcDispatcher dispatcher() {
    return dispatcher;
  }

  /** Stops accepting, closes every connection and waits for the threads to end. */
  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    calls.shutdownNow();
    try {
      if (!calls.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("RPC calls still running after shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String text(InetSocketAddress address) {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  /** Aggregates a request body; one over the limit gets 413 with {@code -32007} and a close. */
  private static final class Aggregator extends HttpObjectAggregator {
    /** How long a connection refused for its size may still send what it was sending. */
    private static final long OVERSIZED_LINGER_SECONDS = 5;

    private final long limit;

    Aggregator(long limit) {
      super((int) Math.min(Integer.MAX_VALUE, limit));
      this.limit = limit;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      HttpUtil.setKeepAlive(oversized, false);
      var unused =
          ctx.writeAndFlush(HttpResponses.tooLarge(limit))
              .addListener((ChannelFutureListener) written -> lingerThenClose(ctx));
    }

    /**
     * The rest of the body may still be arriving: closing at once would reset the connection and
     * the client could lose the answer. Half-close, let the aggregator discard the rest, and close
     * when the client does, or after {@link #OVERSIZED_LINGER_SECONDS}.
     */
    private static void lingerThenClose(ChannelHandlerContext ctx) {
      if (ctx.channel() instanceof SocketChannel socket && socket.isActive()) {
        var unused = socket.shutdownOutput();
        Runnable close =
            () -> {
              var unusedClose = ctx.close();
            };
        try {
          var unusedTimer =
              ctx.executor().schedule(close, OVERSIZED_LINGER_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException shuttingDown) {
          close.run();
        }
      } else {
        var unused = ctx.close();
      }
    }
  }
}
