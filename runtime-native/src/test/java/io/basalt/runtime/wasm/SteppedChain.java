/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.api.OffchainStorage;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StorageChange;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.StateVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.chain.InMemoryOffchainStorage;
import io.basalt.runtime.demo.chain.TestRuntimes;
import io.basalt.storage.trie.TrieRoot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The Wasm conformance tests' chain: a basalt-demo chain whose state is a plain sorted map, with
 * roots from the storage module's {@link TrieRoot}, and where every runtime call's changes are
 * committed to the map at once, so that a test can step through a block call by call ({@code
 * initialize_block}, one {@code apply_extrinsic}, look at the state, …). Calls run on the executor
 * with the state's {@code :code}. The node-like harness that builds and imports whole blocks over a
 * trie, shared with the Java runtime and the differential tests, is {@link
 * io.basalt.runtime.demo.chain.DemoChain}; this one stays independent of it (and of the trie
 * backend) on purpose: its block builder and its map are a second reading of spec §7.
 */
final class SteppedChain {
  private final RuntimeExecutor executor;
  private final HostServices services;
  private final NavigableMap<Bytes, Bytes> state;
  private final InMemoryOffchainStorage offchain;
  private Header best;
  private Hash256 genesisHash;

  private SteppedChain(
      RuntimeExecutor executor,
      HostServices services,
      NavigableMap<Bytes, Bytes> state,
      InMemoryOffchainStorage offchain,
      Header best) {
    this.executor = executor;
    this.services = services;
    this.state = state;
    this.offchain = offchain;
    this.best = best;
  }

  static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  /** A chain whose genesis is {@code build_state(config)} of {@code code}, plus {@code :code}. */
  static SteppedChain genesis(RuntimeExecutor executor, byte[] code, String fullConfigJson) {
    SteppedChain chain =
        new SteppedChain(
            executor, TestRuntimes.SERVICES, new TreeMap<>(), new InMemoryOffchainStorage(), null);
    byte[] input =
        new ScaleWriter()
            .writeByteVec(fullConfigJson.getBytes(StandardCharsets.UTF_8))
            .toByteArray();
    byte[] result = chain.run(RuntimeBlob.parse(code), "GenesisBuilder_build_state", input, true);
    assertThat(result).as("build_state result").containsExactly(0);
    chain.state.put(WellKnownKeys.CODE, Bytes.wrap(code));
    chain.best =
        new Header(
            Hash256.ZERO, 0, TrieRoot.of(chain.state, StateVersion.V1), TrieRoot.EMPTY, List.of());
    chain.genesisHash = chain.best.hash();
    return chain;
  }

  /** An independent copy (same executor) for re-executing blocks from this state. */
  SteppedChain fork() {
    SteppedChain copy = new SteppedChain(executor, services, new TreeMap<>(state), offchain, best);
    copy.genesisHash = genesisHash;
    return copy;
  }

  NavigableMap<Bytes, Bytes> state() {
    return state;
  }

  Header best() {
    return best;
  }

  InMemoryOffchainStorage offchain() {
    return offchain;
  }

  RuntimeBlob code() {
    return RuntimeBlob.parse(state.get(WellKnownKeys.CODE));
  }

  /** Calls the runtime; changes are committed. */
  byte[] call(String method, byte[] input) {
    return run(code(), method, input, true);
  }

  /** Calls the runtime; changes are discarded. */
  byte[] query(String method, byte[] input) {
    return run(code(), method, input, false);
  }

  /** The changes a call would make, without committing them. */
  List<StorageChange> changesOf(String method, byte[] input) {
    OverlayedChanges overlay = new OverlayedChanges();
    executor.call(
        code(),
        method,
        input,
        new OverlayedExternalities(overlay, new InMemoryStateBackend(state)));
    return overlay.topChanges();
  }

