/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.host;

import io.basalt.network.identify.Identify;
import io.basalt.network.identify.IdentifyMessage;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.network.multistream.StreamNegotiator;
import io.basalt.network.noise.NoiseIdentity;
import io.basalt.network.ping.Ping;
import io.basalt.network.transport.ByteStream;
import io.basalt.network.transport.Connection;
import io.basalt.network.transport.Connection.Direction;
import io.basalt.network.transport.ConnectionListener;
import io.basalt.network.transport.Host;
import io.basalt.network.transport.Substream;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.PeerId;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The libp2p {@link Host} on Netty. Every connection, TCP or WebSocket ({@code /ws}, binary
 * frames), is upgraded with multistream-select {@code /noise}, Noise XX, multistream-select {@code
 * /yamux/1.0.0} and Yamux; inbound streams are negotiated against the protocols given to {@link
 * #handle}. Ping and identify are registered at start. A peer that misbehaves during or after the
 * upgrade loses its connection only, with one debug line naming it and the reason.
 */
public final class NettyHost implements Host {
  private static final Logger LOG = LoggerFactory.getLogger(NettyHost.class);
  private static final int MAX_WEBSOCKET_FRAME = 1 << 20;
  private static final int MAX_HTTP_HANDSHAKE = 8192;

  /** protobuf {@code PublicKey{Type: Ed25519 (1), Data: <32 bytes>}} up to the key bytes. */
  private static final byte[] ED25519_KEY_PREFIX = {0x08, 0x01, 0x12, 0x20};

  private final HostConfig config;
  private final SecureRandom random = new SecureRandom();
  private final NoiseIdentity noiseIdentity;
  private final EventLoopGroup group;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final Map<String, Consumer<Substream>> handlers = new ConcurrentHashMap<>();
  private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
  private final Set<NettyConnection> connections = ConcurrentHashMap.newKeySet();
  private final ArrayDeque<ConnectionUpgrade> pendingInbound = new ArrayDeque<>();
  private final List<Multiaddr> boundAddresses = new ArrayList<>();
  private final byte[] encodedPublicKey;
  private final HostStats stats = new HostStats();
  private final ByteCounter byteCounter = new ByteCounter(stats);

  private NettyHost(HostConfig config) {
    this.config = config;
    this.noiseIdentity = NoiseIdentity.generate(config.identity(), random);
    this.group =
        new MultiThreadIoEventLoopGroup(
            config.eventLoopThreads(),
            new DefaultThreadFactory("p2p", true),
            NioIoHandler.newFactory());
    byte[] key = config.identity().publicKey().toArray();
    this.encodedPublicKey = new byte[ED25519_KEY_PREFIX.length + key.length];
    System.arraycopy(ED25519_KEY_PREFIX, 0, encodedPublicKey, 0, ED25519_KEY_PREFIX.length);
    System.arraycopy(key, 0, encodedPublicKey, ED25519_KEY_PREFIX.length, key.length);
  }

  /**
   * Starts a host: registers ping and identify and binds every listen address.
   *
   * @throws IllegalArgumentException when a listen address is not {@code ip4|ip6/tcp[/ws]}
   * @throws java.io.UncheckedIOException when an address cannot be bound
   */
  public static NettyHost start(HostConfig config) {
    NettyHost host = new NettyHost(config);
    host.handle(Ping.PROTOCOL, Ping::serve);
    host.handle(Identify.PROTOCOL, stream -> Identify.serve(stream, host::identifyMessage));
    try {
      for (Multiaddr address : config.listenAddresses()) {
        if (host.coveredByDualStack(address)) {
          continue;
        }
        try {
          host.listen(address);
        } catch (java.io.UncheckedIOException e) {
          // As Substrate: an address that cannot be bound is reported, the others still serve.
          LOG.warn("Can't listen on {} because: {}", address, e.getCause().getMessage());
        }
      }
    } catch (RuntimeException e) {
      host.close();
      throw e;
    }
    return host;
  }

  /**
   * Whether {@code address} is the IPv4 wildcard on a port whose IPv6 wildcard is already bound:
   * the JDK binds {@code ::} dual-stack, so it accepts IPv4 too and a second bind would fail.
   */
  private boolean coveredByDualStack(Multiaddr address) {
    Optional<InetSocketAddress> socket = address.tcpSocketAddress();
    if (socket.isEmpty()
        || socket.get().isUnresolved()
        || !(socket.get().getAddress() instanceof java.net.Inet4Address)
        || !socket.get().getAddress().isAnyLocalAddress()
        || socket.get().getPort() == 0) {
      return false;
    }
    synchronized (boundAddresses) {
      return boundAddresses.stream()
          .anyMatch(
              bound ->
                  bound.has(Multiaddr.Protocol.WS) == address.has(Multiaddr.Protocol.WS)
                      && bound
                          .tcpSocketAddress()
                          .filter(b -> b.getAddress() instanceof java.net.Inet6Address)
                          .filter(b -> b.getAddress().isAnyLocalAddress())
                          .filter(b -> b.getPort() == socket.get().getPort())
                          .isPresent());
    }
  }

  private void listen(Multiaddr address) {
    InetSocketAddress socket =
        address
            .tcpSocketAddress()
            .filter(a -> !a.isUnresolved())
            .orElseThrow(
                () -> new IllegalArgumentException("cannot listen on " + address + ": not ip/tcp"));
    boolean webSocket = address.has(Multiaddr.Protocol.WS);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    accept(channel, webSocket);
                  }
                });
    io.netty.channel.ChannelFuture binding = bootstrap.bind(socket).awaitUninterruptibly();
    if (!binding.isSuccess()) {
      // Netty hands back the JDK's BindException (a checked exception) as the failure cause.
      Throwable e = binding.cause();
      throw new java.io.UncheckedIOException(
          new java.io.IOException("cannot listen on " + address + ": " + e.getMessage(), e));
    }
    Channel server = binding.channel();
    channels.add(server);
    Multiaddr bound = Multiaddr.ofTcp((InetSocketAddress) server.localAddress());
    synchronized (boundAddresses) {
      boundAddresses.add(webSocket ? Multiaddr.parse(bound + "/ws") : bound);
    }
  }

  private void accept(SocketChannel channel, boolean webSocket) {
    channels.add(channel);
    ConnectionUpgrade upgrade = new ConnectionUpgrade(this, Direction.INBOUND, Optional.empty());
    upgrade.remoteAddress(addressOf(channel, webSocket));
    admit(upgrade);
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast(ByteCounter.NAME, byteCounter);
    if (webSocket) {
      pipeline.addLast(
          new HttpServerCodec(),
          new HttpObjectAggregator(MAX_HTTP_HANDSHAKE),
          new WebSocketServerProtocolHandler(
              WebSocketServerProtocolConfig.newBuilder()
                  .websocketPath("/")
                  .checkStartsWith(true)
                  .maxFramePayloadLength(MAX_WEBSOCKET_FRAME)
                  .handshakeTimeoutMillis(config.handshakeTimeout().toMillis())
                  .build()),
          new WebSocketFrames(() -> upgrade.begin(pipeline)));
    }
    pipeline.addLast(ConnectionUpgrade.NAME, upgrade);
    if (!webSocket) {
      upgrade.begin(pipeline);
    }
  }

  /** Counts an inbound handshake; when too many are pending, the oldest is dropped. */
  private void admit(ConnectionUpgrade upgrade) {
    ConnectionUpgrade evicted = null;
    synchronized (pendingInbound) {
      if (pendingInbound.size() >= config.maxPendingHandshakes()) {
        evicted = pendingInbound.pollFirst();
      }
      pendingInbound.addLast(upgrade);
    }
    if (evicted != null) {
      evicted.fail(
          new java.io.IOException(
              "dropped: more than " + config.maxPendingHandshakes() + " pending handshakes"));
    }
  }

  void handshakeEnded(ConnectionUpgrade upgrade) {
    synchronized (pendingInbound) {
      pendingInbound.remove(upgrade);
    }
  }

  static Multiaddr addressOf(Channel channel, boolean webSocket) {
    if (!(channel.remoteAddress() instanceof InetSocketAddress socket)) {
      return Multiaddr.parse("/ip4/0.0.0.0/tcp/0");
    }
    Multiaddr address = Multiaddr.ofTcp(socket);
    return webSocket ? Multiaddr.parse(address + "/ws") : address;
  }

  @Override
  public PeerId localPeer() {
    return noiseIdentity.peerId();
  }

  @Override
  public List<Multiaddr> listenAddresses() {
    synchronized (boundAddresses) {
      return List.copyOf(boundAddresses);
    }
  }

  @Override
  public CompletableFuture<Connection> dial(Multiaddr address) {
    Optional<InetSocketAddress> target = address.tcpSocketAddress();
    if (target.isEmpty()) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("cannot dial " + address + ": not ip/dns + tcp"));
    }
    Optional<PeerId> expected;
    try {
      expected = address.peer();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    boolean webSocket = address.has(Multiaddr.Protocol.WS);
    ConnectionUpgrade upgrade = new ConnectionUpgrade(this, Direction.OUTBOUND, expected);
    upgrade.remoteAddress(address.withoutPeer());
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.handshakeTimeout().toMillis())
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channels.add(channel);
                    ChannelPipeline pipeline = channel.pipeline();
                    pipeline.addLast(ByteCounter.NAME, byteCounter);
                    if (webSocket) {
                      pipeline.addLast(
                          new HttpClientCodec(),
                          new HttpObjectAggregator(MAX_HTTP_HANDSHAKE),
                          new WebSocketClientProtocolHandler(
                              WebSocketClientProtocolConfig.newBuilder()
                                  .webSocketUri(webSocketUri(target.get()))
                                  .maxFramePayloadLength(MAX_WEBSOCKET_FRAME)
                                  .build()),
                          new WebSocketFrames(() -> upgrade.begin(pipeline)));
                    }
                    pipeline.addLast(ConnectionUpgrade.NAME, upgrade);
                    if (!webSocket) {
                      upgrade.begin(pipeline);
                    }
                  }
                });
    try {
      bootstrap
          .connect(target.get())
          .addListener(
              f -> {
                if (!f.isSuccess()) {
                  upgrade.result().completeExceptionally(f.cause());
                }
              });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return upgrade.result();
  }

  private static URI webSocketUri(InetSocketAddress target) {
    String host =
        target.isUnresolved() ? target.getHostString() : target.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("ws://" + host + ":" + target.getPort() + "/");
  }

  @Override
  public void handle(String protocol, Consumer<Substream> handler) {
    handlers.put(protocol, handler);
  }

  @Override
  public void addConnectionListener(ConnectionListener listener) {
    listeners.add(listener);
  }

  /** Bytes and connections counted since the host started. */
  public HostStats stats() {
    return stats;
  }

  @Override
  public List<Connection> connections() {
    return List.copyOf(connections);
  }

  @Override
  public void close() {
    var unused = channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  HostConfig config() {
    return config;
  }

  NoiseIdentity noiseIdentity() {
    return noiseIdentity;
  }

  SecureRandom random() {
    return random;
  }

  void connectionOpened(NettyConnection connection) {
    connections.add(connection);
    stats.opened(connection.direction());
    for (ConnectionListener listener : listeners) {
      try {
        listener.onOpened(connection);
      } catch (RuntimeException e) {
        LOG.warn("a connection listener failed on {}", connection, e);
      }
    }
  }

  void connectionClosed(NettyConnection connection) {
    if (!connections.remove(connection)) {
      return;
    }
    stats.closed(connection.direction());
    for (ConnectionListener listener : listeners) {
      try {
        listener.onClosed(connection);
      } catch (RuntimeException e) {
        LOG.warn("a connection listener failed on {}", connection, e);
      }
    }
  }

  /**
   * Negotiates an inbound stream against our handlers and hands it to the chosen one; a stream not
   * negotiated within the handshake timeout is reset.
   */
  void acceptStream(NettyConnection connection, ByteStream stream) {
    var unused =
        StreamNegotiator.listen(stream, handlers::containsKey)
            .orTimeout(config.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .whenComplete(
                (negotiated, error) -> {
                  if (error != null) {
                    stream.reset();
                    LOG.debug(
                        "inbound stream from {} failed to negotiate: {}",
                        connection,
                        error.getMessage() != null ? error.getMessage() : error.toString());
                    return;
                  }
                  Consumer<Substream> handler = handlers.get(negotiated.protocol());
                  try {
                    handler.accept(new NettySubstream(negotiated, connection, stats));
                  } catch (RuntimeException e) {
                    LOG.warn(
                        "the {} handler failed on a stream from {}",
                        negotiated.protocol(),
                        connection,
                        e);
                    negotiated.reset();
                  }
                });
  }

  private IdentifyMessage identifyMessage(Connection connection) {
    return new IdentifyMessage(
        Identify.PROTOCOL_VERSION,
        config.agentVersion(),
        Bytes.wrap(encodedPublicKey),
        listenAddresses(),
        Optional.of(connection.remoteAddress()),
        handlers.keySet().stream().sorted().toList());
  }

  @Override
  public String toString() {
    return "NettyHost(" + localPeer() + " on " + listenAddresses() + ")";
  }
}
