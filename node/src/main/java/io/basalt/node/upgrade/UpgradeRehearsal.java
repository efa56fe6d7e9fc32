/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.Zstd;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.TrieStateBackend;
import io.basalt.executor.strategy.ApiCall;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionStrategy;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.authoring.CreatedBlock;
import io.basalt.node.authoring.DevSealer;
import io.basalt.node.authoring.SealRequest;
import io.basalt.node.authoring.StorageOverride;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.log.RuntimeLogCapture;
import io.basalt.node.log.StatusLog;
import io.basalt.node.metadata.JsonScaleDecoder;
import io.basalt.node.metadata.RuntimeMetadata;
import io.basalt.node.runtime.Runtimes;
import io.basalt.node.service.NodeService;
import io.basalt.node.txpool.PoolTransaction;
import io.basalt.node.txpool.Submission;
import io.basalt.node.txpool.TransactionPool;
import io.basalt.node.txpool.TransactionSource;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.trie.CompactTrieProof;
import io.basalt.storage.trie.TrieHasher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * Rehearses a runtime upgrade on a running node whose database is a throw-away copy: checks the new
 * code as {@code set_code} would, runs {@code TryRuntime_on_runtime_upgrade} (twice, for
 * idempotency) where the runtime has it, then puts the code into {@code :code} with a block of the
 * node's dev sealer (as {@code dev_setStorage} does) and builds the upgrade block and more through
 * the same sealer, so that {@code on_runtime_upgrade} runs inside {@code initialize_block} as on
 * chain. The upgrade block is then executed once more with {@code Core_execute_block} on a state
 * that records what it touches, for its storage diff, proof size and log lines.
 *
 * <pre>{@code
 * UpgradeReport report = new UpgradeRehearsal(node, divergences, Optional.of(ExecutionStrategy.BOTH))
 *     .run("Development", code, TryUpgradeOptions.defaults());
 * }</pre>
 */
public final class UpgradeRehearsal {
  /** The parachain PoV limit ({@code MAX_POV_SIZE}, 5 MiB). */
  public static final long POV_LIMIT = 5L * 1024 * 1024;

  /** The share of a limit from which the upgrade block is warned about. */
  public static final double WARN_SHARE = 0.8;

  private static final String TRY_RUNTIME = "TryRuntime";
  private static final String ON_RUNTIME_UPGRADE = "TryRuntime_on_runtime_upgrade";
  private static final Bytes BLOCK_WEIGHT = RuntimeMetadata.plainKey("System", "BlockWeight");

  private final Blockchain chain;
  private final Runtimes runtimes;
  private final DevSealer sealer;
  private final DivergenceLog divergences;
  private final Optional<ExecutionStrategy> compare;
  private final TransactionPool pool;
  private List<Bytes> poolTransactions = List.of();

  /**
   * @param node a node on a throw-away database, with a sealer
   * @param divergences the observer the node's runtimes report to
   * @param execution the strategy all calls run with, when one was given ({@code Both}: the report
   *     has the comparison)
   */
  public UpgradeRehearsal(
      NodeService node, DivergenceLog divergences, Optional<ExecutionStrategy> execution) {
    this.chain = node.chain();
    this.runtimes = node.runtimes();
    this.sealer =
        node.sealer().orElseThrow(() -> new IllegalArgumentException("the node makes no blocks"));
    this.divergences = divergences;
    this.compare = execution.filter(s -> s == ExecutionStrategy.BOTH);
    this.pool = node.pool();
  }

  /**
   * Puts transactions into the rehearsal node's pool before it builds its blocks (a fork source's
   * pending ones), so that the blocks after the upgrade carry them; the report counts them.
   */
  public UpgradeRehearsal withPoolTransactions(List<Bytes> transactions) {
    this.poolTransactions = List.copyOf(transactions);
    return this;
  }

