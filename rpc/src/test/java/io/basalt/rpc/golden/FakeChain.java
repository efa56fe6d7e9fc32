/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.golden;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.ApiVersion;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.rpc.api.BlockState;
import io.basalt.rpc.api.Cancellable;
import io.basalt.rpc.api.ChainApi;
import io.basalt.rpc.api.HeadKind;
import io.basalt.rpc.api.RuntimeCallException;
import io.basalt.rpc.api.StateApi;
import io.basalt.rpc.api.StorageEntry;
import io.basalt.rpc.api.StorageView;
import io.basalt.rpc.api.UnknownBlockException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A small chain for the golden files: blocks #0 (genesis), #1 (finalized, with a justification), #2
 * (best, with one extrinsic) and a fork block #2' on #1. Followers hear the current head, then the
 * scripted next events: block #3 becomes the best block, then #2 and #3 are finalized; #3 upgrades
 * the runtime to spec 101 and changes key {@code 0x0a01}.
 *
 * <p>Top-trie keys: {@code 0x0a01} = 01 (#0), 02 (#1, #2, #2'), 03 (#3); {@code 0x0a02} = bb in #1
 * only; {@code 0x0b} = cccc everywhere; {@code :child_storage:default:kids} = a child trie {@code
 * {01: 11, 02: 2222}} from #1 on. Read proofs are fake: one "node" {@code 0xfe ‖ key} per key.
 * Runtime calls: {@code Metadata_metadata}, {@code Core_version}, {@code
 * TransactionPaymentApi_query_info} / {@code query_fee_details} (the demo runtime's answers for a
 * 145-byte transfer; an extrinsic {@code 0x00} is an inherent: no fee), {@code Fail_trap} traps,
 * anything else is a missing export.
 */
public final class FakeChain implements ChainApi, StateApi {
  static final Bytes KEY_A = Bytes.fromHex("0x0a01");
  static final Bytes KEY_B = Bytes.fromHex("0x0a02");
  static final Bytes KEY_C = Bytes.fromHex("0x0b");
  static final Bytes CHILD = Bytes.fromHex("0x6b696473"); // "kids"

  private static final Bytes CHILD_ROOT_KEY =
      Bytes.wrap(":child_storage:default:kids".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  private record Stored(
      Header header,
      List<Bytes> body,
      Optional<List<Justification>> justifications,
      NavigableMap<Bytes, Bytes> top,
      NavigableMap<Bytes, Bytes> child,
      RuntimeVersion version) {}

  private final Map<Hash256, Stored> blocks = new LinkedHashMap<>();
  private final Map<Long, Hash256> canonical = new HashMap<>();
  private final Hash256 best;
  private final Hash256 finalized;
  private final Header next;

  public FakeChain() {
    RuntimeVersion v100 = version(100);
    Header genesis = header(Hash256.ZERO, 0, "0x01");
    Header one = header(genesis.hash(), 1, "0x02");
    Header two = header(one.hash(), 2, "0x03");
    Header fork = header(one.hash(), 2, "0x04");
    next = header(two.hash(), 3, "0x05");
    add(genesis, List.of(), Optional.empty(), state("01", false), Map.of(), v100, true);
    add(
        one,
        List.of(),
        Optional.of(List.of(new Justification(EngineId.GRANDPA, Bytes.fromHex("0x0102")))),
        state("02", true),
        kids(),
        v100,
        true);
    add(
        two,
        List.of(Bytes.fromHex("0x0400")),
        Optional.empty(),
        state("02", false),
        kids(),
        v100,
        true);
    add(fork, List.of(), Optional.empty(), state("02", false), kids(), v100, false);
    add(next, List.of(), Optional.empty(), state("03", false), kids(), version(101), false);
    best = two.hash();
    finalized = one.hash();
  }

  /** The hash of block {@code number} on the best chain (#3 is the scripted next block). */
  public Hash256 hashOf(long number) {
    return number == 3 ? next.hash() : canonical.get(number);
  }

  private static Header header(Hash256 parent, long number, String stateRootByte) {
    byte[] root = new byte[32];
    root[31] = Bytes.fromHex(stateRootByte).get(0);
    return new Header(
        parent,
        number,
        Hash256.of(root),
        Hash256.fromHex("03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314"),
        number == 0 ? List.of() : List.of(new DigestItem.Other(Bytes.of((byte) number))));
  }

  private static NavigableMap<Bytes, Bytes> state(String a, boolean withB) {
    NavigableMap<Bytes, Bytes> top = new TreeMap<>();
    top.put(KEY_A, Bytes.fromHex(a));
    if (withB) {
      top.put(KEY_B, Bytes.fromHex("0xbb"));
    }
    top.put(KEY_C, Bytes.fromHex("0xcccc"));
    return top;
  }

  private static Map<Bytes, Bytes> kids() {
    return Map.of(
        Bytes.fromHex("0x01"),
        Bytes.fromHex("0x11"),
        Bytes.fromHex("0x02"),
        Bytes.fromHex("0x2222"));
  }

  private void add(
      Header header,
      List<Bytes> body,
      Optional<List<Justification>> justifications,
      NavigableMap<Bytes, Bytes> top,
      Map<Bytes, Bytes> child,
      RuntimeVersion version,
      boolean isCanonical) {
    NavigableMap<Bytes, Bytes> withRoot = new TreeMap<>(top);
    if (!child.isEmpty()) {
      withRoot.put(CHILD_ROOT_KEY, Bytes.wrap(new byte[32]));
    }
    blocks.put(
        header.hash(),
        new Stored(header, body, justifications, withRoot, new TreeMap<>(child), version));
    if (isCanonical) {
      canonical.put(header.number(), header.hash());
    }
  }

  private static RuntimeVersion version(long specVersion) {
    return new RuntimeVersion(
        "basalt-demo",
        "basalt-demo",
        1,
        specVersion,
        1,
        List.of(
            new ApiVersion(ApiVersion.CORE, 4),
            new ApiVersion(ApiVersion.idOf("Metadata"), 2),
            new ApiVersion(ApiVersion.idOf("TransactionPaymentApi"), 4)),
        1,
        0);
  }

  // ------------------------------------------------------------------ ChainApi

  @Override
  public Hash256 bestHash() {
    return best;
  }

  @Override
  public Hash256 finalizedHash() {
    return finalized;
  }

  @Override
  public Optional<Header> header(Hash256 hash) {
    return Optional.ofNullable(blocks.get(hash)).map(Stored::header);
  }

  @Override
  public Optional<SignedBlock> block(Hash256 hash) {
    return Optional.ofNullable(blocks.get(hash))
        .map(s -> new SignedBlock(new Block(s.header(), s.body()), s.justifications()));
  }

  @Override
  public Optional<Hash256> canonicalHash(long number) {
    return Optional.ofNullable(canonical.get(number));
  }

  @Override
  public Cancellable follow(HeadKind kind, Consumer<Header> listener) {
    List<Hash256> heads =
        switch (kind) {
          case ALL, BEST -> List.of(best, next.hash());
          case FINALIZED -> List.of(finalized, best, next.hash());
        };
    heads.forEach(h -> listener.accept(blocks.get(h).header()));
    return () -> {};
  }

  // ------------------------------------------------------------------ StateApi

  @Override
  public BlockState at(Optional<Hash256> block) {
    Hash256 hash = block.orElse(best);
    Stored stored = blocks.get(hash);
    if (stored == null) {
      throw new UnknownBlockException(hash);
    }
    return new FakeState(hash, stored);
  }

  @Override
  public NavigableMap<Bytes, Optional<Bytes>> changes(Hash256 from, Hash256 to) {
    NavigableMap<Bytes, Bytes> a = stored(from).top();
    NavigableMap<Bytes, Bytes> b = stored(to).top();
    NavigableMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
    TreeSet<Bytes> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (Bytes key : keys) {
      if (!Optional.ofNullable(a.get(key)).equals(Optional.ofNullable(b.get(key)))) {
        changes.put(key, Optional.ofNullable(b.get(key)));
      }
    }
    return changes;
  }

  private Stored stored(Hash256 hash) {
    Stored stored = blocks.get(hash);
    if (stored == null) {
      throw new UnknownBlockException(hash);
    }
    return stored;
  }

  /** One trie as a sorted map. */
  private static class MapView implements StorageView {
    private final NavigableMap<Bytes, Bytes> map;

    MapView(NavigableMap<Bytes, Bytes> map) {
      this.map = map;
    }

    @Override
    public Optional<Bytes> get(Bytes key) {
      return Optional.ofNullable(map.get(key));
    }

    @Override
    public Stream<Bytes> keys(Bytes prefix, Optional<Bytes> startAfter) {
      return map.keySet().stream()
          .filter(k -> k.startsWith(prefix))
          .filter(k -> startAfter.isEmpty() || k.compareTo(startAfter.get()) > 0);
    }

    @Override
    public Stream<StorageEntry> entries(Bytes prefix) {
      return keys(prefix, Optional.empty()).map(k -> new StorageEntry(k, map.get(k)));
    }

    @Override
    public List<Bytes> readProof(Collection<Bytes> keys) {
      TreeSet<Bytes> nodes = new TreeSet<>();
      keys.forEach(k -> nodes.add(Bytes.fromHex("0xfe").concat(k)));
      return new ArrayList<>(nodes);
    }
  }

  private static final class FakeState extends MapView implements BlockState {
    private final Hash256 hash;
    private final Stored stored;

    FakeState(Hash256 hash, Stored stored) {
      super(stored.top());
      this.hash = hash;
      this.stored = stored;
    }

    @Override
    public Hash256 blockHash() {
      return hash;
    }

    @Override
    public StorageView child(Bytes childKey) {
      return new MapView(childKey.equals(CHILD) ? stored.child() : new TreeMap<>());
    }

    @Override
    public Bytes call(String method, Bytes input) {
      return switch (method) {
        case "Metadata_metadata" ->
            new ScaleWriter(16).writeByteVec(Bytes.fromHex("0x6d6574610e00")).toBytes();
        case "Core_version" -> Bytes.wrap(stored.version().encode());
        case "TransactionPaymentApi_query_info" ->
            inherent(input)
                ? new ScaleWriter(32)
                    .writeCompact(0)
                    .writeCompact(0)
                    .writeU8(2)
                    .writeRaw(new byte[16])
                    .toBytes()
                : new ScaleWriter(32)
                    .writeCompact(200_000_000)
                    .writeCompact(0)
                    .writeU8(0)
                    .writeU128(java.math.BigInteger.valueOf(345_000_000))
                    .toBytes();
        case "TransactionPaymentApi_query_fee_details" ->
            inherent(input)
                ? new ScaleWriter(17).writeU8(0).writeRaw(new byte[16]).toBytes()
                : new ScaleWriter(65)
                    .writeU8(1)
                    .writeU128(java.math.BigInteger.valueOf(100_000_000))
                    .writeU128(java.math.BigInteger.valueOf(145_000_000))
                    .writeU128(java.math.BigInteger.valueOf(200_000_000))
                    .writeRaw(new byte[16])
                    .toBytes();
        case "Fail_trap" ->
            throw new RuntimeCallException(
                "Execution aborted due to trap: wasm trap: wasm `unreachable` instruction"
                    + " executed");
        default ->
            throw new RuntimeCallException("Other: Exported method " + method + " is not found");
      };
    }

    /** The extrinsic of a payment query is {@code 0x04 00}: compact length 1, byte 0. */
    private static boolean inherent(Bytes input) {
      return input.length() == 6 && input.get(1) == 0;
    }

    @Override
    public RuntimeVersion runtimeVersion() {
      return stored.version();
    }
  }

  /** BLAKE2b-256 of bytes, for expectations. */
  static Hash256 hash(Bytes bytes) {
    return Hashing.blake2b256Hash(bytes.unsafeArray());
  }
}
