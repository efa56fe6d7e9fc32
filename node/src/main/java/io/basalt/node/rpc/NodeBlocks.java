/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.executor.api.UnsupportedRuntimeApiException;
import io.basalt.executor.host.HostFunctionException;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainEvent;
import io.basalt.node.chain.ChainListener;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.chain.TreeRoute;
import io.basalt.node.txpool.PoolTransaction;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.cache.LruMap;
import io.basalt.primitives.types.ApiVersion;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.rpc.api.ArchiveApi;
import io.basalt.rpc.api.BlockLink;
import io.basalt.rpc.api.BlockQueryException;
import io.basalt.rpc.api.ChainHeadApi;
import io.basalt.rpc.api.HeadEvent;
import io.basalt.rpc.api.HeadSnapshot;
import io.basalt.rpc.api.RuntimeDescription;
import io.basalt.rpc.api.StorageEntry;
import io.basalt.storage.StorageException;
import io.basalt.storage.block.BlockRef;
import io.basalt.storage.trie.MerkleTrie;
import io.basalt.storage.trie.TrieEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The blocks of the node's chain for {@code chainHead_v1_*} and {@code archive_v1_*}: headers and
 * bodies from the block store, runtime calls at a block's state (Other context, changes discarded),
 * storage read from the state trie, and the chain's events as {@link HeadEvent}s. Blocks are never
 * pruned, so a pinned block is simply a known one.
 */
public final class NodeBlocks implements ChainHeadApi, ArchiveApi {
  private static final int RUNTIME_CACHE = 256;

  private final Blockchain chain;
  private final RuntimeCalls calls;
  private final MerkleTrie trie;
  private final Map<Hash256, RuntimeDescription> runtimes = new LruMap<>(RUNTIME_CACHE);

  public NodeBlocks(Blockchain chain, RuntimeCalls calls) {
    this.chain = chain;
    this.calls = calls;
    this.trie = new MerkleTrie(chain.database().trieNodes());
  }

  // ------------------------------------------------------------------ chain head

  @Override
  public HeadSnapshot head() {
    BlockRef finalized = chain.finalized();
    BlockRef best = chain.best();
    Set<BlockLink> descendants = new LinkedHashSet<>();
    for (BlockRef leaf : chain.leaves()) {
      TreeRoute route = chain.treeRoute(finalized.hash(), leaf.hash());
      if (route.isLinear()) {
        Hash256 parent = finalized.hash();
        for (BlockRef block : route.enacted()) {
          descendants.add(new BlockLink(block.hash(), parent, block.number()));
          parent = block.hash();
        }
      }
    }
    return new HeadSnapshot(link(finalized), best.hash(), List.copyOf(descendants));
  }

  @Override
  public AutoCloseable follow(Consumer<HeadEvent> listener) {
    ChainListener forward =
        event ->
            listener.accept(
                switch (event) {
                  case ChainEvent.BlockImported imported ->
                      new HeadEvent.NewBlock(
                          new BlockLink(
                              imported.header().hash(),
                              imported.header().parentHash(),
                              imported.header().number()),
                          imported.isNewBest());
                  case ChainEvent.Finalized finalized -> finalizedEvent(finalized);
                  case ChainEvent.BestBlockSet set ->
                      new HeadEvent.BestSet(
                          set.best().hash(), set.finalityRevertedTo().isPresent());
                });
    chain.addListener(forward);
    return () -> chain.removeListener(forward);
  }

  /** The finalized blocks with their parents, and every block of the forks finality dropped. */
  private HeadEvent.Finalized finalizedEvent(ChainEvent.Finalized event) {
    List<BlockLink> finalized = event.newlyFinalized().stream().map(this::link).toList();
    List<Hash256> pruned = new ArrayList<>();
    for (BlockRef leaf : event.displacedLeaves()) {
      for (BlockRef block : chain.treeRoute(event.finalized().hash(), leaf.hash()).enacted()) {
        if (!pruned.contains(block.hash())) {
          pruned.add(block.hash());
        }
      }
    }
    return new HeadEvent.Finalized(finalized, pruned, chain.best().hash());
  }

  private BlockLink link(BlockRef block) {
    return new BlockLink(
        block.hash(), chain.requireHeader(block.hash()).parentHash(), block.number());
  }

  // ------------------------------------------------------------------ archive

  @Override
  public Hash256 genesisHash() {
    return chain.genesisHash();
  }

  @Override
  public long finalizedHeight() {
    return chain.finalized().number();
  }

