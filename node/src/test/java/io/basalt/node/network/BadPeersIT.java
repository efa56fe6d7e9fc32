/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import static io.basalt.node.network.NetworkSyncIT.await;
import static io.basalt.node.network.NetworkSyncIT.network;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.network.announce.BlockAnnounce;
import io.basalt.network.announce.BlockAnnouncesHandshake;
import io.basalt.network.announce.BlockState;
import io.basalt.network.announce.Roles;
import io.basalt.network.host.HostConfig;
import io.basalt.network.host.NettyHost;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.network.notification.NotificationConfig;
import io.basalt.network.notification.NotificationHandler;
import io.basalt.network.notification.NotificationProtocol;
import io.basalt.network.peerset.PeerSet;
import io.basalt.network.peerset.PeerSetConfig;
import io.basalt.network.ping.Ping;
import io.basalt.network.protocol.ProtocolNames;
import io.basalt.network.request.RequestResponseConfig;
import io.basalt.network.request.RequestResponseProtocol;
import io.basalt.network.sync.BlockData;
import io.basalt.network.sync.BlockResponse;
import io.basalt.network.transport.Connection;
import io.basalt.node.LogCapture;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeService;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import io.basalt.primitives.types.Header;
import io.basalt.storage.block.BlockRef;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Misbehaving peers against a running dev node on loopback. After each, the node still serves an
 * honest peer and makes blocks, stores nothing it did not verify, and the bad peer is disconnected
 * or banned in the node's {@link PeerSet}.
 */
class BadPeersIT {
  private static final ChainSpec SPEC = ChainSpecs.load("dev");

  @TempDir Path dir;
  private NodeService node;
  private NetworkService network;
  private InetSocketAddress address;
  private final List<NettyHost> hosts = new ArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void start() {
    node =
        NodeService.start(
            DevConfigs.at(dir)
                .name("alice")
                .build()
                .withNetwork(network("00".repeat(31) + "01", List.of())),
            SPEC,
            Clock.systemUTC());
    network = node.network().orElseThrow();
    address = network.host().listenAddresses().getFirst().tcpSocketAddress().orElseThrow();
  }

  @AfterEach
  void stop() {
    hosts.forEach(NettyHost::close);
    timer.shutdownNow();
    node.close();
  }

  private NettyHost host(int seed) {
    byte[] bytes = new byte[32];
    bytes[0] = (byte) seed;
    bytes[31] = (byte) 0x77;
    NettyHost host =
        NettyHost.start(
            HostConfig.of(
                Ed25519KeyPair.fromSeed(bytes),
                List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")),
                "bad-peer/1"));
    hosts.add(host);
    return host;
  }

  private Multiaddr nodeAddress() {
    return Multiaddr.ofTcp(address).withPeer(network.host().localPeer());
  }

  private ProtocolNames names() {
    return new ProtocolNames(
        node.chain().genesisHash(), Optional.empty(), SPEC.protocolId().orElse("sup"));
  }

  /** The node still accepts an honest peer (ping over a fresh connection) and makes blocks. */
  private void assertStillWorks() throws Exception {
    NettyHost honest = host(99);
    Connection connection = honest.dial(nodeAddress()).get(30, TimeUnit.SECONDS);
    assertThat(Ping.ping(connection).get(30, TimeUnit.SECONDS)).isPositive();
    long before = node.chain().best().number();
    node.sealer().orElseThrow().createBlock(true, false, Optional.empty()).join();
    assertThat(node.chain().best().number()).isEqualTo(before + 1);
  }

