/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.chainspec.JsonMergePatch;
import io.basalt.executor.api.OffchainStorage;
import io.basalt.executor.state.Externalities;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StorageChange;
import io.basalt.executor.state.TrieStateBackend;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.StateVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.trie.InMemoryTrieNodes;
import io.basalt.storage.trie.StateCommit;
import io.basalt.storage.trie.TrieRoot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A chain of basalt-demo blocks in memory, driven like a node drives a runtime: genesis through
 * {@code GenesisBuilder}, blocks built with {@code initialize_block} → {@code inherent_extrinsics}
 * → {@code apply_extrinsic}* → {@code finalize_block} (each apply in a storage transaction that is
 * rolled back unless the extrinsic was applied; all with the parent state's {@code :code}, as a
 * node's block builder), blocks imported with {@code execute_block}. State is a trie ({@link
 * TrieStateBackend} over {@link InMemoryTrieNodes}); the offchain-index writes of imported and
 * built blocks go to an in-memory offchain database, as with {@code --enable-offchain-indexing}.
 *
 * <pre>{@code
 * DemoChain chain = DemoChain.fromPreset(runtime, "development", Optional.of(code));
 * BuiltBlock b1 = chain.buildBlock(List.of(transfer.encoded()), 1_700_000_000_000L);
 * DemoChain verifier = DemoChain.fromPreset(other, "development", Optional.of(code));
 * verifier.importBlock(b1.block()); // Returned(0x)
 * }</pre>
 */
public final class DemoChain {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final StateVersion STATE_VERSION = StateVersion.V1;
  private static final Bytes TIMESTAMP_ID =
      Bytes.wrap("timstap0".getBytes(StandardCharsets.US_ASCII));

  private final RuntimeUnderTest runtime;
  private final InMemoryTrieNodes nodes;
  private final InMemoryOffchainStorage offchain;
  private TrieStateBackend state;
  private Header head;
  private final Hash256 genesisHash;
  private boolean recordStorage;

  private DemoChain(
      RuntimeUnderTest runtime,
      InMemoryTrieNodes nodes,
      InMemoryOffchainStorage offchain,
      TrieStateBackend state,
      Header head,
      Hash256 genesisHash) {
    this.runtime = runtime;
    this.nodes = nodes;
    this.offchain = offchain;
    this.state = state;
    this.head = head;
    this.genesisHash = genesisHash;
  }

  /**
   * A chain whose genesis is built by the runtime from a preset merged into its default config.
   *
   * @param code the {@code :code} to add to the genesis state, if any
   */
  public static DemoChain fromPreset(
      RuntimeUnderTest runtime, String preset, Optional<Bytes> code) {
    InMemoryTrieNodes nodes = new InMemoryTrieNodes();
    TrieStateBackend empty = new TrieStateBackend(nodes, TrieRoot.EMPTY);
    Externalities ext = new OverlayedExternalities(new OverlayedChanges(), empty);
    JsonNode defaults = json(presetOf(runtime, ext, Optional.empty()));
    JsonNode patch = json(presetOf(runtime, ext, Optional.of(preset)));
    return fromConfig(runtime, JsonMergePatch.apply(defaults, patch).toString(), code);
  }

  /** A chain whose genesis is {@code build_state(config)}. */
  public static DemoChain fromConfig(
      RuntimeUnderTest runtime, String config, Optional<Bytes> code) {
    InMemoryTrieNodes nodes = new InMemoryTrieNodes();
    TrieStateBackend empty = new TrieStateBackend(nodes, TrieRoot.EMPTY);
    OverlayedChanges changes = new OverlayedChanges();
    Externalities ext = new OverlayedExternalities(changes, empty);
    byte[] input =
        new ScaleWriter().writeByteVec(config.getBytes(StandardCharsets.UTF_8)).toByteArray();
    Bytes result = runtime.call("GenesisBuilder_build_state", input, ext).output();
    if (!result.equals(Bytes.of((byte) 0))) {
      throw new BlockBuildingException(
          "build_state failed: " + new ScaleReader(result.slice(1, result.length())).readString());
    }
    code.ifPresent(c -> ext.set(WellKnownKeys.CODE, c));
    StateCommit commit = empty.commit(changes, STATE_VERSION);
    nodes.add(commit.toTrieCommit());
    Header genesis = new Header(Hash256.ZERO, 0, commit.root(), TrieRoot.EMPTY, List.of());
    return new DemoChain(
        runtime,
        nodes,
        new InMemoryOffchainStorage(),
        new TrieStateBackend(nodes, commit.root()),
        genesis,
        genesis.hash());
  }

