/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import io.basalt.network.announce.BlockAnnounce;
import io.basalt.network.peerset.PeerReporter;
import io.basalt.network.peerset.ReputationChange;
import io.basalt.network.sync.BlockAttribute;
import io.basalt.network.sync.BlockData;
import io.basalt.network.sync.BlockRequest;
import io.basalt.network.sync.BlockResponse;
import io.basalt.network.sync.Direction;
import io.basalt.network.sync.FromBlock;
import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.importer.BlockImporter;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.storage.block.BlockRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full sync from peers into the import pipeline (Substrate's {@code ChainSync}, simplified): for
 * each peer ahead of us it finds the common ancestor (by number, then by binary search down to our
 * finalized block), downloads the following blocks in ascending ranges of {@code
 * maxBlocksPerRequest} from several peers at once, and imports them in order, with origin {@code
 * NetworkInitialSync} while more than {@value #MAJOR_SYNC_BLOCKS} blocks behind the best peer and
 * {@code NetworkBroadcast} after. Announced blocks whose parent we have are fetched by hash; other
 * announced forks are fetched downwards until a known parent.
 *
 * <p>Everything runs on one thread ({@code basalt-sync}): network callbacks only enqueue. A peer
 * that answers with blocks that do not link, or whose block fails import, loses reputation and its
 * range goes to another peer. Nothing is stored that the importer did not verify and execute.
 */
public final class ChainSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("sync");

  /** Substrate's {@code MAJOR_SYNC_BLOCKS}: further behind than this is initial sync. */
  public static final int MAJOR_SYNC_BLOCKS = 5;

  private static final Set<BlockAttribute> FULL_BLOCK =
      EnumSet.of(BlockAttribute.HEADER, BlockAttribute.BODY, BlockAttribute.JUSTIFICATION);

  /** Sends one block request to a peer. */
  @FunctionalInterface
  public interface BlockFetcher {
    CompletableFuture<BlockResponse> fetch(PeerId peer, BlockRequest request);
  }

  private final Blockchain chain;
  private final BlockImporter importer;
  private final BlockFetcher fetcher;
  private final PeerReporter reporter;
  private final int maxBlocksPerRequest;
  private final int maxParallelDownloads;
  private final ScheduledExecutorService thread;

  private final Map<PeerId, PeerSync> peers = new ConcurrentHashMap<>();

  /** Downloaded ranges waiting to be imported, by first block number. */
  private final TreeMap<Long, Range> downloaded = new TreeMap<>();

  /** Ranges being downloaded, by first block number. */
  private final Map<Long, PeerId> inFlight = new HashMap<>();

  private volatile boolean majorSyncing;
  private volatile long target;
  private boolean closed;

  /** What we know of one peer's chain. */
  private static final class PeerSync {
    Hash256 bestHash;
    long bestNumber;

    /** The highest block number both chains share, once known. */
    OptionalLong common = OptionalLong.empty();

    /** Whether a request to this peer is in flight. */
    boolean busy;

    /** Binary search bounds while looking for the common ancestor. */
    long searchLow;

    long searchHigh;
    boolean searching;

    /** Whether the first probe (the highest block both may share) was answered. */
    boolean probedTop;

    PeerSync(Hash256 bestHash, long bestNumber) {
      this.bestHash = bestHash;
      this.bestNumber = bestNumber;
    }
  }

  /** Blocks downloaded from {@code peer}, starting at {@code first}. */
  private record Range(long first, PeerId peer, List<BlockData> blocks) {}

  public ChainSync(
      Blockchain chain,
      BlockImporter importer,
      BlockFetcher fetcher,
      PeerReporter reporter,
      int maxBlocksPerRequest,
      int maxParallelDownloads) {
    this.chain = chain;
    this.importer = importer;
    this.fetcher = fetcher;
    this.reporter = reporter;
    this.maxBlocksPerRequest = maxBlocksPerRequest;
    this.maxParallelDownloads = maxParallelDownloads;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread t = new Thread(runnable, "basalt-sync");
              t.setDaemon(true);
              return t;
            });
    // Requests that failed or peers that became idle are looked at again once a second.
    var unused = thread.scheduleWithFixedDelay(this::poke, 1, 1, TimeUnit.SECONDS);
  }

  /** Whether the node is far behind its best peer (Substrate's "major sync"). */
  public boolean isMajorSyncing() {
    return majorSyncing;
  }

  /** The highest best block number a peer told us, if any peer is connected. */
  public OptionalLong target() {
    long value = target;
    return value < 0 || peersCount() == 0 ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /** How many peers sync knows. */
  public int peersCount() {
    return peers.size();
  }

  /** A peer opened block announces and told us its best block. */
  public void peerConnected(PeerId peer, Hash256 bestHash, long bestNumber) {
    submit(
        () -> {
          peers.put(peer, new PeerSync(bestHash, bestNumber));
          LOG.debug("sync: {} connected with best #{} ({})", peer, bestNumber, bestHash);
        });
  }

  /** A peer closed block announces. */
  public void peerDisconnected(PeerId peer) {
    submit(
        () -> {
          peers.remove(peer);
          inFlight.values().removeIf(peer::equals);
        });
  }

  /** A peer announced a block. */
  public void onAnnounce(PeerId peer, BlockAnnounce announce) {
    submit(() -> handleAnnounce(peer, announce));
  }

  /** Re-evaluates what to request (e.g. after our own best block changed). */
  public void poke() {
    submit(() -> {});
  }

  private void submit(Runnable task) {
    if (closed) {
      return;
    }
    try {
      var unused =
          thread.submit(
              () -> {
                try {
                  task.run();
                  step();
                } catch (RuntimeException e) {
                  LOG.warn("sync: {}", e.toString(), e);
                }
              });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  private void handleAnnounce(PeerId peerId, BlockAnnounce announce) {
    PeerSync peer = peers.get(peerId);
    if (peer == null) {
      return;
    }
    Header header = announce.header();
    Hash256 hash = header.hash();
    if (header.number() > peer.bestNumber
        || announce
            .state()
            .map(s -> s == io.basalt.network.announce.BlockState.BEST)
            .orElse(false)) {
      peer.bestHash = hash;
      peer.bestNumber = header.number();
    }
    if (chain.contains(hash) || majorSyncing) {
      return;
    }
    if (chain.contains(header.parentHash()) && !peer.busy) {
      // The usual case at the tip: fetch the one block and import it.
      BlockRequest request =
          new BlockRequest(FULL_BLOCK, new FromBlock.Hash(hash), Direction.ASCENDING, 1, true);
      send(
          peerId,
          peer,
          request,
          response -> {
            List<BlockData> blocks = response.blocks();
            if (!blocks.isEmpty() && blocks.getFirst().hash().equals(hash)) {
              importChain(peerId, List.of(blocks.getFirst()));
            }
          },
          () -> {});
    } else if (!peer.busy && header.number() > chain.finalized().number()) {
      // A fork whose parent we lack: walk down from it until a block we know.
      fetchFork(peerId, peer, hash, header.number() - chain.finalized().number());
    }
  }

  private void fetchFork(PeerId peerId, PeerSync peer, Hash256 top, long depth) {
    int count = (int) Math.min(depth, maxBlocksPerRequest);
    BlockRequest request =
        new BlockRequest(FULL_BLOCK, new FromBlock.Hash(top), Direction.DESCENDING, count, true);
    send(
        peerId,
        peer,
        request,
        response -> {
          List<BlockData> blocks = new ArrayList<>(response.blocks());
          if (blocks.isEmpty() || !linksDownwards(blocks, top)) {
            misbehaved(peerId, "blocks that do not link");
            return;
          }
          java.util.Collections.reverse(blocks);
          Header lowest = blocks.getFirst().header().orElseThrow();
          if (chain.contains(lowest.parentHash())) {
            importChain(peerId, blocks);
          } else if (blocks.size() == count && lowest.number() > 1) {
            LOG.debug("sync: fork below #{} from {} is deeper", lowest.number(), peerId);
          }
        },
        () -> {});
  }

  /** One pass: updates the sync state and sends what requests are due. */
  private void step() {
    if (closed) {
      return;
    }
    BlockRef best = chain.best();
    long highest = peers.values().stream().mapToLong(p -> p.bestNumber).max().orElse(-1);
    target = highest;
    boolean wasMajor = majorSyncing;
    majorSyncing = highest > best.number() + MAJOR_SYNC_BLOCKS;
    if (wasMajor && !majorSyncing) {
      LOG.debug("sync: caught up at #{}", best.number());
    }
    // Ask for the next ranges before importing, so downloads overlap the imports.
    requestMore();
    importDownloaded();
    requestMore();
  }

  /** Sends the requests due: common-ancestor probes and block ranges to idle peers. */
  private void requestMore() {
    BlockRef best = chain.best();
    for (Map.Entry<PeerId, PeerSync> entry : peers.entrySet()) {
      if (inFlight.size() >= maxParallelDownloads * Math.max(1, peers.size())) {
        break;
      }
      PeerId peerId = entry.getKey();
      PeerSync peer = entry.getValue();
      if (peer.busy || (peer.bestNumber <= best.number() && chain.contains(peer.bestHash))) {
        continue;
      }
      if (peer.common.isEmpty() && !findCommonAncestor(peerId, peer, best)) {
        continue;
      }
      Optional<Long> range = nextRange(peer, best);
      range.ifPresent(first -> download(peerId, peer, first));
    }
  }

  /** The first number of the lowest range neither downloaded nor in flight that the peer has. */
  private Optional<Long> nextRange(PeerSync peer, BlockRef best) {
    long start = Math.max(best.number(), peer.common.getAsLong()) + 1;
    // Ranges are aligned to the first block after our best when the sync began; keep it simple:
    // walk forward in steps of the request size from the lowest gap.
    long first = start;
    while (first <= peer.bestNumber) {
      if (!downloaded.containsKey(first) && !inFlight.containsKey(first)) {
        if (first - best.number() > maxBlocksPerRequest * 8L) {
          return Optional.empty(); // do not run too far ahead of the importer
        }
        return Optional.of(first);
      }
      Range done = downloaded.get(first);
      first += done != null ? Math.max(1, done.blocks().size()) : maxBlocksPerRequest;
    }
    return Optional.empty();
  }

  private void download(PeerId peerId, PeerSync peer, long first) {
    int count = (int) Math.min(maxBlocksPerRequest, peer.bestNumber - first + 1);
    inFlight.put(first, peerId);
    BlockRequest request =
        new BlockRequest(FULL_BLOCK, new FromBlock.Number(first), Direction.ASCENDING, count, true);
    send(
        peerId,
        peer,
        request,
        response -> {
          inFlight.remove(first, peerId);
          List<BlockData> blocks = response.blocks();
          if (blocks.isEmpty()) {
            // The peer no longer has it (a re-org); look for the ancestor again.
            peer.common = OptionalLong.empty();
            return;
          }
          if (!linksUpwards(blocks, first)) {
            misbehaved(peerId, "blocks that do not link");
            return;
          }
          downloaded.put(first, new Range(first, peerId, blocks));
        },
        () -> inFlight.remove(first, peerId));
  }

  /**
   * Sends {@code request} to {@code peer}, busy until the answer: a response goes to {@code
   * onResponse}, a failure to {@code onFailure} and then costs the peer; both on the sync thread.
   */
  private void send(
      PeerId peerId,
      PeerSync peer,
      BlockRequest request,
      java.util.function.Consumer<BlockResponse> onResponse,
      Runnable onFailure) {
    peer.busy = true;
    var unused =
        fetcher
            .fetch(peerId, request)
            .whenComplete(
                (response, failure) ->
                    submit(
                        () -> {
                          peer.busy = false;
                          if (failure != null) {
                            onFailure.run();
                            requestFailed(peerId, failure);
                            return;
                          }
                          onResponse.accept(response);
                        }));
  }

  /** Imports the downloaded ranges that continue our best chain. */
  private void importDownloaded() {
    while (!downloaded.isEmpty()) {
      Map.Entry<Long, Range> lowest = downloaded.firstEntry();
      long best = chain.best().number();
      if (lowest.getKey() > best + 1) {
        return; // a gap: wait for the range before it
      }
      Range range = downloaded.pollFirstEntry().getValue();
      List<BlockData> fresh =
          range.blocks().stream()
              .filter(b -> b.header().orElseThrow().number() > best || !chain.contains(b.hash()))
              .toList();
      if (!fresh.isEmpty() && !importChain(range.peer(), fresh)) {
        downloaded.clear();
        return;
      }
    }
  }

  /**
   * Imports blocks that link upwards, lowest first; returns whether all were imported. On an
   * unknown parent the peer's common ancestor is searched again; an invalid block costs the peer.
   */
  private boolean importChain(PeerId peerId, List<BlockData> blocks) {
    BlockOrigin origin =
        majorSyncing ? BlockOrigin.NETWORK_INITIAL_SYNC : BlockOrigin.NETWORK_BROADCAST;
    for (BlockData data : blocks) {
      SignedBlock block;
      try {
        block = toSignedBlock(data);
      } catch (RuntimeException e) {
        misbehaved(peerId, "a block that does not decode: " + e.getMessage());
        return false;
      }
      BlockImportResult result = importer.importBlock(block, origin);
      switch (result) {
        case BlockImportResult.Imported imported -> {}
        case BlockImportResult.AlreadyKnown known -> {}
        case BlockImportResult.UnknownParent unknown -> {
          PeerSync peer = peers.get(peerId);
          if (peer != null) {
            peer.common = OptionalLong.empty();
          }
          return false;
        }
        case BlockImportResult.Invalid invalid -> {
          LOG.warn(
              "💔 Error importing block {}: {} (from {})",
              invalid.hash(),
              invalid.reason(),
              peerId);
          reporter.report(peerId, ReputationChange.INVALID_BLOCK);
          PeerSync peer = peers.get(peerId);
          if (peer != null) {
            peer.common = OptionalLong.empty();
          }
          return false;
        }
        default -> {
          LOG.debug("sync: block {} from {}: {}", result.hash(), peerId, result);
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Finds the highest block both chains share: our best number first, then a binary search down to
   * our finalized block. Returns true when it is known now; else a probe is in flight.
   */
  private boolean findCommonAncestor(PeerId peerId, PeerSync peer, BlockRef best) {
    if (!peer.searching) {
      long finalized = chain.finalized().number();
      peer.searching = true;
      peer.probedTop = false;
      peer.searchLow = finalized;
      peer.searchHigh = Math.max(finalized, Math.min(best.number(), peer.bestNumber));
    }
    if (peer.searchLow >= peer.searchHigh) {
      peer.common = OptionalLong.of(peer.searchLow);
      peer.searching = false;
      LOG.debug("sync: common ancestor with {} is #{}", peerId, peer.searchLow);
      return true;
    }
    long number = peer.probedTop ? (peer.searchLow + peer.searchHigh + 1) / 2 : peer.searchHigh;
    BlockRequest request =
        new BlockRequest(
            EnumSet.of(BlockAttribute.HEADER),
            new FromBlock.Number(number),
            Direction.ASCENDING,
            1,
            false);
    send(
        peerId,
        peer,
        request,
        response -> {
          Optional<Hash256> theirs = response.blocks().stream().findFirst().map(BlockData::hash);
          peer.probedTop = true;
          if (theirs.isPresent() && theirs.equals(chain.canonicalHash(number))) {
            peer.searchLow = number;
          } else {
            peer.searchHigh = number - 1;
          }
        },
        () -> peer.searching = false);
    return false;
  }

  private static boolean linksUpwards(List<BlockData> blocks, long first) {
    Hash256 previous = null;
    long number = first;
    for (BlockData block : blocks) {
      Optional<Header> header = block.header();
      if (header.isEmpty()
          || header.get().number() != number
          || !header.get().hash().equals(block.hash())
          || (previous != null && !header.get().parentHash().equals(previous))) {
        return false;
      }
      previous = block.hash();
      number++;
    }
    return true;
  }

  private static boolean linksDownwards(List<BlockData> blocks, Hash256 top) {
    Hash256 expected = top;
    for (BlockData block : blocks) {
      Optional<Header> header = block.header();
      if (header.isEmpty()
          || !block.hash().equals(expected)
          || !header.get().hash().equals(expected)) {
        return false;
      }
      expected = header.get().parentHash();
    }
    return true;
  }

  private static SignedBlock toSignedBlock(BlockData data) {
    Header header = data.header().orElseThrow(() -> new IllegalArgumentException("no header"));
    List<Bytes> extrinsics =
        data.body().stream().map(e -> ScaleCodec.BYTES.decode(e.toArray())).toList();
    Optional<List<Justification>> justifications =
        data.justifications()
            .map(j -> Justification.LIST_CODEC.decode(j.toArray()))
            .or(
                () ->
                    data.justification().map(j -> List.of(new Justification(EngineId.GRANDPA, j))));
    return new SignedBlock(new Block(header, extrinsics), justifications);
  }

  private void requestFailed(PeerId peerId, Throwable failure) {
    LOG.debug("sync: request to {} failed: {}", peerId, failure.toString());
    reporter.report(peerId, ReputationChange.TIMEOUT);
  }

  private void misbehaved(PeerId peerId, String what) {
    LOG.info("sync: {} sent {}", peerId, what);
    reporter.report(peerId, ReputationChange.BAD_MESSAGE);
    PeerSync peer = peers.get(peerId);
    if (peer != null) {
      peer.common = OptionalLong.empty();
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
