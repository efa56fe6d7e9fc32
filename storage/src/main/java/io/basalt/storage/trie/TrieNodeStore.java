/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.storage.kv.Column;
import io.basalt.storage.kv.KeyValueStore;
import io.basalt.storage.kv.WriteBatch;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Trie nodes in a {@link KeyValueStore}: the {@link Column#TRIE_NODES} column maps each node hash
 * (and each V1 hashed value's hash) to its encoding. The store is an archive: nodes are never
 * deleted or reference-counted, so every committed state stays readable (see ADR 0003).
 *
 * <p>Reads go through a bounded LRU cache that keeps the raw encoding and, once decoded, the
 * decoded node. Writes go through a {@link WriteBatch} so that new nodes are committed atomically
 * with the block that introduces them; the cache only fills on reads, so an uncommitted batch
 * leaves no trace.
 *
 * <pre>{@code
 * TrieNodeStore nodes = new TrieNodeStore(kv);
 * try (WriteBatch batch = kv.newBatch()) {
 *   TrieNodeStore.write(batch, commit);
 *   batch.commit();
 * }
 * Optional<Bytes> value = new MerkleTrie(nodes).get(commit.root(), key);
 * }</pre>
 */
public final class TrieNodeStore implements TrieNodeSource {
  /** Default cache budget: 64 MiB of node encodings. */
  public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

  /** Per-entry bookkeeping estimate added to the encoding length. */
  private static final int ENTRY_OVERHEAD = 96;

  private final KeyValueStore store;
  private final long maxCacheBytes;
  private final LinkedHashMap<Hash256, Cached> cache = new LinkedHashMap<>(1024, 0.75f, true);
  private long cachedBytes;
  private long hits;
  private long misses;
  private volatile TrieNodeFetcher fetcher;

  private static final class Cached {
    final Bytes raw;
    TrieNode decoded;

    Cached(Bytes raw) {
      this.raw = raw;
    }

    long weight() {
      return (long) raw.length() + ENTRY_OVERHEAD;
    }
  }

  public TrieNodeStore(KeyValueStore store) {
    this(store, DEFAULT_CACHE_BYTES);
  }

  /**
   * A node store over {@code store} with a cache of the given size.
   *
   * @param maxCacheBytes cache budget in bytes of node encodings; 0 disables the cache
   */
  public TrieNodeStore(KeyValueStore store, long maxCacheBytes) {
    if (maxCacheBytes < 0) {
      throw new IllegalArgumentException("negative cache size " + maxCacheBytes);
    }
    this.store = Objects.requireNonNull(store, "store");
    this.maxCacheBytes = maxCacheBytes;
  }

  /** Adds every node of a commit to the batch; they become readable when the batch commits. */
  public static void write(WriteBatch batch, TrieCommit commit) {
    for (Map.Entry<Hash256, Bytes> node : commit.nodes().entrySet()) {
      batch.put(Column.TRIE_NODES, Bytes.wrap(node.getKey().unsafeArray()), node.getValue());
    }
  }

  @Override
  public Optional<Bytes> node(Hash256 hash) {
    Cached cached = lookup(hash);
    return cached == null ? Optional.empty() : Optional.of(cached.raw);
  }

  @Override
  public Optional<TrieNode> decodedNode(Hash256 hash) {
    Cached cached = lookup(hash);
    if (cached == null) {
      return Optional.empty();
    }
    synchronized (this) {
      if (cached.decoded != null) {
        return Optional.of(cached.decoded);
      }
    }
    TrieNode decoded = TrieNodeCodec.decode(cached.raw);
    synchronized (this) {
      cached.decoded = decoded;
    }
    return Optional.of(decoded);
  }

  /**
   * Fetches the nodes this store lacks from {@code fetcher} from now on (a forked chain's remote
   * state): what it delivers is written to the store, so each node is fetched once.
   */
  public void fetchMissingFrom(TrieNodeFetcher fetcher) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  @Override
  public Optional<TrieNode> missingNode(Hash256 hash, Nibbles path) {
    TrieNodeFetcher from = fetcher;
    if (from == null || !keep(hash, from.nodesFor(hash, path))) {
      return Optional.empty();
    }
    return decodedNode(hash);
  }

  @Override
  public Optional<Bytes> missingValue(Hash256 hash, Bytes key) {
    TrieNodeFetcher from = fetcher;
    if (from == null || !keep(hash, from.valueFor(hash, key))) {
      return Optional.empty();
    }
    return node(hash);
  }

  /**
   * Writes fetched encodings under the hashes computed here (content addressing: a wrong answer can
   * only be useless), returning whether {@code wanted} was among them.
   */
  private boolean keep(Hash256 wanted, Collection<Bytes> fetched) {
    boolean found = false;
    try (WriteBatch batch = store.newBatch()) {
      for (Bytes encoding : fetched) {
        Hash256 hash = TrieHasher.BLAKE2B_256.hash(encoding.unsafeArray());
        found |= hash.equals(wanted);
        batch.put(Column.TRIE_NODES, Bytes.wrap(hash.unsafeArray()), encoding);
      }
      batch.commit();
    }
    return found;
  }

  /** Whether the store holds the node or value with this hash. */
  public boolean contains(Hash256 hash) {
    synchronized (this) {
      if (cache.containsKey(hash)) {
        return true;
      }
    }
    return store.contains(Column.TRIE_NODES, Bytes.wrap(hash.unsafeArray()));
  }

  /** Cache hits and misses since creation, for metrics. */
  public synchronized String cacheStatistics() {
    return "trie node cache: "
        + cache.size()
        + " entries, "
        + cachedBytes
        + " bytes, "
        + hits
        + " hits, "
        + misses
        + " misses";
  }

  private Cached lookup(Hash256 hash) {
    synchronized (this) {
      Cached cached = cache.get(hash);
      if (cached != null) {
        hits++;
        return cached;
      }
      misses++;
    }
    Optional<Bytes> raw = store.get(Column.TRIE_NODES, Bytes.wrap(hash.unsafeArray()));
    if (raw.isEmpty()) {
      return null;
    }
    Cached fresh = new Cached(raw.get());
    if (fresh.weight() <= maxCacheBytes / 16) {
      synchronized (this) {
        Cached previous = cache.put(hash, fresh);
        if (previous != null) {
          cachedBytes -= previous.weight();
        }
        cachedBytes += fresh.weight();
        Iterator<Cached> eldest = cache.values().iterator();
        while (cachedBytes > maxCacheBytes && eldest.hasNext()) {
          cachedBytes -= eldest.next().weight();
          eldest.remove();
        }
      }
    }
    return fresh;
  }
}