  private static boolean closedByPeer(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      while (true) {
        if (in.read(buffer) < 0) {
          return true;
        }
      }
    } catch (java.io.IOException e) {
      return true; // reset by the node
    }
  }

  @Test
  void randomBytesOnARawSocketAreDropped() throws Exception {
    try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
      socket.setSoTimeout(30_000);
      byte[] junk = new byte[4096];
      new Random(16).nextBytes(junk);
      OutputStream out = socket.getOutputStream();
      out.write(junk);
      out.flush();
      assertThat(closedByPeer(socket)).isTrue();
    }
    assertStillWorks();
  }

  @Test
  void aTruncatedNoiseHandshakeIsDropped() throws Exception {
    try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(multistreamLine("/multistream/1.0.0"));
      out.write(multistreamLine("/noise"));
      // Noise XX message 1 announces 32 bytes (the ephemeral key) but only 10 arrive.
      out.write(new byte[] {0, 32});
      out.write(new byte[10]);
      out.flush();
      socket.shutdownOutput();
      assertThat(closedByPeer(socket)).isTrue();
    }
    assertThat(network.host().connections()).isEmpty();
    assertStillWorks();
  }

  private static byte[] multistreamLine(String protocol) {
    byte[] text = (protocol + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] line = new byte[text.length + 1];
    line[0] = (byte) text.length;
    System.arraycopy(text, 0, line, 1, text.length);
    return line;
  }

  @Test
  void twoHundredHalfOpenConnectionsDoNotLockOutAnHonestPeer() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        sockets.add(new Socket(address.getAddress(), address.getPort()));
      }
      assertStillWorks();
      assertThat(network.host().connections()).hasSize(1);
    } finally {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  /** Opens block announces to the node with {@code handshake}; returns the bad peer's id. */
  private PeerId openAnnounces(NettyHost bad, byte[] handshake, NotificationHandler handler)
      throws Exception {
    NotificationProtocol announces =
        new NotificationProtocol(
            new NotificationConfig(names().blockAnnounces(), () -> handshake, 1024, 8 << 20),
            handler,
            new PeerSet(PeerSetConfig.defaults(), Clock.systemUTC()));
    announces.register(bad);
    Connection connection = bad.dial(nodeAddress()).get(30, TimeUnit.SECONDS);
    var unused = announces.open(connection);
    testAnnounces = announces;
    return bad.localPeer();
  }

  private NotificationProtocol testAnnounces;

  private static final NotificationHandler ACCEPT_ALL =
      new NotificationHandler() {
        @Override
        public boolean onHandshake(PeerId peer, byte[] handshake, Connection.Direction direction) {
          return true;
        }

        @Override
        public void onOpened(PeerId peer, byte[] theirHandshake) {}

        @Override
        public void onNotification(PeerId peer, byte[] notification) {}

        @Override
        public void onClosed(PeerId peer) {}
      };

  @Test
  void aWrongGenesisHandshakeBansThePeer() throws Exception {
    NettyHost bad = host(1);
    BlockRef best = node.chain().best();
    byte[] otherGenesis = new byte[32];
    java.util.Arrays.fill(otherGenesis, (byte) 0x42);
    byte[] handshake =
        new BlockAnnouncesHandshake(
                Roles.FULL, best.number(), best.hash(), Hash256.of(otherGenesis))
            .encode();
    LogCapture.Captured<PeerId> captured =
        LogCapture.run(
            () -> {
              try {
                PeerId peer = openAnnounces(bad, handshake, ACCEPT_ALL);
                await("the node bans the peer", () -> network.peerSet().isBanned(peer));
                await("the node drops the peer", () -> bad.connections().isEmpty());
                return peer;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    PeerId peer = captured.result();
    assertThat(captured.lines())
        .filteredOn(line -> line.contains(peer.toBase58()) && line.contains("another chain"))
        .hasSize(1);
    assertThat(network.peers()).doesNotContainKey(peer);
    assertStillWorks();
  }

  @Test
  void anOversizedNotificationCostsReputationAndIsNotDelivered() throws Exception {
    NettyHost bad = host(2);
    BlockRef best = node.chain().best();
    byte[] handshake =
        new BlockAnnouncesHandshake(
                Roles.FULL, best.number(), best.hash(), node.chain().genesisHash())
            .encode();
    PeerId peer = openAnnounces(bad, handshake, ACCEPT_ALL);
    await("the announces are open", () -> testAnnounces.isOpen(network.host().localPeer()));
    byte[] huge = new byte[2 << 20]; // 2 MiB: the node allows 1 MiB
    assertThat(testAnnounces.send(network.host().localPeer(), huge)).isTrue();
    await("the node lowers the peer's reputation", () -> network.peerSet().reputation(peer) < 0);
    assertThat(node.chain().best()).isEqualTo(best);
    assertStillWorks();
  }

  @Test
  void anAnnouncedInvalidBlockIsNotStoredAndCostsThePeer() throws Exception {
    NettyHost bad = host(3);
    BlockRef best = node.chain().best();
    byte[] wrongRoot = new byte[32];
    java.util.Arrays.fill(wrongRoot, (byte) 0x13);
    Header invalid =
        new Header(
            best.hash(),
            best.number() + 1,
            Hash256.of(wrongRoot),
            node.chain().requireHeader(best.hash()).extrinsicsRoot(),
            List.of());
    RequestResponseProtocol sync =
        new RequestResponseProtocol(
            new RequestResponseConfig(
                names().sync(), 1 << 20, 16 << 20, RequestResponseConfig.DEFAULT_TIMEOUT, 2),
            request ->
                CompletableFuture.completedFuture(
                    new BlockResponse(List.of(BlockData.ofHeader(invalid))).encode()),
            timer);
    sync.register(bad);
    byte[] handshake =
        new BlockAnnouncesHandshake(
                Roles.FULL, invalid.number(), invalid.hash(), node.chain().genesisHash())
            .encode();
    PeerId peer = openAnnounces(bad, handshake, ACCEPT_ALL);
    await("the announces are open", () -> testAnnounces.isOpen(network.host().localPeer()));
    var unused =
        testAnnounces.send(
            network.host().localPeer(), BlockAnnounce.of(invalid, BlockState.BEST).encode());
    await(
        "the node reports the peer for the invalid block",
        () -> network.peerSet().reputation(peer) <= -(1 << 29) / 2);
    assertThat(node.chain().contains(invalid.hash())).isFalse();
    assertThat(node.chain().best()).isEqualTo(best);
    assertStillWorks();
  }
}