  /**
   * Runs the rehearsal.
   *
   * @param chainName the chain's name, for the report
   * @param code the new code (checked to be a runtime by the caller)
   */
  public UpgradeReport run(String chainName, Bytes code, TryUpgradeOptions options) {
    Report r = new Report(chainName);
    Header start = chain.requireHeader(chain.best().hash());
    r.start = new UpgradeReport.BlockAt(start.number(), start.hash());
    RuntimeCode current = runtimes.codeAt(chain.stateAt(start), start.number());
    r.before = version(current.onChainVersion());
    RuntimeBlob blob;
    RuntimeVersion next;
    try {
      blob = runtimes.blob(code);
      next = runtimes.version(blob);
    } catch (InvalidRuntimeCodeException | RuntimeTrapException e) {
      r.fail("the new code is not a usable runtime: " + e.getMessage());
      return r.build();
    }
    r.newCode = Optional.of(version(next));
    List<String> refusals = SetCodeCheck.refusals(current.onChainVersion(), next, options);
    if (!refusals.isEmpty()) {
      refusals.forEach(r::fail);
      return r.build();
    }
    r.tryRuntime = tryRuntime(start, blob, next, code, options, r);
    List<Hash256> pooled = new ArrayList<>();
    for (Bytes transaction : poolTransactions) {
      if (pool.submit(TransactionSource.EXTERNAL, transaction)
          instanceof Submission.Accepted accepted) {
        pooled.add(accepted.hash());
      }
    }

    Header codeBlock;
    Header upgrade;
    try {
      codeBlock =
          seal(
              SealRequest.next()
                  .withStorage(List.of(new StorageOverride.Put(WellKnownKeys.CODE, code))));
      r.codeBlock = Optional.of(at(codeBlock));
      StatusLog.info("⬆️  :code set in #{}; building the upgrade block", codeBlock.number());
      upgrade = seal(SealRequest.next());
      r.upgradeBlock = Optional.of(at(upgrade));
    } catch (BlockFailure e) {
      r.fail(e.getMessage());
      return r.build();
    }
    Optional<RuntimeMetadata> metadata = metadataAt(upgrade, r);
    metadata.ifPresent(m -> inspectUpgradeBlock(codeBlock, upgrade, m, options, r));
    metadata.ifPresent(m -> checkExtrinsics(upgrade, m, r));
    Header last = upgrade;
    for (int i = 0; i < options.blocks() && r.failures.isEmpty(); i++) {
      try {
        last = seal(SealRequest.next());
        r.blocksAfter++;
      } catch (BlockFailure e) {
        r.fail(e.getMessage());
        break;
      }
      Header built = last;
      metadataAt(built, r).ifPresent(m -> checkExtrinsics(built, m, r));
    }
    if (!poolTransactions.isEmpty()) {
      r.pool =
          Optional.of(
              new UpgradeReport.PoolUse(
                  poolTransactions.size(), pooled.size(), included(pooled, codeBlock, last)));
    }
    RuntimeVersion after = runtimes.codeAt(chain.stateAt(last), last.number()).onChainVersion();
    r.after = Optional.of(version(after));
    if (after.specVersion() != next.specVersion() || !after.specName().equals(next.specName())) {
      r.fail(
          "the runtime at #"
              + last.number()
              + " is "
              + version(after)
              + ", not the new "
              + version(next));
    }
    if (compare.isPresent()) {
      List<String> found = divergences.divergences();
      found.forEach(d -> r.fail("native and Wasm diverged: " + d));
      Optional<String> note =
          divergences.nativeCalls() == 0
              ? Optional.of(
                  "no native runtime matches this chain's runtimes, so nothing ran natively")
              : Optional.empty();
      r.comparison =
          Optional.of(new UpgradeReport.Comparison(divergences.nativeCalls(), found, note));
    }
    return r.build();
  }

