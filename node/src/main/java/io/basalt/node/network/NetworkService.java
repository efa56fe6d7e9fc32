/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import io.basalt.network.announce.BlockAnnounce;
import io.basalt.network.announce.BlockAnnouncesHandshake;
import io.basalt.network.announce.BlockState;
import io.basalt.network.announce.Roles;
import io.basalt.network.frame.FrameException;
import io.basalt.network.host.HostConfig;
import io.basalt.network.host.NettyHost;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.network.notification.NotificationConfig;
import io.basalt.network.notification.NotificationHandler;
import io.basalt.network.notification.NotificationProtocol;
import io.basalt.network.peerset.PeerSet;
import io.basalt.network.peerset.PeerSetConfig;
import io.basalt.network.peerset.ReputationChange;
import io.basalt.network.protocol.ProtocolNames;
import io.basalt.network.request.InboundRequest;
import io.basalt.network.request.RequestResponseConfig;
import io.basalt.network.request.RequestResponseProtocol;
import io.basalt.network.sync.BlockRequest;
import io.basalt.network.sync.BlockResponse;
import io.basalt.network.transactions.TransactionsMessage;
import io.basalt.network.transport.Connection;
import io.basalt.network.transport.ConnectionListener;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainEvent;
import io.basalt.node.chain.ChainListener;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.config.NetworkConfig;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.log.StatusLog;
import io.basalt.node.txpool.TransactionPool;
import io.basalt.node.txpool.TransactionSource;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.types.Header;
import io.basalt.storage.block.BlockRef;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node on the peer-to-peer network: a libp2p {@link NettyHost} with Substrate's block
 * announces, {@code /sync/2} (served from the database and used by {@link ChainSync}) and
 * transactions protocols; peers from {@code --bootnodes}, the chain spec's boot nodes and {@code
 * --reserved-nodes}, kept by a {@link PeerSet} with reputation and bans.
 *
 * <p>Threads: Netty's event loops deliver bytes and only decode and enqueue; requests are served on
 * a small pool; sync and imports run on {@code basalt-sync}; dialing and transaction propagation on
 * {@code basalt-network}.
 */
public final class NetworkService implements AutoCloseable, ChainListener {
  private static final Logger LOG = LoggerFactory.getLogger("sub-libp2p");

  /** Substrate's block request size limits: requests are tiny, responses up to 16 MiB. */
  private static final int MAX_BLOCK_REQUEST = 1024 * 1024;

  private static final int MAX_BLOCK_RESPONSE = 16 * 1024 * 1024;

  /** Substrate's {@code MAX_TRANSACTIONS_SIZE} for one notification. */
  private static final int MAX_TRANSACTIONS_NOTIFICATION = 16 * 1024 * 1024;

  /** Block announces carry a header (and optional data): Substrate allows 1 MiB. */
  private static final int MAX_ANNOUNCE = 1024 * 1024;

  /** Transactions go out this often, as Substrate's {@code PROPAGATE_TIMEOUT}. */
  private static final Duration PROPAGATE_INTERVAL = Duration.ofMillis(2900);

  private final NetworkConfig config;
  private final Blockchain chain;
  private final TransactionPool pool;
  private final Roles roles;
  private final NettyHost host;
  private final PeerSet peerSet;
  private final NotificationProtocol announces;
  private final NotificationProtocol transactions;
  private final GrandpaGossip grandpa;
  private final RequestResponseProtocol blockRequests;
  private final ChainSync sync;
  private final LightServers lightServers;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService servers;
  private final Map<PeerId, Connection> connections = new ConcurrentHashMap<>();
  private final Map<PeerId, Set<Hash256>> knownTransactions = new ConcurrentHashMap<>();
  private final Map<PeerId, PeerInfo> peerInfo = new ConcurrentHashMap<>();
  private final NetworkInformant informant;

  /**
   * What we know of a connected peer for {@code system_peers}.
   *
   * @param roles the roles of its handshake
   * @param bestHash its best block
   * @param bestNumber its best block number
   */
  public record PeerInfo(Roles roles, Hash256 bestHash, long bestNumber) {}