  /** The offchain worker with offchain storage granted; chain changes are discarded. */
  void offchainWorker(Header header) {
    OverlayedChanges overlay = new OverlayedChanges();
    executor.call(
        code(),
        "OffchainWorkerApi_offchain_worker",
        Header.CODEC.encode(header),
        new OverlayedExternalities(overlay, new InMemoryStateBackend(state)),
        services.withOffchainStorage(offchain));
  }

  private byte[] run(RuntimeBlob code, String method, byte[] input, boolean commit) {
    OverlayedChanges overlay = new OverlayedChanges();
    byte[] out =
        executor.call(
            code,
            method,
            input,
            new OverlayedExternalities(overlay, new InMemoryStateBackend(state)));
    if (commit) {
      InMemoryStateBackend.apply(state, overlay.topChanges());
      for (StorageChange c : overlay.offchainIndexChanges()) {
        if (c.value().isPresent()) {
          offchain.set(OffchainStorage.Kind.PERSISTENT, c.key(), c.value().get());
        } else {
          offchain.clear(OffchainStorage.Kind.PERSISTENT, c.key());
        }
      }
    }
    return out;
  }

  /** A block built here: its header, full extrinsic encodings and the apply results. */
  record BuiltBlock(Header header, List<byte[]> extrinsics, List<byte[]> results) {
    byte[] encode() {
      ScaleWriter w = new ScaleWriter().writeRaw(Header.CODEC.encode(header));
      w.writeCompact(extrinsics.size());
      extrinsics.forEach(w::writeRaw);
      return w.toByteArray();
    }

    Hash256 hash() {
      return header.hash();
    }
  }

  static byte[] inherentData(long timestampMs) {
    return new ScaleWriter()
        .writeCompact(1)
        .writeRaw("timstap0".getBytes(StandardCharsets.US_ASCII))
        .writeByteVec(new ScaleWriter().writeU64(timestampMs).toByteArray())
        .toByteArray();
  }

  /** Decodes {@code Vec<UncheckedExtrinsic>} into full encodings (length prefix included). */
  static List<byte[]> extrinsicList(byte[] encoded) {
    ScaleReader r = new ScaleReader(encoded);
    int n = r.readCompactInt();
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int start = r.position();
      r.readByteVec();
      out.add(r.consumedSince(start).toArray());
    }
    r.expectEnd("Vec<UncheckedExtrinsic>");
    return out;
  }

  /**
   * Builds the next block with the timestamp inherent and {@code transactions}; transactions whose
   * {@code apply_extrinsic} is {@code Err} are left out, as a block builder does.
   */
  BuiltBlock build(long timestampMs, List<byte[]> transactions, List<DigestItem> preDigest) {
    Header init = new Header(best.hash(), best.number() + 1, Hash256.ZERO, Hash256.ZERO, preDigest);
    assertThat(call("Core_initialize_block", Header.CODEC.encode(init))).isEmpty();
    List<byte[]> candidates =
        new ArrayList<>(
            extrinsicList(call("BlockBuilder_inherent_extrinsics", inherentData(timestampMs))));
    candidates.addAll(transactions);
    List<byte[]> included = new ArrayList<>();
    List<byte[]> results = new ArrayList<>();
    for (byte[] xt : candidates) {
      byte[] result = call("BlockBuilder_apply_extrinsic", xt);
      results.add(result);
      if (result[0] == 0) {
        included.add(xt);
      }
    }
    byte[] finalized = call("BlockBuilder_finalize_block", new byte[0]);
    Header header = Header.CODEC.decode(new ScaleReader(finalized));
    best = header;
    return new BuiltBlock(header, included, results);
  }

  BuiltBlock build(long timestampMs, List<byte[]> transactions) {
    return build(timestampMs, transactions, List.of());
  }

  /** Imports a block: {@code Core_execute_block} on this state, then it is the best block. */
  void execute(BuiltBlock block) {
    assertThat(call("Core_execute_block", block.encode())).isEmpty();
    best = block.header();
  }

  /** The hash of block 0. */
  Hash256 genesisHash() {
    return genesisHash;
  }
}