  private UpgradeReport.TryRuntime tryRuntime(
      Header start,
      RuntimeBlob blob,
      RuntimeVersion next,
      Bytes code,
      TryUpgradeOptions options,
      Report r) {
    if (options.checks() == UpgradeCheckSelect.NONE) {
      return new UpgradeReport.TryRuntime.Skipped("--checks none");
    }
    if (next.apiVersion(TRY_RUNTIME).isEmpty() || !blob.exportsFunction(ON_RUNTIME_UPGRADE)) {
      return new UpgradeReport.TryRuntime.Skipped(
          "the new runtime has no TryRuntime API (built without the try-runtime feature)");
    }
    RuntimeCode runtime = RuntimeCode.onChain(blob, next);
    TrieStateBackend state = chain.stateAt(start);
    OverlayedChanges changes = new OverlayedChanges();
    changes.set(WellKnownKeys.CODE, Optional.of(code));
    byte[] weight;
    try {
      weight = onRuntimeUpgrade(runtime, changes, state, options.checks());
    } catch (RuntimeTrapException e) {
      r.fail("TryRuntime_on_runtime_upgrade failed: " + trap(e));
      return new UpgradeReport.TryRuntime.Skipped("it failed");
    }
    Optional<Boolean> idempotent = Optional.empty();
    if (options.idempotencyCheck()) {
      Hash256 first = state.root(changes.topChanges(), next.stateVersion());
      try {
        onRuntimeUpgrade(runtime, changes, state, UpgradeCheckSelect.NONE);
        Hash256 second = state.root(changes.topChanges(), next.stateVersion());
        idempotent = Optional.of(first.equals(second));
        if (!first.equals(second)) {
          r.fail(
              "the migration is not idempotent: a second run changed the storage root from "
                  + first
                  + " to "
                  + second
                  + " (--disable-idempotency-checks to go on)");
        }
      } catch (RuntimeTrapException e) {
        r.fail("the migration's second run (idempotency check) failed: " + trap(e));
        idempotent = Optional.of(false);
      }
    }
    return new UpgradeReport.TryRuntime.Ran(
        options.checks(), Bytes.wrap(weight).toHex(), idempotent);
  }

  private byte[] onRuntimeUpgrade(
      RuntimeCode runtime,
      OverlayedChanges changes,
      TrieStateBackend state,
      UpgradeCheckSelect checks) {
    return runtimes
        .calls()
        .call(
            new ApiCall(
                ExecutionContext.OTHER,
                runtime,
                ON_RUNTIME_UPGRADE,
                Bytes.wrap(new byte[] {checks.encoded()}),
                "try-runtime"),
            changes,
            state,
            HostServices.standard());
  }

  /** Re-executes the upgrade block on a recording state: diff, proof, logs, weight, events. */
  private void inspectUpgradeBlock(
      Header parent,
      Header upgrade,
      RuntimeMetadata metadata,
      TryUpgradeOptions options,
      Report r) {
    TrieStateBackend parentState = chain.stateAt(parent);
    RecordingState recording = new RecordingState(parentState);
    RuntimeCode code = runtimes.codeAt(parentState, parent.number());
    List<Bytes> body = chain.body(upgrade.hash()).orElse(List.of());
    OverlayedChanges changes = new OverlayedChanges();
    try (RuntimeLogCapture logs = RuntimeLogCapture.start()) {
      runtimes
          .calls()
          .call(
              new ApiCall(
                  ExecutionContext.IMPORTING,
                  code,
                  BlockImporter.EXECUTE_BLOCK,
                  Bytes.wrap(Block.CODEC.encode(new Block(upgrade.withoutSeal(), body))),
                  "the upgrade block #" + upgrade.number()),
              changes,
              recording,
              HostServices.standard());
      r.logs = logs.lines();
    } catch (RuntimeTrapException e) {
      r.fail("block #" + upgrade.number() + " does not execute again: " + trap(e));
      return;
    }
    r.diff = StorageDiff.of(parentState, changes.topChanges(), metadata);
    Set<Bytes> keys = new HashSet<>(recording.keys());
    List<Bytes> proof =
        CompactTrieProof.generate(
            chain.database().trieNodes(), parent.stateRoot(), keys, TrieHasher.BLAKE2B_256);
    ScaleWriter w = new ScaleWriter();
    w.writeCompact(proof.size());
    proof.forEach(w::writeByteVec);
    byte[] encoded = w.toByteArray();
    long compressed = Zstd.compress(encoded, 3).length;
    UpgradeReport.Proof p =
        new UpgradeReport.Proof(keys.size(), encoded.length, compressed, POV_LIMIT);
    r.proof = Optional.of(p);
    judge("proof size (zstd compact proof vs the PoV limit)", p.share(), options, r);

    TrieStateBackend state = chain.stateAt(upgrade);
    state
        .get(BlockEvents.SYSTEM_EVENTS)
        .ifPresent(
            events -> {
              try {
                r.events = BlockEvents.decode(metadata, events);
              } catch (IllegalArgumentException | ScaleDecodingException e) {
                r.warnings.add("the upgrade block's events do not decode: " + e.getMessage());
              }
            });
    r.weight = weight(state, metadata, r);
    r.weight.ifPresent(
        wt -> {
          judge("ref_time weight", wt.refTimeShare(), options, r);
          judge("proof_size weight", wt.proofSizeShare(), options, r);
        });
  }

