/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.upgrade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.primitives.bytes.Hash256;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a rehearsal found: the versions before and after, the blocks it built, the migration's
 * events and log lines, the upgrade block's storage diff, weight and proof size, the TryRuntime
 * checks, native-vs-Wasm divergences, warnings, and failures (the first one first). It passed when
 * nothing failed.
 *
 * @param chain the chain's name
 * @param start the block the rehearsal started from
 * @param before the runtime at {@code start}
 * @param newCode the version of the code that was tried
 * @param after the runtime at the last block built, if any was
 * @param codeBlock the block that set {@code :code}
 * @param upgradeBlock the first block run by the new code (its {@code on_runtime_upgrade} ran)
 * @param blocksAfter blocks built after the upgrade block
 * @param events the upgrade block's events
 * @param logs the runtime's log lines while it executed the upgrade block
 * @param diff the upgrade block's storage changes by pallet and item
 * @param weight the upgrade block's weight against the block limit, if the runtime reports it
 * @param proof the upgrade block's proof size against the PoV limit
 * @param tryRuntime what the TryRuntime checks did
 * @param comparison the native-vs-Wasm comparison, when asked for
 * @param pool the fork source's pending transactions put into the rehearsal's pool, if any
 * @param warnings things worth a look that do not fail the rehearsal
 * @param failures what failed, in order (each one line)
 */
