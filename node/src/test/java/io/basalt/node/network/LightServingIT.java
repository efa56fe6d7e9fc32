/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.executor.state.TrieStateBackend;
import io.basalt.network.host.HostConfig;
import io.basalt.network.host.NettyHost;
import io.basalt.network.kad.KadMessage;
import io.basalt.network.kad.KadPeer;
import io.basalt.network.light.LightResponse;
import io.basalt.network.light.RemoteCallRequest;
import io.basalt.network.light.RemoteReadRequest;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.network.protocol.ProtocolNames;
import io.basalt.network.request.RequestFailedException;
import io.basalt.network.request.RequestResponseConfig;
import io.basalt.network.request.RequestResponseProtocol;
import io.basalt.network.sync.KeyValueStateEntry;
import io.basalt.network.sync.StateEntry;
import io.basalt.network.sync.StateRequest;
import io.basalt.network.sync.StateResponse;
import io.basalt.network.transport.Connection;
import io.basalt.network.warp.WarpProofRequest;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeService;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.types.Header;
import io.basalt.storage.trie.TrieProof;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dev node's light-client protocols asked over libp2p by a bare host: {@code /light/2} read and
 * execution proofs checked against the state root (the call replayed on the proof alone), {@code
 * /state/2} entries, {@code /sync/warp} and Kademlia {@code FIND_NODE} listing a connected full
 * node.
 */