  /** A share of a limit: over it fails, from {@link #WARN_SHARE} warns (unless told not to). */
  private static void judge(String what, double share, TryUpgradeOptions options, Report r) {
    String percent = String.format(Locale.ROOT, "%.1f%%", 100 * share);
    if (share > 1) {
      r.fail("the upgrade block's " + what + " is " + percent + " of its limit");
    } else if (share >= WARN_SHARE && options.weightWarnings()) {
      r.warnings.add(
          "the upgrade block's " + what + " is " + percent + " of its limit (80% or more)");
    }
  }

  private static Optional<UpgradeReport.Weight> weight(
      TrieStateBackend state, RuntimeMetadata metadata, Report r) {
    Optional<RuntimeMetadata.Pallet> system = metadata.pallet("System");
    Optional<RuntimeMetadata.StorageItem> item =
        system.flatMap(s -> RuntimeMetadata.item(s, "BlockWeight"));
    Optional<RuntimeMetadata.Constant> limits = system.flatMap(s -> s.constant("BlockWeights"));
    Optional<Bytes> stored = state.get(BLOCK_WEIGHT);
    if (item.isEmpty() || limits.isEmpty() || stored.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonScaleDecoder decoder = new JsonScaleDecoder(metadata);
      JsonNode used = decoder.decode(stored.get(), item.get().valueType());
      JsonNode max = decoder.decode(limits.get().value(), limits.get().type()).path("max_block");
      long refTime = 0;
      long proofSize = 0;
      for (JsonNode perClass : used) {
        refTime += part(perClass, "ref_time");
        proofSize += part(perClass, "proof_size");
      }
      return Optional.of(
          new UpgradeReport.Weight(
              refTime, part(max, "ref_time"), proofSize, part(max, "proof_size")));
    } catch (IllegalArgumentException e) {
      r.warnings.add("the upgrade block's weight does not decode: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** A weight's part; a one-dimensional (old) weight is all ref_time. */
  private static long part(JsonNode weight, String name) {
    if (weight.isNumber()) {
      return name.equals("ref_time") ? weight.asLong() : 0;
    }
    JsonNode v = weight.path(name);
    if (!v.isNumber()) {
      return 0;
    }
    return v.canConvertToLong() ? v.asLong() : Long.MAX_VALUE;
  }

  /** The first extrinsic of a block that failed ({@code System.ExtrinsicFailed}) is a failure. */
  private void checkExtrinsics(Header block, RuntimeMetadata metadata, Report r) {
    Optional<Bytes> stored = chain.stateAt(block).get(BlockEvents.SYSTEM_EVENTS);
    if (stored.isEmpty()) {
      return;
    }
    try {
      for (UpgradeReport.Event e : BlockEvents.decode(metadata, stored.get())) {
        if (e.pallet().equals("System") && e.variant().equals("ExtrinsicFailed")) {
          r.fail(
              "block #"
                  + block.number()
                  + ", extrinsic "
                  + e.phase()
                  + ": System.ExtrinsicFailed "
                  + e.fields());
          return;
        }
      }
    } catch (IllegalArgumentException | ScaleDecodingException e) {
      r.warnings.add("the events of #" + block.number() + " do not decode: " + e.getMessage());
    }
  }

  private Optional<RuntimeMetadata> metadataAt(Header block, Report r) {
    RuntimeCalls calls = new RuntimeCalls(chain, runtimes);
    try {
      RuntimeCode code = calls.codeAt(block);
      Bytes opaque = null;
      if (code.version().apiVersion("Metadata").orElse(0L) >= 2) {
        ScaleReader reader =
            new ScaleReader(
                calls
                    .call(
                        block,
                        "Metadata_metadata_at_version",
                        new ScaleWriter(4).writeU32(15).toBytes())
                    .unsafeArray());
        if (reader.readU8() == 1) {
          opaque = reader.readByteVec();
        }
      }
      if (opaque == null) {
        opaque =
            new ScaleReader(calls.call(block, "Metadata_metadata", Bytes.EMPTY).unsafeArray())
                .readByteVec();
      }
      return Optional.of(RuntimeMetadata.decode(opaque));
    } catch (RuntimeTrapException
        | InvalidRuntimeCodeException
        | ScaleDecodingException
        | IllegalArgumentException e) {
      r.warnings.add(
          "the runtime's metadata at #" + block.number() + " is unreadable: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** How many of {@code hashes} the blocks from {@code first} to {@code last} include. */
  private int included(List<Hash256> hashes, Header first, Header last) {
    java.util.Set<Hash256> wanted = new java.util.HashSet<>(hashes);
    int found = 0;
    for (Header h = last; h.number() >= first.number(); h = chain.requireHeader(h.parentHash())) {
      for (Bytes extrinsic : chain.body(h.hash()).orElse(List.of())) {
        if (wanted.remove(PoolTransaction.hashOf(PoolTransaction.withLengthPrefix(extrinsic)))) {
          found++;
        }
      }
      if (h.number() == first.number()) {
        break;
      }
    }
    return found;
  }

  private Header seal(SealRequest request) {
    CreatedBlock created;
    try {
      created = sealer.createBlock(request).join();
    } catch (CompletionException e) {
      long number = chain.best().number() + 1;
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new BlockFailure("block #" + number + " could not be built: " + cause.getMessage());
    }
    return chain.requireHeader(created.hash());
  }

  private static String trap(RuntimeTrapException e) {
    return e.panicMessage().map(p -> "panicked: " + p).orElse(String.valueOf(e.getMessage()));
  }

  private static UpgradeReport.BlockAt at(Header h) {
    return new UpgradeReport.BlockAt(h.number(), h.hash());
  }

  private static UpgradeReport.Version version(RuntimeVersion v) {
    return new UpgradeReport.Version(v.specName(), v.specVersion());
  }

  /** A block the sealer could not build. */
  private static final class BlockFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BlockFailure(String message) {
      super(message);
    }
  }

  /** The report as it is filled in. */
  private static final class Report {
    final String chain;
    UpgradeReport.BlockAt start;
    UpgradeReport.Version before;
    Optional<UpgradeReport.Version> newCode = Optional.empty();
    Optional<UpgradeReport.Version> after = Optional.empty();
    Optional<UpgradeReport.BlockAt> codeBlock = Optional.empty();
    Optional<UpgradeReport.BlockAt> upgradeBlock = Optional.empty();
    int blocksAfter;
    List<UpgradeReport.Event> events = List.of();
    List<String> logs = List.of();
    List<UpgradeReport.DiffGroup> diff = List.of();
    Optional<UpgradeReport.Weight> weight = Optional.empty();
    Optional<UpgradeReport.Proof> proof = Optional.empty();
    UpgradeReport.TryRuntime tryRuntime = new UpgradeReport.TryRuntime.Skipped("not reached");
    Optional<UpgradeReport.Comparison> comparison = Optional.empty();
    Optional<UpgradeReport.PoolUse> pool = Optional.empty();
    final List<String> warnings = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    Report(String chain) {
      this.chain = chain;
    }

    void fail(String line) {
      failures.add(line);
    }

    UpgradeReport build() {
      return new UpgradeReport(
          chain,
          start,
          before,
          newCode,
          after,
          codeBlock,
          upgradeBlock,
          blocksAfter,
          events,
          logs,
          diff,
          weight,
          proof,
          tryRuntime,
          comparison,
          pool,
          warnings,
          failures);
    }
  }
}