public record UpgradeReport(
    String chain,
    BlockAt start,
    Version before,
    Optional<Version> newCode,
    Optional<Version> after,
    Optional<BlockAt> codeBlock,
    Optional<BlockAt> upgradeBlock,
    int blocksAfter,
    List<Event> events,
    List<String> logs,
    List<DiffGroup> diff,
    Optional<Weight> weight,
    Optional<Proof> proof,
    TryRuntime tryRuntime,
    Optional<Comparison> comparison,
    Optional<PoolUse> pool,
    List<String> warnings,
    List<String> failures) {

  public UpgradeReport {
    events = List.copyOf(events);
    logs = List.copyOf(logs);
    diff = List.copyOf(diff);
    warnings = List.copyOf(warnings);
    failures = List.copyOf(failures);
  }

  /**
   * The fork source's pending transactions ({@code author_pendingExtrinsics}) given to the
   * rehearsal's pool, and how many of them the blocks built include.
   */
  public record PoolUse(int submitted, int accepted, int included) {}

  /** Whether every check passed. */
  public boolean passed() {
    return failures.isEmpty();
  }

  /** A block by number and hash. */
  public record BlockAt(long number, Hash256 hash) {
    @Override
    public String toString() {
      return "#" + number + " (" + hash + ")";
    }
  }

  /** A runtime's name and spec version. */
  public record Version(String specName, long specVersion) {
    @Override
    public String toString() {
      return specName + "/" + specVersion;
    }
  }

  /**
   * An event.
   *
   * @param pallet the pallet's name
   * @param variant the event's name
   * @param phase when it was deposited ({@code Initialization}, {@code ApplyExtrinsic(i)}, {@code
   *     Finalization})
   * @param fields its fields decoded by the metadata
   * @param data the SCALE encoding of its fields (after the pallet and variant indices), hex
   */
  public record Event(String pallet, String variant, String phase, JsonNode fields, String data) {}

  /**
   * Storage keys one pallet item gained, changed and lost.
   *
   * @param name {@code Pallet.Item}, {@code Pallet.<unknown>} for an item not in the metadata, a
   *     well-known key such as {@code :code}, or {@code <unknown>}
   */
  public record DiffGroup(String name, int added, int changed, int removed) {}

  /**
   * The upgrade block's weight ({@code System.BlockWeight}, all classes) against {@code
   * System.BlockWeights.max_block}; a limit of {@link Long#MAX_VALUE} stands for none ({@code
   * u64::MAX}, or a runtime whose weight has no proof_size) and 0 for an unknown one.
   */
  public record Weight(long refTime, long refTimeLimit, long proofSize, long proofSizeLimit) {
    public double refTimeShare() {
      return share(refTime, refTimeLimit);
    }

    public double proofSizeShare() {
      return share(proofSize, proofSizeLimit);
    }

    private static double share(long used, long limit) {
      return limit == 0 || limit == Long.MAX_VALUE ? 0 : (double) used / limit;
    }
  }

  /**
   * The upgrade block's storage proof: the trie nodes its execution read, as a compact proof.
   *
   * @param keys the storage keys read or written
   * @param compactBytes the compact proof's SCALE size
   * @param compressedBytes its zstd-compressed size
   * @param limit the parachain PoV limit
   */
  public record Proof(int keys, long compactBytes, long compressedBytes, long limit) {
    public double share() {
      return (double) compressedBytes / limit;
    }
  }

  /** What the TryRuntime checks did. */
  public sealed interface TryRuntime {
    /** They did not run; why. */
    record Skipped(String reason) implements TryRuntime {}

    /**
     * {@code TryRuntime_on_runtime_upgrade} ran.
     *
     * @param checks what it checked
     * @param weight what it returned (the migration's weight and the block's max), hex
     * @param idempotent whether a second run left the root as it was; empty if not checked
     */
    record Ran(UpgradeCheckSelect checks, String weight, Optional<Boolean> idempotent)
        implements TryRuntime {}
  }

  /**
   * The native-vs-Wasm comparison of {@code --execution Both}.
   *
   * @param compared calls run on both
   * @param divergences what differed, one line each
   * @param note why the comparison is partial, if it is
   */
  public record Comparison(long compared, List<String> divergences, Optional<String> note) {
    public Comparison {
      divergences = List.copyOf(divergences);
    }
  }

  /** The report for people. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    line(b, "Runtime upgrade rehearsal on " + chain + ", from block " + start);
    line(b, "  runtime before: " + before);
    newCode.ifPresent(v -> line(b, "  new code:       " + v));
    after.ifPresent(v -> line(b, "  runtime after:  " + v));
    codeBlock.ifPresent(x -> line(b, "  :code set in " + x));
    upgradeBlock.ifPresent(
        x -> line(b, "  upgrade block " + x + ", then " + blocksAfter + " more block(s)"));
    if (upgradeBlock.isPresent()) {
      line(b, "Events of the upgrade block (" + events.size() + "):");
      for (Event e : events) {
        line(
            b,
            "  "
                + e.pallet()
                + "."
                + e.variant()
                + " ["
                + e.phase()
                + "] "
                + e.fields()
                + " data "
                + e.data());
      }
      line(b, "Runtime log of the upgrade block (" + logs.size() + " line(s)):");
      logs.forEach(l -> line(b, "  " + l));
      line(b, "Storage diff of the upgrade block (added/changed/removed keys):");
      for (DiffGroup g : diff) {
        line(b, "  " + g.name() + ": +" + g.added() + " ~" + g.changed() + " -" + g.removed());
      }
      weight.ifPresentOrElse(
          w ->
              line(
                  b,
                  "Weight of the upgrade block: ref_time "
                      + used(w.refTime(), w.refTimeLimit(), w.refTimeShare())
                      + ", proof_size "
                      + used(w.proofSize(), w.proofSizeLimit(), w.proofSizeShare())),
          () -> line(b, "Weight of the upgrade block: not reported by the runtime"));
      proof.ifPresent(
          p ->
              line(
                  b,
                  String.format(
                      Locale.ROOT,
                      "Proof size of the upgrade block: %d keys, compact proof %d bytes, zstd %d"
                          + " bytes (%.2f%% of the %d-byte PoV limit)",
                      p.keys(),
                      p.compactBytes(),
                      p.compressedBytes(),
                      100 * p.share(),
                      p.limit())));
    }
    switch (tryRuntime) {
      case TryRuntime.Skipped(String reason) -> line(b, "TryRuntime checks: skipped: " + reason);
      case TryRuntime.Ran(UpgradeCheckSelect checks, String w, Optional<Boolean> idempotent) ->
          line(
              b,
              "TryRuntime checks ("
                  + checks.cliName()
                  + "): passed, weight "
                  + w
                  + idempotent
                      .map(i -> i ? "; idempotent" : "; NOT idempotent")
                      .orElse("; idempotency not checked"));
    }
    comparison.ifPresent(
        c -> {
          line(
              b,
              "Native vs Wasm: "
                  + c.compared()
                  + " call(s) compared, "
                  + c.divergences().size()
                  + " divergence(s)"
                  + c.note().map(n -> " (" + n + ")").orElse(""));
          c.divergences().forEach(d -> line(b, "  " + d));
        });
    pool.ifPresent(
        p ->
            line(
                b,
                "Pool: "
                    + p.submitted()
                    + " pending transaction(s) of the fork source, "
                    + p.accepted()
                    + " accepted, "
                    + p.included()
                    + " included in the blocks built"));
    warnings.forEach(w -> line(b, "Warning: " + w));
    if (failures.isEmpty()) {
      line(b, "Result: PASSED");
    } else {
      line(b, "First failure: " + failures.getFirst());
      failures.stream().skip(1).forEach(f -> line(b, "Failure: " + f));
      line(b, "Result: FAILED");
    }
    return b.toString();
  }

  /** The report as JSON ({@code --output-type json}). */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode o = mapper.createObjectNode();
    o.put("chain", chain);
    o.put("passed", passed());
    o.set("start", block(mapper, start));
    o.set("before", version(mapper, before));
    newCode.ifPresent(v -> o.set("newCode", version(mapper, v)));
    after.ifPresent(v -> o.set("after", version(mapper, v)));
    codeBlock.ifPresent(x -> o.set("codeBlock", block(mapper, x)));
    upgradeBlock.ifPresent(x -> o.set("upgradeBlock", block(mapper, x)));
    o.put("blocksAfter", blocksAfter);
    ArrayNode ev = o.putArray("events");
    for (Event e : events) {
      ObjectNode n = ev.addObject();
      n.put("pallet", e.pallet());
      n.put("variant", e.variant());
      n.put("phase", e.phase());
      n.set("fields", e.fields());
      n.put("data", e.data());
    }
    ArrayNode lg = o.putArray("logs");
    logs.forEach(lg::add);
    ArrayNode df = o.putArray("storageDiff");
    for (DiffGroup g : diff) {
      df.addObject()
          .put("item", g.name())
          .put("added", g.added())
          .put("changed", g.changed())
          .put("removed", g.removed());
    }
    weight.ifPresent(
        w ->
            o.putObject("weight")
                .put("refTime", w.refTime())
                .put("refTimeLimit", w.refTimeLimit())
                .put("proofSize", w.proofSize())
                .put("proofSizeLimit", w.proofSizeLimit()));
    proof.ifPresent(
        p ->
            o.putObject("proof")
                .put("keys", p.keys())
                .put("compactBytes", p.compactBytes())
                .put("zstdBytes", p.compressedBytes())
                .put("limit", p.limit()));
    ObjectNode tr = o.putObject("tryRuntime");
    switch (tryRuntime) {
      case TryRuntime.Skipped(String reason) -> tr.put("ran", false).put("reason", reason);
      case TryRuntime.Ran(UpgradeCheckSelect checks, String w, Optional<Boolean> idempotent) -> {
        tr.put("ran", true).put("checks", checks.cliName()).put("weight", w);
        idempotent.ifPresent(i -> tr.put("idempotent", i));
      }
    }
    comparison.ifPresent(
        c -> {
          ObjectNode n = o.putObject("nativeVsWasm");
          n.put("compared", c.compared());
          ArrayNode d = n.putArray("divergences");
          c.divergences().forEach(d::add);
          c.note().ifPresent(x -> n.put("note", x));
        });
    pool.ifPresent(
        p ->
            o.putObject("pool")
                .put("submitted", p.submitted())
                .put("accepted", p.accepted())
                .put("included", p.included()));
    ArrayNode wn = o.putArray("warnings");
    warnings.forEach(wn::add);
    ArrayNode fl = o.putArray("failures");
    failures.forEach(fl::add);
    try {
      return mapper.writeValueAsString(o) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report does not serialise: " + e.getMessage(), e);
    }
  }

  private static String used(long used, long limit, double share) {
    if (limit == Long.MAX_VALUE || limit == 0) {
      return used + " (no limit)";
    }
    return String.format(Locale.ROOT, "%d of %d (%.1f%%)", used, limit, 100 * share);
  }

  private static ObjectNode block(ObjectMapper mapper, BlockAt x) {
    return mapper.createObjectNode().put("number", x.number()).put("hash", x.hash().toHex());
  }

  private static ObjectNode version(ObjectMapper mapper, Version v) {
    return mapper
        .createObjectNode()
        .put("specName", v.specName())
        .put("specVersion", v.specVersion());
  }

  private static void line(StringBuilder b, String s) {
    b.append(s).append(System.lineSeparator());
  }
}
