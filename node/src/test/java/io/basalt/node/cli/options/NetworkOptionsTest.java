/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ConflictingOptionsException;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.config.NetworkConfig;
import io.basalt.node.config.NetworkConfig.NodeKey;
import io.basalt.node.service.NodeIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

class NetworkOptionsTest {
  private static final String ALICE_NODE =
      "/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";

  @Command
  static final class Holder {
    @ArgGroup(validate = false)
    NetworkOptions network = new NetworkOptions();
  }

  private static NetworkConfig parse(String... args) {
    Holder holder = new Holder();
    new CommandLine(holder).parseArgs(args);
    return holder.network.toConfig();
  }

  @Test
  void substratesDefaults() {
    NetworkConfig config = parse();
    assertThat(config.enabled()).isTrue();
    assertThat(config.listenAddresses())
        .extracting(Multiaddr::toString)
        .containsExactly("/ip6/::/tcp/30333", "/ip4/0.0.0.0/tcp/30333");
    assertThat(config.inPeers()).isEqualTo(32);
    assertThat(config.outPeers()).isEqualTo(8);
    assertThat(config.allowPrivateIp()).isEmpty();
    assertThat(config.sync()).isEqualTo(NetworkConfig.SyncMode.FULL);
    assertThat(config.nodeKey()).isInstanceOf(NodeKey.Default.class);
  }

  @Test
  void portAppliesOnlyWithoutListenAddresses() {
    assertThat(parse("--port", "40000").listenAddresses())
        .extracting(Multiaddr::toString)
        .containsExactly("/ip6/::/tcp/40000", "/ip4/0.0.0.0/tcp/40000");
    assertThat(
            parse("--port", "40000", "--listen-addr", "/ip4/127.0.0.1/tcp/0/ws").listenAddresses())
        .extracting(Multiaddr::toString)
        .containsExactly("/ip4/127.0.0.1/tcp/0/ws");
  }

  @Test
  void peersAndSlots() {
    NetworkConfig config =
        parse(
            "--bootnodes",
            ALICE_NODE,
            "--reserved-nodes",
            ALICE_NODE,
            "--reserved-only",
            "--in-peers",
            "3",
            "--out-peers",
            "2",
            "--no-private-ip",
            "--sync",
            "full");
    assertThat(config.bootnodes()).containsExactly(Multiaddr.parse(ALICE_NODE));
    assertThat(config.reservedNodes()).containsExactly(Multiaddr.parse(ALICE_NODE));
    assertThat(config.reservedOnly()).isTrue();
    assertThat(config.inPeers()).isEqualTo(3);
    assertThat(config.outPeers()).isEqualTo(2);
    assertThat(config.allowPrivateIp()).isEqualTo(Optional.of(false));
    assertThat(config.sync()).isEqualTo(NetworkConfig.SyncMode.FULL);
  }

  @Test
  void aBootnodeMustNameItsPeer() {
    assertThatThrownBy(() -> parse("--bootnodes", "/ip4/127.0.0.1/tcp/30333"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("The peer ID is missing from the address");
    assertThatThrownBy(() -> parse("--bootnodes", "/ip5/1/tcp/1/p2p/x"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("unknown multiaddr protocol 'ip5'");
  }

  @Test
  void privateIpFlagsConflict() {
    assertThatThrownBy(() -> parse("--no-private-ip", "--allow-private-ip"))
        .isInstanceOf(ConflictingOptionsException.class);
  }

  @Test
  void syncModesNotBuiltYetAreRefusedWithAReason() {
    assertThatThrownBy(() -> parse("--sync", "fast"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("not supported");
    assertThatThrownBy(() -> parse("--sync", "warp"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("--sync warp is not supported yet");
    assertThatThrownBy(() -> parse("--sync", "slow"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("is not a sync mode");
  }

  @Test
  void listenAddressesMustBeIpAndTcp() {
    assertThatThrownBy(() -> parse("--listen-addr", "/dns/example.com/tcp/30333"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("Basalt listens on /ip4/");
    assertThatThrownBy(() -> parse("--listen-addr", "/ip4/0.0.0.0/udp/30333/quic-v1"))
        .isInstanceOf(InvalidConfigurationException.class);
    assertThat(parse("--listen-addr", "/ip6/::1/tcp/0/ws").listenAddresses()).hasSize(1);
  }

  /** Substrate's {@code --node-key 0000…0001} peer id. */
  @Test
  void nodeKeyOneGivesSubstratesPeerId(@TempDir Path base) {
    NetworkConfig config = parse("--node-key", "0".repeat(63) + "1");
    NodeIdentity identity = NodeIdentity.load(config.nodeKey(), new BasePath(base, false), "local");
    assertThat(identity.peerId().toBase58())
        .isEqualTo("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
    assertThat(base.resolve("chains")).doesNotExist();
    assertThatThrownBy(() -> parse("--node-key", "abc"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("Invalid node key");
  }

  @Test
  void aNodeKeyFileIsMadeOnceAndReused(@TempDir Path base) throws Exception {
    Path file = base.resolve("keys/node.key");
    NetworkConfig config = parse("--node-key-file", file.toString());
    NodeIdentity first = NodeIdentity.load(config.nodeKey(), new BasePath(base, false), "local");
    assertThat(Files.size(file)).isEqualTo(32);
    assertThat(NodeIdentity.load(config.nodeKey(), new BasePath(base, false), "local").peerId())
        .isEqualTo(first.peerId());
    Files.writeString(file, "0".repeat(63) + "1\n");
    assertThat(
            NodeIdentity.load(config.nodeKey(), new BasePath(base, false), "local")
                .peerId()
                .toBase58())
        .isEqualTo("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
  }
}
