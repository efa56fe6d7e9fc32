/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.golden;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.rpc.api.ArchiveApi;
import io.basalt.rpc.api.BlockLink;
import io.basalt.rpc.api.BlockQueryException;
import io.basalt.rpc.api.ChainHeadApi;
import io.basalt.rpc.api.HeadEvent;
import io.basalt.rpc.api.HeadSnapshot;
import io.basalt.rpc.api.RuntimeDescription;
import io.basalt.rpc.api.StorageEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A block tree driven by the test: blocks named by strings (their hash is blake2-256 of the name),
 * each with a copy of its parent's storage, a body and a runtime; {@link #add} and {@link
 * #finalize} tell the followers as the node would. The genesis block {@code "genesis"} holds {@code
 * 0x01 → 0xaa} and {@code 0x0201…0x0207 → 0x01…0x07}; its runtime is spec 100. The runtime call
 * {@code Core_version} answers {@code 0x64000000}; every other function fails.
 */
public final class FakeBlocks implements ChainHeadApi, ArchiveApi {
  /** The runtime of blocks created without another one. */
  public static final RuntimeDescription SPEC_100 = runtime(100);

  private record Block(
      BlockLink link,
      List<Bytes> body,
      NavigableMap<Bytes, Bytes> storage,
      RuntimeDescription runtime) {}

  private final Map<Hash256, Block> blocks = new LinkedHashMap<>();
  private final List<Consumer<HeadEvent>> followers = new CopyOnWriteArrayList<>();
  private BlockLink finalized;
  private Hash256 best;

  public FakeBlocks() {
    NavigableMap<Bytes, Bytes> storage = new TreeMap<>();
    storage.put(Bytes.fromHex("0x01"), Bytes.fromHex("0xaa"));
    for (int i = 1; i <= 7; i++) {
      storage.put(Bytes.of((byte) 2, (byte) i), Bytes.of((byte) i));
    }
    Hash256 genesis = hash("genesis");
    BlockLink link = new BlockLink(genesis, Hash256.of(new byte[32]), 0);
    blocks.put(genesis, new Block(link, List.of(), storage, SPEC_100));
    finalized = link;
    best = genesis;
  }

  /**
   * The chain of the golden files: genesis, {@code A1} (finalized), {@code A2} (best) and {@code
   * B2} on a fork from {@code A1}; {@code A1} sets {@code 0x0203 → 0x33} and removes {@code
   * 0x0204}.
   */
  public static FakeBlocks golden() {
    FakeBlocks chain = new FakeBlocks();
    chain.add("A1", "genesis", true);
    chain.put("A1", Bytes.fromHex("0x0203"), Bytes.fromHex("0x33"));
    chain.delete("A1", Bytes.fromHex("0x0204"));
    chain.add("A2", "A1", true);
    chain.add("B2", "A1", false);
    chain.finalize(List.of("A1"), List.of(), "A2");
    return chain;
  }

  /** The hash of a named block. */
  public static Hash256 hash(String name) {
    return Hashing.blake2b256Hash(name.getBytes(StandardCharsets.UTF_8));
  }

  /** A valid runtime description of {@code basalt-demo} at a spec version. */
  public static RuntimeDescription runtime(long specVersion) {
    return new RuntimeDescription.Valid(
        "basalt-demo", "basalt-demo", specVersion, 0, 1, Map.of("0xdf6acb689907609b", 4L));
  }

  /** The link of a named block. */
  public BlockLink link(String name) {
    return blocks.get(hash(name)).link();
  }

  /** Imports a block with one extrinsic ({@code 0x04} ‖ its name) and its parent's storage. */
  public BlockLink add(String name, String parent, boolean becomesBest) {
    return add(name, parent, becomesBest, blocks.get(hash(parent)).runtime());
  }

  /** Imports a block with its own runtime. */
  public synchronized BlockLink add(
      String name, String parent, boolean becomesBest, RuntimeDescription runtime) {
    Block up = blocks.get(hash(parent));
    BlockLink link = new BlockLink(hash(name), up.link().hash(), up.link().number() + 1);
    Bytes extrinsic = Bytes.of((byte) 4).concat(Bytes.wrap(name.getBytes(StandardCharsets.UTF_8)));
    blocks.put(
        link.hash(), new Block(link, List.of(extrinsic), new TreeMap<>(up.storage()), runtime));
    if (becomesBest) {
      best = link.hash();
    }
    HeadEvent event = new HeadEvent.NewBlock(link, becomesBest);
    followers.forEach(f -> f.accept(event));
    return link;
  }

  /** Sets a storage value in a block. */
  public void put(String block, Bytes key, Bytes value) {
    blocks.get(hash(block)).storage().put(key, value);
  }

  /** Removes a storage value from a block. */
  public void delete(String block, Bytes key) {
    blocks.get(hash(block)).storage().remove(key);
  }

