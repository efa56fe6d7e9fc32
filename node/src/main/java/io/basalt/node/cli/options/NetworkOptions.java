/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.node.config.ConflictingOptionsException;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.config.NetworkConfig;
import io.basalt.node.config.NetworkConfig.NodeKey;
import io.basalt.node.config.NetworkConfig.SyncMode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The peer-to-peer network (sc-cli's {@code NetworkParams} and {@code NodeKeyParams}), with
 * Substrate's flag names and defaults. Not here: {@code --no-mdns}, {@code --discover-local},
 * {@code --ipfs-server}, {@code --kademlia-*}, {@code --network-backend}, {@code --node-key-type}
 * (ed25519 is the only type Substrate accepts).
 */
public final class NetworkOptions {
  @Option(
      names = "--bootnodes",
      paramLabel = "ADDR",
      split = ",",
      converter = PeerAddressConverter.class,
      description = "Specify a list of bootnodes (multiaddresses ending in /p2p/<peer id>).")
  private List<Multiaddr> bootnodes = new ArrayList<>();

  @Option(
      names = "--reserved-nodes",
      paramLabel = "ADDR",
      split = ",",
      converter = PeerAddressConverter.class,
      description = "Specify a list of reserved node addresses.")
  private List<Multiaddr> reservedNodes = new ArrayList<>();

  @Option(
      names = "--reserved-only",
      description =
          "Whether to only synchronize the chain with reserved nodes. Also disables automatic"
              + " peer discovery.")
  private boolean reservedOnly;

  @Option(
      names = "--public-addr",
      paramLabel = "PUBLIC_ADDR",
      split = ",",
      converter = AddressConverter.class,
      description = "Public address that other nodes will use to connect to this node.")
  private List<Multiaddr> publicAddresses = new ArrayList<>();

  @Option(
      names = "--listen-addr",
      paramLabel = "LISTEN_ADDR",
      split = ",",
      converter = AddressConverter.class,
      description =
          "Listen on this multiaddress. By default: /ip6/::/tcp/<port> and /ip4/0.0.0.0/tcp/<port>;"
              + " add /ws for WebSocket.")
  private List<Multiaddr> listenAddresses = new ArrayList<>();

  @Option(
      names = "--port",
      paramLabel = "PORT",
      converter = PrometheusOptions.PortConverter.class,
      description =
          "Specify p2p protocol TCP port (default: 30333). Only used if --listen-addr is not"
              + " specified.")
  private int port = NetworkConfig.DEFAULT_PORT;

  @Option(
      names = "--no-private-ip",
      description =
          "Forbid connecting to private IPv4/IPv6 addresses (as specified in RFC1918), unless the"
              + " address was passed with --reserved-nodes or --bootnodes. Enabled by default for"
              + " chains marked as \"live\" in their chain specifications.")
  private boolean noPrivateIp;

  @Option(
      names = "--allow-private-ip",
      description =
          "Always accept connecting to private IPv4/IPv6 addresses. Enabled by default for chains"
              + " marked as \"local\" in their chain specifications, or when --dev is passed.")
  private boolean allowPrivateIp;

  @Option(
      names = "--out-peers",
      paramLabel = "COUNT",
      converter = RpcOptions.PositiveConverter.class,
      description = "Number of outgoing connections we're trying to maintain (default: 8).")
  private int outPeers = NetworkConfig.DEFAULT_OUT_PEERS;

  @Option(
      names = "--in-peers",
      paramLabel = "COUNT",
      converter = RpcOptions.PositiveConverter.class,
      description = "Maximum number of inbound full nodes peers (default: 32).")
  private int inPeers = NetworkConfig.DEFAULT_IN_PEERS;

  @Option(
      names = "--max-parallel-downloads",
      paramLabel = "COUNT",
      converter = RpcOptions.PositiveConverter.class,
      description =
          "Maximum number of peers from which to ask for the same blocks in parallel (default:"
              + " 5).")
  private int maxParallelDownloads = NetworkConfig.DEFAULT_MAX_PARALLEL_DOWNLOADS;

  @Option(
      names = "--max-blocks-per-request",
      paramLabel = "COUNT",
      converter = RpcOptions.PositiveConverter.class,
      description = "Maximum number of blocks per request (default: 64).")
  private int maxBlocksPerRequest = NetworkConfig.DEFAULT_MAX_BLOCKS_PER_REQUEST;

  @Option(
      names = "--sync",
      paramLabel = "SYNC_MODE",
      converter = SyncModeConverter.class,
      description =
          "Blockchain syncing mode: full (default). Substrate's warp, fast and fast-unsafe are"
              + " not supported yet.")
  private SyncMode sync = SyncMode.FULL;

  @Option(
      names = "--node-key",
      paramLabel = "KEY",
      converter = NodeKeyConverter.class,
      description =
          "The secret key to use for libp2p networking: a hex-encoded ed25519 32-byte secret key"
              + " (64 hex characters). Takes precedence over --node-key-file. Warning: secrets on"
              + " the command line are visible to other processes.")
  private Bytes nodeKey;

  @Option(
      names = "--node-key-file",
      paramLabel = "FILE",
      description =
          "The file from which to read the node's secret key (32 raw bytes or 64 hex"
              + " characters); made there when missing. Default:"
              + " <base-path>/chains/<chain>/network/secret_ed25519.")
  private Path nodeKeyFile;

  /** The network configuration. */
  public NetworkConfig toConfig() {
    if (noPrivateIp && allowPrivateIp) {
      throw new ConflictingOptionsException("--no-private-ip", "--allow-private-ip");
    }
    for (Multiaddr address : listenAddresses) {
      boolean ip =
          address.components().size() >= 2
              && (address.components().get(0).protocol() == Multiaddr.Protocol.IP4
                  || address.components().get(0).protocol() == Multiaddr.Protocol.IP6)
              && address.components().get(1).protocol() == Multiaddr.Protocol.TCP;
      int rest = address.components().size() - (address.has(Multiaddr.Protocol.WS) ? 3 : 2);
      if (!ip || rest != 0) {
        throw new InvalidConfigurationException(
            "--listen-addr "
                + address
                + ": Basalt listens on /ip4/…/tcp/… or /ip6/…/tcp/…, optionally followed by /ws");
      }
    }
    NodeKey key =
        nodeKey != null
            ? new NodeKey.Secret(nodeKey)
            : nodeKeyFile != null ? new NodeKey.File(nodeKeyFile) : new NodeKey.Default();
    return new NetworkConfig(
        true,
        key,
        listenAddresses.isEmpty() ? NetworkConfig.defaultListenAddresses(port) : listenAddresses,
        publicAddresses,
        bootnodes,
        reservedNodes,
        reservedOnly,
        inPeers,
        outPeers,
        noPrivateIp ? Optional.of(false) : allowPrivateIp ? Optional.of(true) : Optional.empty(),
        sync,
        maxParallelDownloads,
        maxBlocksPerRequest);
  }

  /** A multiaddress. */
  static final class AddressConverter implements ITypeConverter<Multiaddr> {
    @Override
    public Multiaddr convert(String value) {
      try {
        return Multiaddr.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A multiaddress that names its peer, as Substrate's {@code MultiaddrWithPeerId}. */
  static final class PeerAddressConverter implements ITypeConverter<Multiaddr> {
    @Override
    public Multiaddr convert(String value) {
      Multiaddr address = new AddressConverter().convert(value);
      if (address.peer().isEmpty()) {
        throw new TypeConversionException(
            "The peer ID is missing from the address '" + value + "'");
      }
      return address;
    }
  }

  /** 64 hex characters, with or without {@code 0x}. */
  static final class NodeKeyConverter implements ITypeConverter<Bytes> {
    @Override
    public Bytes convert(String value) {
      String hex = value.startsWith("0x") ? value.substring(2) : value;
      if (hex.length() != 64 || !hex.matches("[0-9a-fA-F]+")) {
        throw new TypeConversionException(
            "Invalid node key: expected 64 hex characters (a 32-byte ed25519 secret)");
      }
      return Bytes.of(Hex.decode(hex));
    }
  }

  /** {@code full} or {@code warp}; Substrate's {@code fast} modes are not supported. */
  static final class SyncModeConverter implements ITypeConverter<SyncMode> {
    @Override
    public SyncMode convert(String value) {
      return switch (value.toLowerCase(java.util.Locale.ROOT)) {
        case "full" -> SyncMode.FULL;
        case "warp", "fast", "fast-unsafe" ->
            throw new TypeConversionException(
                "--sync " + value + " is not supported yet: use full");
        default ->
            throw new TypeConversionException(
                "'" + value + "' is not a sync mode: full, fast, fast-unsafe or warp");
      };
    }
  }
}