  private static Bytes presetOf(RuntimeUnderTest runtime, Externalities ext, Optional<String> id) {
    ScaleWriter w = new ScaleWriter();
    if (id.isPresent()) {
      w.writeU8(1).writeString(id.get());
    } else {
      w.writeU8(0);
    }
    Bytes out = runtime.call("GenesisBuilder_get_preset", w.toByteArray(), ext).output();
    ScaleReader r = new ScaleReader(out);
    if (r.readU8() != 1) {
      throw new BlockBuildingException("the runtime has no preset " + id);
    }
    return r.readByteVec();
  }

  private static JsonNode json(Bytes bytes) {
    try {
      return JSON.readTree(bytes.unsafeArray());
    } catch (java.io.IOException e) {
      throw new BlockBuildingException("the runtime returned invalid JSON: " + e.getMessage());
    }
  }

  /** A copy of this chain at its current head, sharing the (append-only) node store. */
  public DemoChain fork(RuntimeUnderTest otherRuntime) {
    DemoChain fork =
        new DemoChain(
            otherRuntime,
            nodes,
            new InMemoryOffchainStorage(),
            new TrieStateBackend(nodes, head.stateRoot()),
            head,
            genesisHash);
    fork.recordStorage = recordStorage;
    return fork;
  }

  /**
   * Makes every {@link CallRecord} of block building carry the block's storage changes after the
   * call, so that two runtimes can be compared write by write, not only by state root.
   */
  public DemoChain recordingStorage() {
    this.recordStorage = true;
    return this;
  }

  private CallRecord record(
      String method, Bytes input, CallOutcome outcome, OverlayedChanges changes) {
    if (!recordStorage) {
      return new CallRecord(method, input, outcome);
    }
    List<StorageChange> storage = new ArrayList<>(changes.topChanges());
    storage.addAll(changes.offchainIndexChanges());
    return new CallRecord(method, input, outcome, storage);
  }

  public RuntimeUnderTest runtime() {
    return runtime;
  }

  public Header head() {
    return head;
  }

  public Hash256 genesisHash() {
    return genesisHash;
  }

  /** The offchain database (offchain-index writes of committed blocks, offchain-worker writes). */
  public InMemoryOffchainStorage offchain() {
    return offchain;
  }

  /** A key of the head state. */
  public Optional<Bytes> storage(Bytes key) {
    return state.get(key);
  }

  /** Calls the runtime on the head state; the changes are discarded. */
  public CallOutcome call(String method, byte[] input) {
    return runtime.call(method, input, new OverlayedExternalities(new OverlayedChanges(), state));
  }

  /** Calls the runtime on the head state with the offchain database; changes are discarded. */
  public CallOutcome callOffchain(String method, byte[] input) {
    return runtime.callOffchain(
        method, input, new OverlayedExternalities(new OverlayedChanges(), state), offchain);
  }

  /** Calls the runtime on the head state and returns the changes it made (not committed). */
  public OverlayedChanges callForChanges(String method, byte[] input, List<CallRecord> record) {
    OverlayedChanges changes = new OverlayedChanges();
    CallOutcome outcome = runtime.call(method, input, new OverlayedExternalities(changes, state));
    record.add(record(method, Bytes.wrap(input), outcome, changes));
    return changes;
  }

  /** Builds a block with the timestamp inherent and no pre-runtime digest. */
  public BuiltBlock buildBlock(List<Bytes> extrinsics, long timestampMs) {
    return buildBlock(extrinsics, timestampMs, List.of());
  }