  /**
   * Finalizes blocks: {@code names} lowest first, {@code pruned} the blocks of dropped forks,
   * {@code newBest} the best block afterwards.
   */
  public synchronized void finalize(List<String> names, List<String> pruned, String newBest) {
    List<BlockLink> links = names.stream().map(this::link).toList();
    finalized = links.getLast();
    best = hash(newBest);
    HeadEvent event =
        new HeadEvent.Finalized(links, pruned.stream().map(FakeBlocks::hash).toList(), best);
    followers.forEach(f -> f.accept(event));
  }

  @Override
  public synchronized HeadSnapshot head() {
    List<BlockLink> above = new ArrayList<>();
    for (Block block : blocks.values()) {
      if (block.link().number() > finalized.number() && descends(block.link(), finalized)) {
        above.add(block.link());
      }
    }
    return new HeadSnapshot(finalized, best, above);
  }

  private boolean descends(BlockLink block, BlockLink ancestor) {
    BlockLink at = block;
    while (at.number() > ancestor.number()) {
      at = blocks.get(at.parent()).link();
    }
    return at.hash().equals(ancestor.hash());
  }

  @Override
  public AutoCloseable follow(Consumer<HeadEvent> listener) {
    followers.add(listener);
    return () -> followers.remove(listener);
  }

  /** How many followers listen. */
  public int followers() {
    return followers.size();
  }

  @Override
  public Optional<Bytes> header(Hash256 block) {
    Block b = blocks.get(block);
    if (b == null) {
      return Optional.empty();
    }
    byte[] header = new byte[33];
    System.arraycopy(b.link().parent().unsafeArray(), 0, header, 0, 32);
    header[32] = (byte) (b.link().number() << 2);
    return Optional.of(Bytes.wrap(header));
  }

  @Override
  public Optional<List<Bytes>> body(Hash256 block) {
    return Optional.ofNullable(blocks.get(block))
        .map(b -> b.body().stream().map(FakeBlocks::withLength).toList());
  }

  private static Bytes withLength(Bytes payload) {
    return Bytes.of((byte) (payload.length() << 2)).concat(payload);
  }

  @Override
  public RuntimeDescription runtime(Hash256 block) {
    return known(block).runtime();
  }

  @Override
  public Bytes call(Hash256 block, String function, Bytes parameters) {
    known(block);
    if (function.equals("Core_version")) {
      return Bytes.fromHex("0x64000000");
    }
    throw new BlockQueryException("Exported method " + function + " is not found");
  }

  @Override
  public Optional<Bytes> storage(Hash256 block, Optional<Bytes> childTrie, Bytes key) {
    return Optional.ofNullable(tree(block, childTrie).get(key));
  }

  @Override
  public List<StorageEntry> storageEntries(
      Hash256 block, Optional<Bytes> childTrie, Bytes prefix, Optional<Bytes> after, int limit) {
    List<StorageEntry> entries = new ArrayList<>();
    NavigableMap<Bytes, Bytes> tree = tree(block, childTrie);
    NavigableMap<Bytes, Bytes> tail =
        after.isPresent() ? tree.tailMap(after.get(), false) : tree.tailMap(prefix, true);
    for (Map.Entry<Bytes, Bytes> e : tail.entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        if (e.getKey().compareTo(prefix) > 0) {
          break;
        }
        continue;
      }
      if (entries.size() == limit) {
        break;
      }
      entries.add(new StorageEntry(e.getKey(), e.getValue()));
    }
    return entries;
  }

  /** A stand-in Merkle value: blake2-256 of the first key under {@code key}. */
  @Override
  public Optional<Bytes> closestDescendantMerkleValue(
      Hash256 block, Optional<Bytes> childTrie, Bytes key) {
    Bytes first = tree(block, childTrie).ceilingKey(key);
    if (first == null || !first.startsWith(key)) {
      return Optional.empty();
    }
    return Optional.of(Bytes.wrap(Hashing.blake2b256(first.unsafeArray())));
  }

  private NavigableMap<Bytes, Bytes> tree(Hash256 block, Optional<Bytes> childTrie) {
    return childTrie.isPresent() ? new TreeMap<>() : known(block).storage();
  }

  private Block known(Hash256 block) {
    Block b = blocks.get(block);
    if (b == null) {
      throw new BlockQueryException("Unknown block " + block);
    }
    return b;
  }

  @Override
  public Hash256 genesisHash() {
    return hash("genesis");
  }

  @Override
  public synchronized long finalizedHeight() {
    return finalized.number();
  }

  @Override
  public synchronized List<Hash256> hashesAt(long height) {
    List<Hash256> hashes = new ArrayList<>();
    for (Block block : blocks.values()) {
      if (block.link().number() == height
          && (height > finalized.number() || descends(finalized, block.link()))) {
        hashes.add(block.link().hash());
      }
    }
    return hashes;
  }
}
