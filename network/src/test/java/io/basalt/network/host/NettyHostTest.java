/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.network.identify.Identify;
import io.basalt.network.identify.IdentifyMessage;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.network.noise.NoiseException;
import io.basalt.network.ping.Ping;
import io.basalt.network.transport.Connection;
import io.basalt.network.transport.ConnectionListener;
import io.basalt.network.transport.ProtocolNotSupportedException;
import io.basalt.network.transport.Substream;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyHostTest {
  private static final String ECHO = "/basalt/echo/1";

  private NettyHost alice;
  private NettyHost bob;

  static Ed25519KeyPair key(int seed) {
    byte[] bytes = new byte[32];
    bytes[0] = (byte) seed;
    return Ed25519KeyPair.fromSeed(bytes);
  }

  static NettyHost host(int seed, String agent) {
    Multiaddr tcp = Multiaddr.ofTcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return NettyHost.start(
        new HostConfig(
            key(seed),
            List.of(tcp, Multiaddr.parse(tcp + "/ws")),
            agent,
            64,
            Duration.ofSeconds(20),
            2));
  }

  @BeforeEach
  void start() {
    alice = host(1, "alice/1.0");
    bob = host(2, "bob/2.0");
    bob.handle(ECHO, StreamCollector::echo);
  }

  @AfterEach
  void stop() {
    alice.close();
    bob.close();
  }

  private Multiaddr bobTcp() {
    return bob.listenAddresses().get(0).withPeer(bob.localPeer());
  }

  private Multiaddr bobWs() {
    return bob.listenAddresses().get(1).withPeer(bob.localPeer());
  }

  private static byte[] echo(Connection connection, byte[] payload) throws Exception {
    Substream stream = connection.openSubstream(List.of(ECHO)).get(10, TimeUnit.SECONDS);
    assertThat(stream.protocol()).isEqualTo(ECHO);
    StreamCollector collector = StreamCollector.on(stream);
    stream.write(payload).get(10, TimeUnit.SECONDS);
    stream.closeWrite();
    return collector.done.get(10, TimeUnit.SECONDS);
  }

  @Test
  void dialsAPeerIdAndEchoesBytesBothWays() throws Exception {
    List<Connection> opened = new ArrayList<>();
    java.util.concurrent.CompletableFuture<Connection> closed =
        new java.util.concurrent.CompletableFuture<>();
    bob.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void onOpened(Connection connection) {
            synchronized (opened) {
              opened.add(connection);
            }
          }

          @Override
          public void onClosed(Connection connection) {
            closed.complete(connection);
          }
        });
    Connection connection = alice.dial(bobTcp()).get(10, TimeUnit.SECONDS);
    assertThat(connection.remotePeer()).isEqualTo(bob.localPeer());
    assertThat(connection.direction()).isEqualTo(Connection.Direction.OUTBOUND);

    assertThat(echo(connection, "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .asString(java.nio.charset.StandardCharsets.UTF_8)
        .isEqualTo("hello");
    byte[] large = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(large);
    assertThat(echo(connection, large)).isEqualTo(large);

    synchronized (opened) {
      assertThat(opened).hasSize(1);
      assertThat(opened.get(0).remotePeer()).isEqualTo(alice.localPeer());
      assertThat(opened.get(0).direction()).isEqualTo(Connection.Direction.INBOUND);
    }
    assertThat(bob.connections()).hasSize(1);

    connection.close();
    connection.closeFuture().get(10, TimeUnit.SECONDS);
    assertThat(closed.get(10, TimeUnit.SECONDS).remotePeer()).isEqualTo(alice.localPeer());
    assertThat(bob.connections()).isEmpty();
  }

  @Test
  void countsBytesPerProtocolAndOnTheSocketAndConnections() throws Exception {
    Connection connection = alice.dial(bobTcp()).get(10, TimeUnit.SECONDS);
    byte[] payload = new byte[100_000];
    new Random(3).nextBytes(payload);
    assertThat(echo(connection, payload)).isEqualTo(payload);

    HostStats stats = alice.stats();
    assertThat(stats.protocolBytesOut()).containsEntry(ECHO, 100_000L);
    assertThat(stats.protocolBytesIn()).containsEntry(ECHO, 100_000L);
    assertThat(bob.stats().protocolBytesIn()).containsEntry(ECHO, 100_000L);
    // The socket carries the payload plus Noise tags, Yamux headers and the handshakes.
    assertThat(stats.bytesOut()).isGreaterThan(100_000L);
    assertThat(stats.bytesIn()).isGreaterThan(100_000L);
    assertThat(stats.connectionsOpened(Connection.Direction.OUTBOUND)).isEqualTo(1);
    assertThat(bob.stats().connectionsOpened(Connection.Direction.INBOUND)).isEqualTo(1);

    connection.close();
    connection.closeFuture().get(10, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (stats.connectionsClosed(Connection.Direction.OUTBOUND) == 0
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(stats.connectionsClosed(Connection.Direction.OUTBOUND)).isEqualTo(1);
  }

  @Test
  void fallsBackToTheNextProtocolAndFailsWhenNoneIsSupported() throws Exception {
    Connection connection = alice.dial(bobTcp()).get(10, TimeUnit.SECONDS);
    Substream stream =
        connection.openSubstream(List.of("/unknown/1", ECHO)).get(10, TimeUnit.SECONDS);
    assertThat(stream.protocol()).isEqualTo(ECHO);

    assertThatThrownBy(
            () -> connection.openSubstream(List.of("/unknown/1")).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ProtocolNotSupportedException.class);
    assertThat(echo(connection, new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
  }

  @Test
  void pingsAndIdentifies() throws Exception {
    Connection connection = alice.dial(bobTcp()).get(10, TimeUnit.SECONDS);
    Duration rtt = Ping.ping(connection).get(10, TimeUnit.SECONDS);
    assertThat(rtt).isPositive();

    IdentifyMessage identify = Identify.request(connection).get(10, TimeUnit.SECONDS);
    assertThat(identify.agentVersion()).isEqualTo("bob/2.0");
    assertThat(identify.protocolVersion()).isEqualTo("/substrate/1.0");
    assertThat(identify.protocols()).contains(ECHO, Ping.PROTOCOL, Identify.PROTOCOL);
    assertThat(identify.listenAddresses()).isEqualTo(bob.listenAddresses());
    assertThat(PeerId.ofEncodedPublicKey(identify.publicKey().toArray()))
        .isEqualTo(bob.localPeer());
    assertThat(identify.observedAddress()).isPresent();
    assertThat(identify.observedAddress().get().tcpSocketAddress().orElseThrow().getAddress())
        .isEqualTo(InetAddress.getLoopbackAddress());
  }

  @Test
  void worksOverWebSocket() throws Exception {
    Connection connection = alice.dial(bobWs()).get(10, TimeUnit.SECONDS);
    assertThat(connection.remotePeer()).isEqualTo(bob.localPeer());
    assertThat(Ping.ping(connection).get(10, TimeUnit.SECONDS)).isPositive();
    byte[] large = new byte[300_000];
    new Random(3).nextBytes(large);
    assertThat(echo(connection, large)).isEqualTo(large);
    assertThat(
            Identify.request(connection)
                .get(10, TimeUnit.SECONDS)
                .observedAddress()
                .orElseThrow()
                .has(Multiaddr.Protocol.WS))
        .isTrue();
  }

  @Test
  void refusesAPeerOtherThanTheOneDialed() throws Exception {
    PeerId someoneElse = PeerId.ofEd25519(key(99).publicKey());
    Multiaddr wrong = bob.listenAddresses().get(0).withPeer(someoneElse);
    assertThatThrownBy(() -> alice.dial(wrong).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(NoiseException.class)
        .hasMessageContaining(someoneElse.toString());
    Connection connection = alice.dial(bobTcp()).get(10, TimeUnit.SECONDS);
    assertThat(Ping.ping(connection).get(10, TimeUnit.SECONDS)).isPositive();
  }

  @Test
  void garbageAndTruncatedHandshakesCloseOnlyTheirConnection() throws Exception {
    Connection connection = alice.dial(bobTcp()).get(10, TimeUnit.SECONDS);
    InetSocketAddress target = bob.listenAddresses().get(0).tcpSocketAddress().orElseThrow();
    Random random = new Random(11);
    for (int i = 0; i < 5; i++) {
      byte[] garbage = new byte[1 + random.nextInt(4096)];
      random.nextBytes(garbage);
      assertClosedByPeer(target, garbage, false);
    }
    // A valid /noise negotiation, then a Noise frame that announces 100 bytes and sends 10.
    byte[] truncated =
        concat(
            concat(message("/multistream/1.0.0"), message("/noise")),
            new byte[] {0, 100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    assertClosedByPeer(target, truncated, true);
    // A handshake message of the right size but random content.
    byte[] bogus = new byte[34];
    random.nextBytes(bogus);
    bogus[0] = 0;
    bogus[1] = 32;
    assertClosedByPeer(target, concat(truncated, bogus), true);

    // A multistream message longer than 1 KiB.
    assertClosedByPeer(
        target, concat(message("/multistream/1.0.0"), new byte[] {(byte) 0x88, 0x27}), false);

    assertThat(connection.isOpen()).isTrue();
    assertThat(Ping.ping(connection).get(10, TimeUnit.SECONDS)).isPositive();
    assertThat(echo(connection, new byte[] {9})).containsExactly(9);
  }

  @Test
  void anAddressInUseIsSkippedAndTheOthersStillServe() throws Exception {
    Multiaddr taken = alice.listenAddresses().get(0);
    Multiaddr free = Multiaddr.ofTcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    try (NettyHost second =
        NettyHost.start(
            new HostConfig(key(6), List.of(taken, free), "second", 4, Duration.ofSeconds(5), 1))) {
      assertThat(second.listenAddresses()).hasSize(1).doesNotContain(taken);
      Connection connection =
          alice
              .dial(second.listenAddresses().get(0).withPeer(second.localPeer()))
              .get(10, TimeUnit.SECONDS);
      assertThat(Ping.ping(connection).get(10, TimeUnit.SECONDS)).isPositive();
    }
  }

  @Test
  void closesAConnectionThatDoesNotFinishItsHandshakeInTime() throws Exception {
    Multiaddr tcp = Multiaddr.ofTcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    try (NettyHost impatient =
        NettyHost.start(
            new HostConfig(key(5), List.of(tcp), "impatient", 4, Duration.ofSeconds(3), 1))) {
      InetSocketAddress target =
          impatient.listenAddresses().get(0).tcpSocketAddress().orElseThrow();
      // Sends nothing at all: only the timeout can close it.
      assertClosedByPeer(target, new byte[0], false);
      Connection connection =
          alice
              .dial(impatient.listenAddresses().get(0).withPeer(impatient.localPeer()))
              .get(10, TimeUnit.SECONDS);
      assertThat(Ping.ping(connection).get(10, TimeUnit.SECONDS)).isPositive();
    }
  }

  @Test
  void halfOpenConnectionsDoNotStopARealDial() throws Exception {
    InetSocketAddress target = bob.listenAddresses().get(0).tcpSocketAddress().orElseThrow();
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        Socket socket = new Socket();
        socket.connect(target, 5000);
        sockets.add(socket);
      }
      Connection connection = alice.dial(bobTcp()).get(10, TimeUnit.SECONDS);
      assertThat(Ping.ping(connection).get(10, TimeUnit.SECONDS)).isPositive();
    } finally {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  /** Sends {@code bytes} and expects the host to close the socket (EOF or reset). */
  private static void assertClosedByPeer(InetSocketAddress target, byte[] bytes, boolean shutdown)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(target, 5000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
      if (shutdown) {
        socket.shutdownOutput();
      }
      InputStream in = socket.getInputStream();
      try {
        while (in.read() != -1) {
          // the host's own multistream or Noise bytes
        }
      } catch (java.net.SocketException e) {
        // reset by the host: closed as well
      }
    }
  }

  private static byte[] message(String text) {
    byte[] body = (text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return concat(new byte[] {(byte) body.length}, body);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