  /**
   * Builds and commits a block on the head.
   *
   * @param extrinsics encoded extrinsics (with their compact prefix), applied in order; those not
   *     applied ({@code Err} or a panic) are left out, their changes rolled back
   * @param timestampMs the {@code timstap0} inherent data
   * @param digest pre-runtime digest items for {@code initialize_block}
   * @throws BlockBuildingException if initialize, the inherents or finalize fail
   */
  public BuiltBlock buildBlock(List<Bytes> extrinsics, long timestampMs, List<DigestItem> digest) {
    OverlayedChanges changes = new OverlayedChanges();
    Externalities ext = new OverlayedExternalities(changes, state);
    // The parent's code builds the whole block, whatever a set_code in it writes (§8.1).
    Optional<Bytes> code = state.get(WellKnownKeys.CODE);
    List<CallRecord> calls = new ArrayList<>();
    Header template =
        new Header(head.hash(), head.number() + 1, Hash256.ZERO, Hash256.ZERO, digest);
    required(calls, ext, changes, code, "Core_initialize_block", Header.CODEC.encode(template));
    byte[] inherentData =
        new ScaleWriter()
            .writeCompact(1)
            .writeRaw(TIMESTAMP_ID)
            .writeByteVec(new ScaleWriter(8).writeU64(timestampMs).toBytes())
            .toByteArray();
    Bytes inherents =
        required(calls, ext, changes, code, "BlockBuilder_inherent_extrinsics", inherentData);
    List<Bytes> body = new ArrayList<>();
    for (Bytes payload : Block.BODY_CODEC.decode(inherents)) {
      Bytes result = apply(calls, ext, changes, code, withPrefix(payload));
      if (!result.equals(Bytes.of((byte) 0, (byte) 0))) {
        throw new BlockBuildingException("the runtime's own inherent failed: " + result.toHex());
      }
      body.add(payload);
    }
    List<Bytes> results = new ArrayList<>();
    List<Boolean> included = new ArrayList<>();
    for (Bytes xt : extrinsics) {
      Bytes result = apply(calls, ext, changes, code, xt);
      results.add(result);
      boolean applied = !result.isEmpty() && result.get(0) == 0;
      included.add(applied);
      if (applied) {
        body.add(withoutPrefix(xt));
      }
    }
    Header header =
        Header.CODEC.decode(
            required(calls, ext, changes, code, "BlockBuilder_finalize_block", new byte[0]));
    commit(changes, header);
    return new BuiltBlock(
        new Block(header, body), calls, results, included, changes.offchainIndexChanges());
  }

  /** One {@code apply_extrinsic} in a storage transaction kept only if the result is {@code Ok}. */
  private Bytes apply(
      List<CallRecord> calls,
      Externalities ext,
      OverlayedChanges changes,
      Optional<Bytes> code,
      Bytes xt) {
    changes.startTransaction();
    CallOutcome outcome =
        runtime.call("BlockBuilder_apply_extrinsic", xt.toArray(), ext, runtime.services(), code);
    boolean applied =
        outcome instanceof CallOutcome.Returned(Bytes out) && !out.isEmpty() && out.get(0) == 0;
    if (applied) {
      changes.commitTransaction();
    } else {
      changes.rollbackTransaction();
    }
    calls.add(record("BlockBuilder_apply_extrinsic", xt, outcome, changes));
    return outcome instanceof CallOutcome.Returned(Bytes out) ? out : Bytes.EMPTY;
  }

  private Bytes required(
      List<CallRecord> calls,
      Externalities ext,
      OverlayedChanges changes,
      Optional<Bytes> code,
      String method,
      byte[] input) {
    CallOutcome outcome = runtime.call(method, input, ext, runtime.services(), code);
    calls.add(record(method, Bytes.wrap(input), outcome, changes));
    if (outcome instanceof CallOutcome.Panicked(String message)) {
      throw new BlockBuildingException(runtime.name(), method + " panicked: " + message);
    }
    return outcome.output();
  }

  /**
   * Imports a block: {@code execute_block} on the head state, committed if it succeeds.
   *
   * @return what {@code execute_block} did
   */
  public CallOutcome importBlock(Block block) {
    OverlayedChanges changes = new OverlayedChanges();
    Externalities ext = new OverlayedExternalities(changes, state);
    Block unsealed = new Block(block.header().withoutSeal(), block.extrinsics());
    CallOutcome outcome = runtime.call("Core_execute_block", Block.CODEC.encode(unsealed), ext);
    if (outcome instanceof CallOutcome.Returned) {
      commit(changes, block.header());
    }
    return outcome;
  }

  private void commit(OverlayedChanges changes, Header header) {
    StateCommit commit = state.commit(changes, STATE_VERSION);
    if (!commit.root().equals(header.stateRoot())) {
      throw new BlockBuildingException(
          "the committed state root "
              + commit.root()
              + " differs from the header's "
              + header.stateRoot());
    }
    nodes.add(commit.toTrieCommit());
    state = new TrieStateBackend(nodes, commit.root());
    head = header;
    for (StorageChange change : changes.offchainIndexChanges()) {
      if (change.value().isPresent()) {
        offchain.set(OffchainStorage.Kind.PERSISTENT, change.key(), change.value().get());
      } else {
        offchain.clear(OffchainStorage.Kind.PERSISTENT, change.key());
      }
    }
  }

  /** An extrinsic payload with its compact length prefix. */
  public static Bytes withPrefix(Bytes payload) {
    return new ScaleWriter(payload.length() + 5).writeByteVec(payload).toBytes();
  }

  /** An encoded extrinsic without its compact length prefix. */
  public static Bytes withoutPrefix(Bytes encoded) {
    return new ScaleReader(encoded).readByteVec();
  }

  @Override
  public String toString() {
    return "DemoChain(" + runtime.name() + " at #" + head.number() + ")";
  }
}