class LightServingIT {
  private static final byte[] ALICE =
      Hex.decode("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

  @TempDir static Path alicePath;
  @TempDir static Path followerPath;
  static NodeService alice;
  static NettyHost client;
  static Connection connection;
  static ProtocolNames names;
  static ScheduledExecutorService timer;

  @BeforeAll
  static void start() throws Exception {
    alice =
        NodeService.start(
            DevConfigs.at(alicePath)
                .name("alice")
                .build()
                .withNetwork(NetworkSyncIT.network("00".repeat(31) + "11", List.of())),
            ChainSpecs.load("dev"),
            Clock.systemUTC());
    for (int i = 0; i < 3; i++) {
      alice.sealer().orElseThrow().createBlock(true, true, Optional.empty()).join();
    }
    NettyHost host = alice.network().orElseThrow().host();
    Multiaddr address = host.listenAddresses().getFirst().withPeer(host.localPeer());
    client =
        NettyHost.start(
            HostConfig.of(
                Ed25519KeyPair.fromSeed(Hex.decode("00".repeat(31) + "12")),
                List.of(),
                "light-test"));
    connection = client.dial(address).get(30, TimeUnit.SECONDS);
    names = new ProtocolNames(alice.chain().genesisHash(), Optional.empty(), "unused");
    timer = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (alice != null) {
      alice.close();
    }
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private static byte[] ask(List<String> protocol, byte[] request) throws Exception {
    RequestResponseProtocol requests =
        new RequestResponseProtocol(
            new RequestResponseConfig(
                protocol, 1 << 20, 32 << 20, RequestResponseConfig.DEFAULT_TIMEOUT, 1),
            r -> CompletableFuture.failedFuture(new IllegalStateException("a client")),
            timer);
    return requests.request(connection, request).get(60, TimeUnit.SECONDS);
  }

  private static Header best() {
    return alice.chain().requireHeader(alice.chain().best().hash());
  }

  @Test
  void aReadProofProvesAlicesAccountAtTheBlock() throws Exception {
    Header best = best();
    Bytes key = systemAccountKey(ALICE);
    LightResponse response =
        LightResponse.decode(
            ask(names.light(), new RemoteReadRequest(best.hash(), List.of(key)).encode()));

    Optional<Bytes> value = alice.chain().stateAt(best).get(key);
    assertThat(value).isPresent();
    assertThat(TrieProof.verify(alice.chain().stateRootOf(best), response.proofNodes(), key, value))
        .isTrue();
  }

  @Test
  void anUnknownBlockGetsNoProof() throws Exception {
    LightResponse response =
        LightResponse.decode(
            ask(
                names.light(),
                new RemoteReadRequest(Hash256.of(new byte[32]), List.of(Bytes.of((byte) 1)))
                    .encode()));

    assertThat(response.proof()).isEmpty();
  }

  @Test
  void anExecutionProofHoldsEverythingTheCallReads() throws Exception {
    Header best = best();
    LightResponse response =
        LightResponse.decode(
            ask(
                names.light(),
                new RemoteCallRequest(best.hash(), "Core_version", Bytes.EMPTY).encode()));

    RuntimeCalls calls = new RuntimeCalls(alice.chain(), alice.runtimes());
    TrieStateBackend proofOnly =
        new TrieStateBackend(
            new TrieProof(response.proofNodes()).toNodeSource(), alice.chain().stateRootOf(best));
    assertThat(calls.callOn(best, proofOnly, "Core_version", Bytes.EMPTY))
        .isEqualTo(calls.call(best, "Core_version", Bytes.EMPTY));
  }

  @Test
  void aStateRequestWithoutProofSendsTheWholeSmallState() throws Exception {
    Header best = best();
    StateResponse response =
        StateResponse.decode(
            ask(names.state(), new StateRequest(best.hash(), List.of(), true).encode()));

    KeyValueStateEntry top = response.entries().getFirst();
    assertThat(top.stateRoot().length()).isZero();
    assertThat(top.complete()).isTrue();
    List<Bytes> keys = top.entries().stream().map(StateEntry::key).toList();
    assertThat(keys).isSorted().contains(systemAccountKey(ALICE));
    Bytes after = keys.get(keys.size() / 2);
    StateResponse rest =
        StateResponse.decode(
            ask(names.state(), new StateRequest(best.hash(), List.of(after), true).encode()));
    assertThat(rest.entries().getFirst().entries().stream().map(StateEntry::key).toList())
        .isEqualTo(keys.subList(keys.size() / 2 + 1, keys.size()));
  }

  @Test
  void aWarpRequestFromAnUnknownBlockFails() {
    assertThatThrownBy(
            () -> ask(names.warp(), new WarpProofRequest(Hash256.of(new byte[32])).encode()))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(RequestFailedException.class);
  }

  @Test
  void findNodeListsAConnectedFullNodeWithItsListenAddress(@TempDir Path dir) throws Exception {
    try (NodeService follower =
        NodeService.start(
            DevConfigs.at(dir)
                .name("follower")
                .authority(false)
                .build()
                .withNetwork(
                    NetworkSyncIT.network(
                        "00".repeat(31) + "13",
                        List.of(
                            alice
                                .network()
                                .orElseThrow()
                                .host()
                                .listenAddresses()
                                .getFirst()
                                .withPeer(alice.network().orElseThrow().host().localPeer())))),
            ChainSpecs.load("dev"),
            Clock.systemUTC())) {
      PeerId followerPeer = follower.network().orElseThrow().host().localPeer();
      List<KadPeer> found = new ArrayList<>();
      NetworkSyncIT.await(
          "Alice's Kademlia knows the follower",
          () -> {
            try {
              found.clear();
              found.addAll(
                  KadMessage.decode(
                          ask(
                              names.kademlia(),
                              KadMessage.findNode(followerPeer.multihash()).encode()))
                      .closerPeers());
              return found.stream().anyMatch(p -> p.id().equals(followerPeer));
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          });
      KadPeer peer = found.stream().filter(p -> p.id().equals(followerPeer)).findFirst().get();
      assertThat(peer.addresses())
          .containsAll(follower.network().orElseThrow().host().listenAddresses());
      assertThat(found).noneMatch(p -> p.id().equals(client.localPeer()));
    }
  }

  private static Bytes systemAccountKey(byte[] who) {
    ByteArrayOutputStream key = new ByteArrayOutputStream();
    key.writeBytes(Hashing.twox128("System".getBytes(StandardCharsets.US_ASCII)));
    key.writeBytes(Hashing.twox128("Account".getBytes(StandardCharsets.US_ASCII)));
    key.writeBytes(Hashing.blake2b128(who));
    key.writeBytes(who);
    return Bytes.wrap(key.toByteArray());
  }
}
