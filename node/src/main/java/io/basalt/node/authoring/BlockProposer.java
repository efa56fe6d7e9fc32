/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.state.OverlayLookup;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.TrieStateBackend;
import io.basalt.executor.strategy.ApiCall;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.importer.PreparedBlock;
import io.basalt.node.log.StatusLog;
import io.basalt.node.metrics.EndProposalReason;
import io.basalt.node.metrics.NodeMetrics;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.trie.StateCommit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds blocks with the runtime's BlockBuilder API, as Substrate's basic authorship does: {@code
 * Core_initialize_block}, the inherents from {@code BlockBuilder_inherent_extrinsics}, then pool
 * transactions by priority, each applied in its own storage transaction (kept only when the runtime
 * applied it), until the block is full or the time budget ends, then {@code
 * BlockBuilder_finalize_block}. Every call runs in the {@link ExecutionContext#BLOCK_CONSTRUCTION}
 * context with its execution strategy. The result carries the state the block produced, so the
 * importer commits it without executing the block again.
 *
 * <pre>{@code
 * BlockProposer proposer = new BlockProposer(chain, runtimes, services);
 * Proposal p = proposer.propose(parent, InherentData.empty().withTimestamp(now), List.of(), pool,
 *     Duration.ofSeconds(2));
 * importer.importPrepared(p.block());
 * }</pre>
 */
public final class BlockProposer {
  private static final Logger LOG = LoggerFactory.getLogger("authoring");

  /** Transactions skipped for exhausting the block's resources before the block counts as full. */
  static final int MAX_SKIPPED_TRANSACTIONS = 8;

  private final Blockchain chain;
  private final Runtimes runtimes;
  private final HostServices services;
  private final NodeMetrics metrics;

  /**
   * @param services what runtime calls may use while building (the node's keystore)
   */
  public BlockProposer(Blockchain chain, Runtimes runtimes, HostServices services) {
    this(chain, runtimes, services, NodeMetrics.disabled());
  }

  /** A proposer that reports Substrate's proposer metrics. */
  public BlockProposer(
      Blockchain chain, Runtimes runtimes, HostServices services, NodeMetrics metrics) {
    this.chain = chain;
    this.runtimes = runtimes;
    this.services = services;
    this.metrics = metrics;
  }

  /**
   * Builds a block on {@code parent}.
   *
   * @param inherents the inherent data (timestamp, ...)
   * @param preDigest digest items the block starts with (consensus pre-runtime digests)
   * @param pool where transactions come from
   * @param budget how long to keep adding transactions
   * @throws BlockProposalException if the block cannot be built
   */
  public Proposal propose(
      Header parent,
      InherentData inherents,
      List<DigestItem> preDigest,
      PendingTransactions pool,
      Duration budget) {
    return propose(parent, inherents, preDigest, pool, budget, List.of(), List.of());
  }

  /**
   * Builds a block on {@code parent} with storage written outside its extrinsics, as a development
   * chain does on request. Such a block does not re-execute to its own state root: only this node,
   * which imports it with its state, accepts it.
   *
   * @param beforeInitialize written before {@code Core_initialize_block}: the runtime sees it
   * @param afterBuild written after {@code BlockBuilder_finalize_block}; the header then carries
   *     the state root with it, so reads at the block return exactly these values
   * @throws BlockProposalException if the block cannot be built
   */
  public Proposal propose(
      Header parent,
      InherentData inherents,
      List<DigestItem> preDigest,
      PendingTransactions pool,
      Duration budget,
      List<StorageOverride> beforeInitialize,
      List<StorageOverride> afterBuild) {
    long start = System.nanoTime();
    long deadline = start + budget.toNanos();
    long number = parent.number() + 1;
    StatusLog.info(
        "🙌 Starting consensus session on top of parent {} (#{})", parent.hash(), parent.number());
    TrieStateBackend state = chain.stateAt(parent);
    RuntimeCode code;
    try {
      code = runtimes.codeAt(state, parent.number());
    } catch (InvalidRuntimeCodeException | RuntimeTrapException e) {
      throw new BlockProposalException(
          "cannot build on #" + parent.number() + ": its runtime is unusable: " + e.getMessage(),
          e);
    }
    Calls calls = new Calls(code, new OverlayedChanges(), state, "block #" + number);
    write(beforeInitialize, calls.changes(), state);
    Header initial = new Header(parent.hash(), number, Hash256.ZERO, Hash256.ZERO, preDigest);
    byte[] mode = calls.required("Core_initialize_block", Header.CODEC.encode(initial));
    boolean onlyInherents =
        code.version().apiVersion("Core").orElse(0L) >= 5 && mode.length > 0 && mode[0] == 1;

    List<Bytes> body = new ArrayList<>();
    long inherentsStart = System.nanoTime();
    // inherent_extrinsics must not change the state (rococo's parachains inherent writes while it
    // creates its extrinsic): roll its writes back, as Substrate's block builder does
    calls.changes().startTransaction();
    List<Bytes> inherentExtrinsics =
        decodeExtrinsics(calls.required(INHERENT_EXTRINSICS, inherents.encode()));
    calls.changes().rollbackTransaction();
    metrics.inherentsCreated(Duration.ofNanos(System.nanoTime() - inherentsStart));
    long constructionStart = System.nanoTime();
    for (Bytes inherent : inherentExtrinsics) {
      byte[] result = calls.required(APPLY_EXTRINSIC, withPrefix(inherent));
      if (result.length == 0 || result[0] != 0) {
        throw new BlockProposalException(
            "the runtime refused its own inherent extrinsic: " + Bytes.wrap(result).toHex());
      }
      body.add(inherent);
    }

    List<Hash256> included = new ArrayList<>();
    List<Hash256> invalid = new ArrayList<>();
    EndProposalReason reason = EndProposalReason.TRANSACTIONS_FORBIDDEN;
    if (!onlyInherents) {
      reason = EndProposalReason.NO_MORE_TRANSACTIONS;
      int skipped = 0;
      PendingTransactions.Ready ready = pool.ready();
      while (ready.hasNext()) {
        if (System.nanoTime() >= deadline) {
          reason = EndProposalReason.HIT_DEADLINE;
          break;
        }
        PendingTransactions.Pending tx = ready.next();
        Bytes payload = withoutPrefix(tx.extrinsic());
        switch (calls.tryApply(payload)) {
          case APPLIED -> {
            body.add(payload);
            included.add(tx.hash());
          }
          case EXHAUSTS_RESOURCES -> skipped++;
          case INVALID -> {
            ready.reportInvalid(tx);
            invalid.add(tx.hash());
          }
        }
        if (skipped > MAX_SKIPPED_TRANSACTIONS) {
          LOG.debug("block #{} is full after {} transactions", number, included.size());
          reason = EndProposalReason.HIT_BLOCK_WEIGHT_LIMIT;
          break;
        }
      }
    }
    Header header;
    try {
      header = Header.CODEC.decode(calls.required("BlockBuilder_finalize_block", new byte[0]));
    } catch (ScaleDecodingException e) {
      throw new BlockProposalException("finalize_block returned no header: " + e.getMessage(), e);
    }
    write(afterBuild, calls.changes(), state);
    StateCommit commit = state.commit(calls.changes(), code.version().stateVersion());
    if (!afterBuild.isEmpty()) {
      header =
          new Header(
              header.parentHash(),
              header.number(),
              commit.root(),
              header.extrinsicsRoot(),
              header.digest());
    }
    if (!commit.root().equals(header.stateRoot())) {
      throw new BlockProposalException(
          "the runtime's state root "
              + header.stateRoot()
              + " differs from the node's "
              + commit.root()
              + " for block #"
              + number);
    }
    if (!invalid.isEmpty()) {
      pool.invalid(invalid);
    }
    long end = System.nanoTime();
    long nanos = end - start;
    metrics.blockProposed(
        body.size(), Duration.ofNanos(end - constructionStart), Duration.ofNanos(nanos), reason);
    Block block = new Block(header, body);
    StatusLog.info(
        "🎁 Prepared block for proposing at {} ({} ms) [hash: {}; parent_hash: {}; extrinsics ({}):"
            + " [{}]]",
        number,
        nanos / 1_000_000,
        header.hash(),
        parent.hash(),
        body.size(),
        body.stream().map(x -> extrinsicHash(x).toHex()).collect(Collectors.joining(", ")));
    return new Proposal(
        new PreparedBlock(
            block,
            commit,
            calls.changes().offchainIndexChanges(),
            calls.changes().get(WellKnownKeys.CODE) instanceof OverlayLookup.Value(Bytes written)
                ? Optional.of(written)
                : Optional.empty()),
        included,
        invalid,
        nanos);
  }

  private static void write(
      List<StorageOverride> overrides, OverlayedChanges changes, TrieStateBackend state) {
    OverlayedExternalities ext = new OverlayedExternalities(changes, state);
    for (StorageOverride o : overrides) {
      switch (o) {
        case StorageOverride.Put(Bytes key, Bytes value) -> ext.set(key, value);
        case StorageOverride.Delete(Bytes key) -> ext.clear(key);
        case StorageOverride.DeletePrefix(Bytes prefix) ->
            ext.clearPrefix(prefix, OptionalLong.empty(), Optional.empty());
      }
    }
  }

  /** The hash of an extrinsic as pools and RPC name it: blake2-256 of its SCALE encoding. */
  public static Hash256 extrinsicHash(Bytes payload) {
    return Hashing.blake2b256Hash(withPrefix(payload));
  }

  private static final String INHERENT_EXTRINSICS = "BlockBuilder_inherent_extrinsics";
  private static final String APPLY_EXTRINSIC = "BlockBuilder_apply_extrinsic";

  private enum Applied {
    APPLIED,
    EXHAUSTS_RESOURCES,
    INVALID
  }

  /** The calls of one block build, on one overlay. */
  private final class Calls {
    private final RuntimeCode code;
    private final OverlayedChanges changes;
    private final TrieStateBackend state;
    private final String at;

    Calls(RuntimeCode code, OverlayedChanges changes, TrieStateBackend state, String at) {
      this.code = code;
      this.changes = changes;
      this.state = state;
      this.at = at;
    }

    OverlayedChanges changes() {
      return changes;
    }

    byte[] required(String method, byte[] input) {
      try {
        return call(method, input);
      } catch (RuntimeTrapException | InvalidRuntimeCodeException e) {
        throw new BlockProposalException(
            "cannot build " + at + ": " + method + " failed: " + e.getMessage(), e);
      }
    }

    /** Applies a transaction in its own storage transaction, kept only if the runtime took it. */
    Applied tryApply(Bytes payload) {
      changes.startTransaction();
      byte[] result;
      try {
        result = call(APPLY_EXTRINSIC, withPrefix(payload));
      } catch (RuntimeTrapException | InvalidRuntimeCodeException e) {
        changes.rollbackTransaction();
        LOG.debug("transaction {} trapped the runtime: {}", extrinsicHash(payload), e.getMessage());
        return Applied.INVALID;
      }
      if (result.length > 0 && result[0] == 0) {
        changes.commitTransaction();
        return Applied.APPLIED;
      }
      changes.rollbackTransaction();
      // Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources))
      boolean full = result.length >= 3 && result[0] == 1 && result[1] == 0 && result[2] == 6;
      return full ? Applied.EXHAUSTS_RESOURCES : Applied.INVALID;
    }

    private byte[] call(String method, byte[] input) {
      return runtimes
          .calls()
          .call(
              new ApiCall(ExecutionContext.BLOCK_CONSTRUCTION, code, method, Bytes.wrap(input), at),
              changes,
              state,
              services);
    }
  }

  private static List<Bytes> decodeExtrinsics(byte[] encoded) {
    try {
      ScaleReader r = new ScaleReader(encoded);
      int n = r.readCompactInt();
      List<Bytes> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(r.readByteVec());
      }
      return out;
    } catch (ScaleDecodingException e) {
      throw new BlockProposalException(
          "inherent_extrinsics returned no list of extrinsics: " + e.getMessage(), e);
    }
  }

  private static byte[] withPrefix(Bytes payload) {
    return new ScaleWriter(payload.length() + 5).writeByteVec(payload.unsafeArray()).toByteArray();
  }

  /** An encoded extrinsic (as submitted) without its compact length prefix (as in a block body). */
  static Bytes withoutPrefix(Bytes encoded) {
    return new ScaleReader(encoded.unsafeArray()).readByteVec();
  }
}