  @Override
  public List<Hash256> hashesAt(long height) {
    BlockRef finalized = chain.finalized();
    if (height <= finalized.number()) {
      return chain.canonicalHash(height).map(List::of).orElse(List.of());
    }
    Set<Hash256> found = new LinkedHashSet<>();
    Set<Hash256> visited = new HashSet<>();
    for (BlockRef leaf : chain.leaves()) {
      if (leaf.number() < height) {
        continue;
      }
      Header header = chain.requireHeader(leaf.hash());
      while (header.number() > height && visited.add(header.parentHash())) {
        header = chain.requireHeader(header.parentHash());
      }
      if (header.number() == height) {
        found.add(header.hash());
      }
    }
    return List.copyOf(found);
  }

  // ------------------------------------------------------------------ block data

  @Override
  public Optional<Bytes> header(Hash256 block) {
    return chain.header(block).map(h -> Bytes.wrap(Header.CODEC.encode(h)));
  }

  @Override
  public Optional<List<Bytes>> body(Hash256 block) {
    return chain
        .body(block)
        .map(extrinsics -> extrinsics.stream().map(PoolTransaction::withLengthPrefix).toList());
  }

  @Override
  public RuntimeDescription runtime(Hash256 block) {
    synchronized (runtimes) {
      RuntimeDescription known = runtimes.get(block);
      if (known != null) {
        return known;
      }
    }
    Header header = known(block);
    RuntimeDescription runtime;
    try {
      runtime = describe(calls.codeAt(header).version());
    } catch (InvalidRuntimeCodeException | RuntimeTrapException | HostFunctionException e) {
      runtime = new RuntimeDescription.Invalid(e.getMessage());
    }
    synchronized (runtimes) {
      runtimes.put(block, runtime);
    }
    return runtime;
  }

  private static RuntimeDescription describe(RuntimeVersion version) {
    Map<String, Long> apis = new LinkedHashMap<>();
    for (ApiVersion api : version.apis()) {
      apis.put(api.id().toHex(), api.version());
    }
    return new RuntimeDescription.Valid(
        version.specName(),
        version.implName(),
        version.specVersion(),
        version.implVersion(),
        version.transactionVersion(),
        apis);
  }

  @Override
  public Bytes call(Hash256 block, String function, Bytes parameters) {
    Header header = known(block);
    try {
      return calls.call(header, function, parameters);
    } catch (InvalidRuntimeCodeException
        | RuntimeTrapException
        | HostFunctionException
        | UnsupportedRuntimeApiException e) {
      throw new BlockQueryException(e.getMessage());
    }
  }

  @Override
  public Optional<Bytes> storage(Hash256 block, Optional<Bytes> childTrie, Bytes key) {
    return read(() -> root(block, childTrie).flatMap(root -> trie.get(root, key)));
  }

  @Override
  public List<StorageEntry> storageEntries(
      Hash256 block, Optional<Bytes> childTrie, Bytes prefix, Optional<Bytes> after, int limit) {
    return read(
        () -> {
          Optional<Hash256> root = root(block, childTrie);
          if (root.isEmpty()) {
            return List.of();
          }
          // Every key greater than `after` is at least `after ‖ 0x00`.
          Bytes start = after.map(a -> a.concat(Bytes.of((byte) 0))).orElse(prefix);
          try (Stream<TrieEntry> entries = trie.entries(root.get(), prefix, start)) {
            return entries.limit(limit).map(e -> new StorageEntry(e.key(), e.value())).toList();
          }
        });
  }

  @Override
  public Optional<Bytes> closestDescendantMerkleValue(
      Hash256 block, Optional<Bytes> childTrie, Bytes key) {
    return read(
        () -> root(block, childTrie).flatMap(r -> trie.closestDescendantMerkleValue(r, key)));
  }

  /** The root of the main trie or of a child trie at a block; empty for a missing child trie. */
  private Optional<Hash256> root(Hash256 block, Optional<Bytes> childTrie) {
    Hash256 stateRoot = chain.stateRootOf(known(block));
    if (childTrie.isEmpty()) {
      return Optional.of(stateRoot);
    }
    return trie.get(stateRoot, WellKnownKeys.defaultChildRootKey(childTrie.get()))
        .filter(r -> r.length() == Hash256.LENGTH)
        .map(r -> Hash256.of(r.toArray()));
  }

  private Header known(Hash256 block) {
    return chain
        .header(block)
        .orElseThrow(() -> new BlockQueryException("UnknownBlock: header not found: " + block));
  }

  private static <T> T read(Supplier<T> read) {
    try {
      return read.get();
    } catch (StorageException e) {
      throw new BlockQueryException("cannot read the state: " + e.getMessage());
    }
  }
}