  private NetworkService(
      NetworkConfig config,
      Ed25519KeyPair identity,
      ProtocolNames names,
      boolean authority,
      boolean allowPrivateIp,
      List<Multiaddr> specBootnodes,
      Blockchain chain,
      BlockImporter importer,
      TransactionPool pool,
      String agentVersion) {
    this.config = config;
    this.chain = chain;
    this.pool = pool;
    this.roles = authority ? Roles.AUTHORITY : Roles.FULL;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread t = new Thread(runnable, "basalt-network");
              t.setDaemon(true);
              return t;
            });
    this.servers =
        Executors.newFixedThreadPool(
            2,
            runnable -> {
              Thread t = new Thread(runnable, "basalt-network-server");
              t.setDaemon(true);
              return t;
            });
    Set<PeerId> reserved = new LinkedHashSet<>();
    config.reservedNodes().forEach(a -> a.peer().ifPresent(reserved::add));
    this.peerSet =
        new PeerSet(
            PeerSetConfig.defaults()
                .withSlots(config.inPeers(), config.outPeers())
                .withReserved(reserved, config.reservedOnly())
                .withAllowPrivateIp(allowPrivateIp),
            Clock.systemUTC());
    BlockRequestServer blockServer = new BlockRequestServer(chain);
    this.blockRequests =
        new RequestResponseProtocol(
            new RequestResponseConfig(
                names.sync(),
                MAX_BLOCK_REQUEST,
                MAX_BLOCK_RESPONSE,
                RequestResponseConfig.DEFAULT_TIMEOUT,
                2),
            request ->
                serve(request, bytes -> blockServer.serve(BlockRequest.decode(bytes)).encode()),
            scheduler);
    this.sync =
        new ChainSync(
            chain,
            importer,
            this::fetchBlocks,
            peerSet,
            config.maxBlocksPerRequest(),
            config.maxParallelDownloads());
    this.announces =
        new NotificationProtocol(
            new NotificationConfig(
                names.blockAnnounces(), this::announceHandshake, 1024, MAX_ANNOUNCE),
            new AnnounceHandler(),
            peerSet);
    this.transactions =
        new NotificationProtocol(
            new NotificationConfig(
                names.transactions(), roles::encode, 1024, MAX_TRANSACTIONS_NOTIFICATION),
            new TransactionsHandler(),
            peerSet);
    this.grandpa = new GrandpaGossip(names.grandpa(), roles, peerSet);
    this.host = NettyHost.start(HostConfig.of(identity, config.listenAddresses(), agentVersion));
    blockRequests.register(host);
    announces.register(host);
    transactions.register(host);
    grandpa.register(host);
    host.addConnectionListener(new Connections());
    this.informant =
        new NetworkInformant(
            host.stats()::bytesIn,
            host.stats()::bytesOut,
            peerInfo::size,
            sync::isMajorSyncing,
            sync::target,
            System::nanoTime);
    this.lightServers = new LightServers(host, names, chain, this::serve, scheduler);
    peerSet.addDisconnectListener(
        peer -> {
          Connection connection = connections.get(peer);
          if (connection != null) {
            connection.close();
          }
        });
    List<Multiaddr> known = new ArrayList<>(config.bootnodes());
    known.addAll(specBootnodes);
    known.addAll(config.reservedNodes());
    for (Multiaddr address : known) {
      address
          .peer()
          .filter(peer -> !peer.equals(host.localPeer()))
          .ifPresent(peer -> peerSet.addAddress(peer, address.withoutPeer()));
    }
    var unused1 = scheduler.scheduleWithFixedDelay(this::dialPeers, 0, 1, TimeUnit.SECONDS);
    var unused2 =
        scheduler.scheduleWithFixedDelay(
            this::propagateTransactions,
            PROPAGATE_INTERVAL.toMillis(),
            PROPAGATE_INTERVAL.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /**
   * Starts the network.
   *
   * @param specBootnodes the chain spec's {@code bootNodes}; unparsable ones are skipped with a
   *     warning
   */
  public static NetworkService start(
      NetworkConfig config,
      Ed25519KeyPair identity,
      Hash256 genesisHash,
      Optional<String> protocolId,
      boolean localChain,
      boolean authority,
      List<String> specBootnodes,
      Blockchain chain,
      BlockImporter importer,
      TransactionPool pool,
      String agentVersion) {
    List<Multiaddr> bootnodes = new ArrayList<>();
    for (String text : specBootnodes) {
      try {
        Multiaddr address = Multiaddr.parse(text);
        if (address.peer().isPresent()) {
          bootnodes.add(address);
        } else {
          LOG.warn("The chain spec's boot node {} has no /p2p/ peer id: skipped", text);
        }
      } catch (IllegalArgumentException e) {
        LOG.warn("The chain spec's boot node {} is not a multiaddr: {}", text, e.getMessage());
      }
    }
    ProtocolNames names =
        new ProtocolNames(genesisHash, Optional.empty(), protocolId.orElse("sup"));
    NetworkService service =
        new NetworkService(
            config,
            identity,
            names,
            authority,
            config.allowPrivateIp().orElse(localChain),
            bootnodes,
            chain,
            importer,
            pool,
            agentVersion);
    chain.addListener(service);
    for (Multiaddr address : service.host.listenAddresses()) {
      StatusLog.info(
          "🔍 Listening for new connections on {}", address.withPeer(service.host.localPeer()));
    }
    return service;
  }

  /** Our listen addresses with our peer id, as {@code system_localListenAddresses} lists them. */
  public List<String> localListenAddresses() {
    List<String> addresses = new ArrayList<>();
    for (Multiaddr address : host.listenAddresses()) {
      addresses.add(address.withPeer(host.localPeer()).toString());
    }
    for (Multiaddr address : config.publicAddresses()) {
      addresses.add(address.withPeer(host.localPeer()).toString());
    }
    return addresses;
  }

  /** The peers with open block announces, with their roles and best blocks. */
  public Map<PeerId, PeerInfo> peers() {
    return Collections.unmodifiableMap(peerInfo);
  }

  /** Whether the node is far behind its peers. */
  public boolean isMajorSyncing() {
    return sync.isMajorSyncing();
  }

  /** The peers sync may download from. */
  public int syncPeersCount() {
    return sync.peersCount();
  }

  /** The best block a peer announced, if higher than ours. */
  public java.util.OptionalLong syncTarget() {
    return sync.target();
  }

  /** The peer set (reserved peers, reputation). */
  public PeerSet peerSet() {
    return peerSet;
  }

  /** Dials {@code address} (ending in /p2p/) as a reserved peer. */
  public void addReservedPeer(Multiaddr address) {
    PeerId peer =
        address
            .peer()
            .orElseThrow(
                () -> new IllegalArgumentException("The peer ID is missing from the address"));
    peerSet.addAddress(peer, address.withoutPeer());
    peerSet.addReserved(peer);
    var unused = scheduler.submit(this::dialPeers);
  }

  /** Gossips the votes and commits of {@code finality}'s voter; call before it starts. */
  public void attachGrandpa(io.basalt.node.consensus.grandpa.GrandpaFinality finality) {
    grandpa.attach(finality);
  }

  /** GRANDPA's gossip protocol. */
  public GrandpaGossip grandpaGossip() {
    return grandpa;
  }

  /** The informant's status line with peers, sync speed and traffic. */
  public NetworkInformant informant() {
    return informant;
  }

  /** Serves light clients' {@code /light/2} runtime calls and reads with these runtime calls. */
  public void serveLightClients(RuntimeCalls calls) {
    lightServers.serveLight(calls);
  }

  /** The listening host (tests). */
  public NettyHost host() {
    return host;
  }

  @Override
  public void onEvent(ChainEvent event) {
    if (event instanceof ChainEvent.BlockImported imported) {
      sync.poke();
      if (!sync.isMajorSyncing()) {
        Header header = imported.header();
        // Substrate always sends the (empty) data field; smoldot refuses announces without it.
        byte[] announce =
            new BlockAnnounce(
                    header,
                    Optional.of(imported.isNewBest() ? BlockState.BEST : BlockState.NORMAL),
                    Optional.of(Bytes.EMPTY))
                .encode();
        for (PeerId peer : announces.openPeers()) {
          PeerInfo info = peerInfo.get(peer);
          if (info == null || !info.bestHash().equals(header.hash())) {
            announces.send(peer, announce);
          }
        }
      }
    }
  }

  private byte[] announceHandshake() {
    BlockRef best = chain.best();
    return new BlockAnnouncesHandshake(roles, best.number(), best.hash(), chain.genesisHash())
        .encode();
  }

  private CompletableFuture<BlockResponse> fetchBlocks(PeerId peer, BlockRequest request) {
    Connection connection = connections.get(peer);
    if (connection == null || !connection.isOpen()) {
      return CompletableFuture.failedFuture(new IllegalStateException("no connection to " + peer));
    }
    return blockRequests.request(connection, request.encode()).thenApply(BlockResponse::decode);
  }

  /** Serves a request on the server pool; a request that does not decode costs the peer. */
  private CompletableFuture<byte[]> serve(
      InboundRequest request, java.util.function.Function<byte[], byte[]> server) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return server.apply(request.payload().toArray());
          } catch (FrameException e) {
            LOG.debug("Bad request from {}: {}", request.peer(), e.getMessage());
            peerSet.report(request.peer(), ReputationChange.BAD_MESSAGE);
            throw e;
          }
        },
        servers);
  }

  private void dialPeers() {
    try {
      for (PeerId peer : peerSet.peersToDial()) {
        List<Multiaddr> addresses = peerSet.addresses(peer);
        if (addresses.isEmpty() || connections.containsKey(peer)) {
          peerSet.dialFailed(peer);
          continue;
        }
        var unused =
            host.dial(addresses.getFirst().withPeer(peer))
                .whenComplete(
                    (connection, failure) -> {
                      if (failure != null) {
                        Duration backoff = peerSet.dialFailed(peer);
                        LOG.debug(
                            "Dial to {} failed (next try in {}s): {}",
                            peer,
                            backoff.toSeconds(),
                            rootMessage(failure));
                      } else {
                        peerSet.dialSucceeded(peer);
                      }
                    });
      }
    } catch (RuntimeException e) {
      LOG.warn("Dialing peers failed: {}", e.toString(), e);
    }
  }

  private void propagateTransactions() {
    try {
      List<Bytes> ready = pool.pendingExtrinsics();
      if (ready.isEmpty() || sync.isMajorSyncing()) {
        return;
      }
      for (PeerId peer : transactions.openPeers()) {
        Set<Hash256> known = knownTransactions.computeIfAbsent(peer, p -> newKnownSet());
        List<Bytes> fresh = new ArrayList<>();
        for (Bytes extrinsic : ready) {
          if (known.add(Hashing.blake2b256Hash(extrinsic.toArray()))) {
            fresh.add(extrinsic);
          }
        }
        if (!fresh.isEmpty()) {
          transactions.send(peer, new TransactionsMessage(fresh).encode());
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Propagating transactions failed: {}", e.toString(), e);
    }
  }

  private static Set<Hash256> newKnownSet() {
    return Collections.newSetFromMap(
        Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, false) {
              private static final long serialVersionUID = 1L;

              @Override
              protected boolean removeEldestEntry(Map.Entry<Hash256, Boolean> eldest) {
                return size() > 10_240;
              }
            }));
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }

  /** Connections opened or closed: opens our notification substreams, frees slots. */
  private final class Connections implements ConnectionListener {
    @Override
    public void onOpened(Connection connection) {
      PeerId peer = connection.remotePeer();
      if (connection.direction() == Connection.Direction.INBOUND
          && !peerSet.acceptInbound(peer).accepted()) {
        LOG.debug("Refused inbound connection from {}: no slot", peer);
        connection.close();
        return;
      }
      Connection previous = connections.putIfAbsent(peer, connection);
      if (previous != null && previous.isOpen()) {
        // One connection per peer is enough: keep the first.
        return;
      }
      connections.put(peer, connection);
      var unusedAnnounces =
          announces
              .open(connection)
              .whenComplete(
                  (ok, failure) -> {
                    if (failure != null) {
                      LOG.debug("Block announces to {} failed: {}", peer, rootMessage(failure));
                    }
                  });
      var unusedGrandpa =
          grandpa
              .open(connection)
              .whenComplete(
                  (ok, failure) -> {
                    if (failure != null) {
                      LOG.debug("GRANDPA gossip to {} failed: {}", peer, rootMessage(failure));
                    }
                  });
      var unusedTransactions =
          transactions
              .open(connection)
              .whenComplete(
                  (ok, failure) -> {
                    if (failure != null) {
                      LOG.debug("Transactions to {} failed: {}", peer, rootMessage(failure));
                    }
                  });
    }

    @Override
    public void onClosed(Connection connection) {
      PeerId peer = connection.remotePeer();
      if (connections.remove(peer, connection)) {
        peerSet.disconnected(peer);
        knownTransactions.remove(peer);
      }
    }
  }

  /** Block announces: the handshake's genesis must be ours; announces go to sync. */
  private final class AnnounceHandler implements NotificationHandler {
    @Override
    public boolean onHandshake(PeerId peer, byte[] handshake, Connection.Direction direction) {
      BlockAnnouncesHandshake theirs;
      try {
        theirs = BlockAnnouncesHandshake.decode(handshake);
      } catch (FrameException e) {
        LOG.info("💔 Bad block announces handshake from {}: {}", peer, e.getMessage());
        peerSet.report(peer, ReputationChange.BAD_HANDSHAKE);
        return false;
      }
      if (!theirs.genesisHash().equals(chain.genesisHash())) {
        if (peerSet.isBanned(peer)) {
          return false; // both substreams carry the handshake: one line per peer is enough
        }
        LOG.info(
            "💔 Peer {} is on another chain: genesis {} (ours: {})",
            peer,
            theirs.genesisHash(),
            chain.genesisHash());
        peerSet.report(peer, ReputationChange.WRONG_GENESIS);
        return false;
      }
      peerInfo.put(peer, new PeerInfo(theirs.roles(), theirs.bestHash(), theirs.bestNumber()));
      sync.peerConnected(peer, theirs.bestHash(), theirs.bestNumber());
      return true;
    }

    @Override
    public void onOpened(PeerId peer, byte[] theirHandshake) {
      LOG.debug("Block announces open with {}", peer);
    }

    @Override
    public void onNotification(PeerId peer, byte[] notification) {
      BlockAnnounce announce;
      try {
        announce = BlockAnnounce.decode(notification);
      } catch (FrameException e) {
        LOG.info("💔 Bad block announce from {}: {}", peer, e.getMessage());
        peerSet.report(peer, ReputationChange.BAD_MESSAGE);
        return;
      }
      Header header = announce.header();
      peerInfo.computeIfPresent(
          peer,
          (p, info) ->
              header.number() > info.bestNumber()
                      || announce.state().map(s -> s == BlockState.BEST).orElse(false)
                  ? new PeerInfo(info.roles(), header.hash(), header.number())
                  : info);
      sync.onAnnounce(peer, announce);
    }

    @Override
    public void onClosed(PeerId peer) {
      peerInfo.remove(peer);
      sync.peerDisconnected(peer);
    }
  }

  /** Transactions from peers go to the pool, validated there like any external one. */
  private final class TransactionsHandler implements NotificationHandler {
    @Override
    public boolean onHandshake(PeerId peer, byte[] handshake, Connection.Direction direction) {
      return true;
    }

    @Override
    public void onOpened(PeerId peer, byte[] theirHandshake) {}

    @Override
    public void onNotification(PeerId peer, byte[] notification) {
      if (sync.isMajorSyncing()) {
        return; // as Substrate: transactions are ignored while far behind
      }
      TransactionsMessage message;
      try {
        message = TransactionsMessage.decode(notification);
      } catch (FrameException e) {
        peerSet.report(peer, ReputationChange.BAD_MESSAGE);
        return;
      }
      Set<Hash256> known = knownTransactions.computeIfAbsent(peer, p -> newKnownSet());
      var unused =
          servers.submit(
              () -> {
                for (Bytes extrinsic : message.extrinsics()) {
                  known.add(Hashing.blake2b256Hash(extrinsic.toArray()));
                  pool.submit(TransactionSource.EXTERNAL, extrinsic);
                }
              });
    }

    @Override
    public void onClosed(PeerId peer) {}
  }

  @Override
  public void close() {
    chain.removeListener(this);
    scheduler.shutdownNow();
    sync.close();
    host.close();
    servers.shutdownNow();
  }
}
