/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import io.basalt.executor.state.TrieStateBackend;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import io.basalt.storage.StorageException;
import io.basalt.storage.block.BlockRef;
import io.basalt.storage.block.BlockStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain as the node sees it: blocks by hash, the leaves (blocks without children), the best
 * block chosen by the longest-chain rule, and the finalized block, which only moves forward.
 *
 * <p>Every change is one atomic {@link BlockStore.Transaction} (ADR 0005) and is then told to the
 * {@link ChainListener}s, in order. A new block becomes the best block when it is higher than the
 * best one (a tie keeps the first seen, as Substrate's {@code LongestChain}); when it sits on
 * another fork the canonical index is rewritten along the {@link TreeRoute} (a re-organisation).
 * Finalizing a block off the best chain moves the best block to the highest leaf above it, and
 * every leaf whose fork branches off below the finalized block is dropped from the leaves.
 *
 * <pre>{@code
 * Blockchain chain = new Blockchain(db);
 * chain.addListener(event -> ...);
 * chain.commit(newBlock.header(), tx -> tx.putTrieNodes(commit).putBody(hash, body), OWN);
 * chain.finalize(hash, Optional.empty());
 * }</pre>
 *
 * <p>Thread safety: reads may come from any thread; changes are serialised.
 */
public final class Blockchain {
  private static final Logger LOG = LoggerFactory.getLogger("chain");

  private final ChainDatabase db;
  private final BlockStore blocks;
  private final Hash256 genesisHash;
  private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();
  private volatile BlockRef best;
  private volatile BlockRef finalized;
  private volatile List<BlockRef> leaves;
  private final Optional<StateRootSubstitute> substitute;

  /**
   * The chain in a database with its genesis in place.
   *
   * @throws StorageException if the database records no genesis, best or finalized block
   */
  public Blockchain(ChainDatabase db) {
    this.db = db;
    this.blocks = db.blocks();
    this.genesisHash =
        blocks.genesisHash().orElseThrow(() -> damaged("no genesis block is recorded"));
    this.best = blocks.best().orElseThrow(() -> damaged("no best block is recorded"));
    this.finalized =
        blocks.finalized().orElseThrow(() -> damaged("no finalized block is recorded"));
    this.leaves = List.copyOf(blocks.leaves());
    this.substitute = blocks.aux(STATE_ROOT_SUBSTITUTE).map(StateRootSubstitute::decode);
  }

  /** Adds a listener for the events after this call. */
  public void addListener(ChainListener listener) {
    listeners.add(listener);
  }

  public void removeListener(ChainListener listener) {
    listeners.remove(listener);
  }

  public ChainDatabase database() {
    return db;
  }

  public Hash256 genesisHash() {
    return genesisHash;
  }

  /** The best block: the head of the longest chain. */
  public BlockRef best() {
    return best;
  }

  /** The last finalized block. */
  public BlockRef finalized() {
    return finalized;
  }

  /** The blocks without children, highest first. */
  public List<BlockRef> leaves() {
    return leaves;
  }

  public Optional<Header> header(Hash256 hash) {
    return blocks.header(hash);
  }

  /** The header of a block that must be there (a stored reference points at it). */
  public Header requireHeader(Hash256 hash) {
    return blocks
        .header(hash)
        .orElseThrow(() -> damaged("block " + hash + " is referenced but has no header"));
  }

  /** The extrinsics of a block. */
  public Optional<List<Bytes>> body(Hash256 hash) {
    return blocks.body(hash);
  }

  public Optional<List<Justification>> justifications(Hash256 hash) {
    return blocks.justifications(hash);
  }

  public boolean contains(Hash256 hash) {
    return blocks.hasHeader(hash);
  }

  /** The block of the best chain at a height. */
  public Optional<Hash256> canonicalHash(long number) {
    return blocks.canonicalHash(number);
  }

  /** The state after a block, read through the trie. */
  public TrieStateBackend stateAt(Header header) {
    return new TrieStateBackend(db.trieNodes(), stateRootOf(header));
  }

  /**
   * The root of the state after a block: its header's, except for a forked chain's first block when
   * its source did not compute state roots (Chopsticks); the fork records the root of the state it
   * fetched for that block under {@link #STATE_ROOT_SUBSTITUTE}.
   */
  public Hash256 stateRootOf(Header header) {
    return substitute
        .filter(s -> header.stateRoot().equals(s.claimed()) && header.hash().equals(s.block()))
        .map(StateRootSubstitute::actual)
        .orElse(header.stateRoot());
  }

  /**
   * The aux record of a block whose state has another root than its header says: block hash,
   * claimed root, actual root (32 bytes each).
   */
  public static final Bytes STATE_ROOT_SUBSTITUTE =
      Bytes.wrap(
          "basalt:state-root-substitute".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  /** A block whose state root is not its header's, see {@link #stateRootOf}. */
  public record StateRootSubstitute(Hash256 block, Hash256 claimed, Hash256 actual) {
    public Bytes encode() {
      return Bytes.wrap(block.unsafeArray())
          .concat(Bytes.wrap(claimed.unsafeArray()))
          .concat(Bytes.wrap(actual.unsafeArray()));
    }

    static StateRootSubstitute decode(Bytes encoded) {
      return new StateRootSubstitute(
          Hash256.wrap(encoded.slice(0, 32).toArray()),
          Hash256.wrap(encoded.slice(32, 64).toArray()),
          Hash256.wrap(encoded.slice(64, 96).toArray()));
    }
  }

  /** Whether {@code descendant} is {@code ancestor} or a block built on it. */
  public boolean isDescendantOf(Hash256 descendant, BlockRef ancestor) {
    Header h = requireHeader(descendant);
    while (h.number() > ancestor.number()) {
      h = requireHeader(h.parentHash());
    }
    return h.hash().equals(ancestor.hash());
  }

  /**
   * The route from one block to another through their highest common ancestor.
   *
   * @throws IllegalArgumentException if either block is unknown
   */
  public TreeRoute treeRoute(Hash256 from, Hash256 to) {
    Header a = known(from);
    Header b = known(to);
    List<BlockRef> retracted = new ArrayList<>();
    Deque<BlockRef> enacted = new ArrayDeque<>();
    while (a.number() > b.number()) {
      retracted.add(ref(a));
      a = requireHeader(a.parentHash());
    }
    while (b.number() > a.number()) {
      enacted.addFirst(ref(b));
      b = requireHeader(b.parentHash());
    }
    while (!a.hash().equals(b.hash())) {
      retracted.add(ref(a));
      enacted.addFirst(ref(b));
      a = requireHeader(a.parentHash());
      b = requireHeader(b.parentHash());
    }
    return new TreeRoute(retracted, ref(a), List.copyOf(enacted));
  }

  /**
   * Commits a new block whose parent is known: its header and whatever {@code writes} adds (trie
   * nodes, body, justifications, offchain writes) in one transaction with the new leaves and, if it
   * is higher than the best block, the new best block and canonical index. Then tells the
   * listeners.
   *
   * @return the event told to the listeners
   * @throws IllegalStateException if the block is known already or its parent is not
   */
  public ChainEvent.BlockImported commit(
      Header header, Consumer<BlockStore.Transaction> writes, BlockOrigin origin) {
    ChainEvent.BlockImported event;
    synchronized (this) {
      Hash256 hash = header.hash();
      if (blocks.hasHeader(hash)) {
        throw new IllegalStateException("block #" + header.number() + " (" + hash + ") is known");
      }
      if (!blocks.hasHeader(header.parentHash())) {
        throw new IllegalStateException(
            "the parent " + header.parentHash() + " of block #" + header.number() + " is unknown");
      }
      BlockRef block = ref(header);
      List<BlockRef> newLeaves = new ArrayList<>(leaves.size() + 1);
      for (BlockRef leaf : leaves) {
        if (!leaf.hash().equals(header.parentHash())) {
          newLeaves.add(leaf);
        }
      }
      newLeaves.add(block);
      newLeaves.sort(HIGHEST_FIRST);
      Optional<TreeRoute> bestRoute = Optional.empty();
      if (block.number() > best.number()) {
        TreeRoute toParent = treeRoute(best.hash(), header.parentHash());
        List<BlockRef> enacted = new ArrayList<>(toParent.enacted());
        enacted.add(block);
        bestRoute = Optional.of(new TreeRoute(toParent.retracted(), toParent.common(), enacted));
      }
      try (BlockStore.Transaction tx = blocks.transaction()) {
        tx.putHeader(header);
        writes.accept(tx);
        tx.setLeaves(newLeaves);
        if (bestRoute.isPresent()) {
          moveBest(tx, bestRoute.get(), block);
        }
        tx.commit();
      }
      leaves = List.copyOf(newLeaves);
      if (bestRoute.isPresent()) {
        if (!bestRoute.get().isLinear()) {
          LOG.info(
              "♻️  Reorg on #{},{} to #{},{}, common ancestor #{},{}",
              best.number(),
              best.hash(),
              block.number(),
              block.hash(),
              bestRoute.get().common().number(),
              bestRoute.get().common().hash());
        }
        best = block;
      }
      event = new ChainEvent.BlockImported(header, origin, bestRoute);
    }
    tell(event);
    return event;
  }

  /**
   * Finalizes a block and its ancestors. The finalized block only moves forward: finalizing it
   * again does nothing; a block below it or on another fork is refused.
   *
   * @param justification stored with the block, if given
   * @return the event told to the listeners, or empty if the block was final already
   * @throws IllegalArgumentException if the block is unknown, lower than the finalized block, or
   *     not built on it
   */
  public Optional<ChainEvent.Finalized> finalize(
      Hash256 hash, Optional<Justification> justification) {
    ChainEvent.Finalized event;
    synchronized (this) {
      BlockRef target = ref(known(hash));
      BlockRef current = finalized;
      if (target.equals(current)) {
        return Optional.empty();
      }
      if (target.number() <= current.number() || !isDescendantOf(hash, current)) {
        throw new IllegalArgumentException(
            "cannot finalize #"
                + target.number()
                + " ("
                + hash
                + "): it is not a descendant of the finalized block #"
                + current.number()
                + " ("
                + current.hash()
                + ")");
      }
      List<BlockRef> newlyFinalized = treeRoute(current.hash(), hash).enacted();
      List<BlockRef> kept = new ArrayList<>();
      List<BlockRef> displaced = new ArrayList<>();
      for (BlockRef leaf : leaves) {
        (leaf.number() >= target.number() && isDescendantOf(leaf.hash(), target) ? kept : displaced)
            .add(leaf);
      }
      Optional<TreeRoute> bestRoute = Optional.empty();
      BlockRef newBest = best;
      if (!isDescendantOf(best.hash(), target)) {
        newBest = kept.get(0); // highest first; the target itself is a leaf if it has no child
        bestRoute = Optional.of(treeRoute(best.hash(), newBest.hash()));
      }
      try (BlockStore.Transaction tx = blocks.transaction()) {
        justification.ifPresent(j -> tx.putJustifications(hash, List.of(j)));
        tx.setLeaves(kept).setFinalized(target);
        if (bestRoute.isPresent()) {
          moveBest(tx, bestRoute.get(), newBest);
        }
        tx.commit();
      }
      leaves = List.copyOf(kept);
      finalized = target;
      best = newBest;
      event = new ChainEvent.Finalized(target, newlyFinalized, displaced, bestRoute);
    }
    tell(event);
    return Optional.of(event);
  }

  /**
   * Makes a known block the best block on request, as Chopsticks' {@code dev_setHead} does on a
   * development chain: the next block built on the best block is built on it. The canonical index
   * follows the route there; the block becomes a leaf if no leaf is built on it; and if it is not
   * built on the finalized block, finality moves back to their common ancestor, which a chain with
   * real finality never does (so only development chains call this). One atomic commit, then the
   * listeners hear a {@link ChainEvent.BestBlockSet}.
   *
   * @return the event told to the listeners, or empty if the block was the best block already
   * @throws IllegalArgumentException if the block is unknown
   */
  public Optional<ChainEvent.BestBlockSet> setBest(Hash256 hash) {
    ChainEvent.BestBlockSet event;
    synchronized (this) {
      BlockRef target = ref(known(hash));
      if (target.equals(best)) {
        return Optional.empty();
      }
      TreeRoute route = treeRoute(best.hash(), hash);
      Optional<BlockRef> revertedTo =
          isDescendantOf(hash, finalized)
              ? Optional.empty()
              : Optional.of(treeRoute(finalized.hash(), hash).common());
      List<BlockRef> newLeaves = new ArrayList<>(leaves);
      if (!newLeaves.contains(target)
          && newLeaves.stream()
              .noneMatch(
                  leaf -> leaf.number() > target.number() && isDescendantOf(leaf.hash(), target))) {
        newLeaves.add(target);
        newLeaves.sort(HIGHEST_FIRST);
      }
      try (BlockStore.Transaction tx = blocks.transaction()) {
        tx.setLeaves(newLeaves);
        revertedTo.ifPresent(tx::setFinalized);
        moveBest(tx, route, target);
        tx.commit();
      }
      LOG.info(
          "Best block set to #{},{} (was #{},{}){}",
          target.number(),
          target.hash(),
          best.number(),
          best.hash(),
          revertedTo.map(f -> "; finality reverted to #" + f.number()).orElse(""));
      leaves = List.copyOf(newLeaves);
      revertedTo.ifPresent(f -> finalized = f);
      best = target;
      event = new ChainEvent.BestBlockSet(target, route, revertedTo);
    }
    tell(event);
    return Optional.of(event);
  }

  /** Rewrites the canonical index along a route to a new best block. */
  private static void moveBest(BlockStore.Transaction tx, TreeRoute route, BlockRef newBest) {
    for (BlockRef gone : route.retracted()) {
      if (gone.number() > newBest.number()) {
        tx.removeCanonical(gone.number());
      }
    }
    for (BlockRef entered : route.enacted()) {
      tx.setCanonical(entered.number(), entered.hash());
    }
    tx.setBest(newBest);
  }

  private void tell(ChainEvent event) {
    for (ChainListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.error("a chain listener failed on {}: {}", event.getClass().getSimpleName(), e, e);
      }
    }
  }

  private Header known(Hash256 hash) {
    return blocks
        .header(hash)
        .orElseThrow(() -> new IllegalArgumentException("unknown block " + hash));
  }

  private static BlockRef ref(Header header) {
    return new BlockRef(header.hash(), header.number());
  }

  private static StorageException damaged(String what) {
    return new StorageException("the chain database is damaged: " + what, null, true);
  }

  private static final Comparator<BlockRef> HIGHEST_FIRST =
      Comparator.comparingLong(BlockRef::number).reversed();
}
