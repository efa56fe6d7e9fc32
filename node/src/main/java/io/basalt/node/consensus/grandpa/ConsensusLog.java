/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import java.util.ArrayList;
import java.util.List;

/**
 * A GRANDPA message from the runtime to the node, carried in a header as a consensus digest under
 * engine {@code FRNK} ({@code sp_consensus_grandpa::ConsensusLog<u32>}; variant indices start at
 * 1). Block numbers are u32.
 *
 * <pre>{@code
 * for (ConsensusLog log : ConsensusLog.of(header)) {
 *   if (log instanceof ConsensusLog.ScheduledChange change) { ... }
 * }
 * }</pre>
 */
public sealed interface ConsensusLog {
  /**
   * Index 1: the authority set changes to {@code nextAuthorities} once the block {@code delay}
   * blocks after the announcing one is finalized.
   */
  record ScheduledChange(List<Authority> nextAuthorities, long delay) implements ConsensusLog {
    public static final ScaleCodec<ScheduledChange> CODEC =
        ScaleCodec.of(
            "ScheduledChange",
            (w, c) -> w.writeVec(c.nextAuthorities, Authority.CODEC).writeU32(c.delay),
            r -> new ScheduledChange(r.readVec(Authority.CODEC), r.readU32AsLong()));

    public ScheduledChange {
      nextAuthorities = List.copyOf(nextAuthorities);
    }
  }

  /**
   * Index 2: the authority set changes when the block {@code delay} blocks after the announcing one
   * is imported on its fork, without waiting for finality; the new set votes from {@code
   * medianLastFinalized}.
   */
  record ForcedChange(long medianLastFinalized, ScheduledChange change) implements ConsensusLog {}

  /** Index 3: the authority at this index is disabled. */
  record OnDisabled(long authorityIndex) implements ConsensusLog {}

  /** Index 4: voting pauses {@code delay} blocks after this one. */
  record Pause(long delay) implements ConsensusLog {}

  /** Index 5: voting resumes {@code delay} blocks after this one. */
  record Resume(long delay) implements ConsensusLog {}

  ScaleCodec<ConsensusLog> CODEC =
      ScaleCodec.of("ConsensusLog", ConsensusLog::encode, ConsensusLog::decode);

  /**
   * The GRANDPA logs of a header, in digest order.
   *
   * @throws ScaleDecodingException if a {@code FRNK} consensus digest is not a {@code ConsensusLog}
   */
  static List<ConsensusLog> of(Header header) {
    List<ConsensusLog> logs = new ArrayList<>();
    for (DigestItem item : header.digest()) {
      if (item instanceof DigestItem.Consensus(EngineId engine, Bytes data)
          && engine.equals(EngineId.GRANDPA)) {
        logs.add(CODEC.decode(data));
      }
    }
    return List.copyOf(logs);
  }

  /** This log as a header digest item. */
  default DigestItem toDigest() {
    return new DigestItem.Consensus(EngineId.GRANDPA, Bytes.wrap(CODEC.encode(this)));
  }

  private static void encode(ScaleWriter w, ConsensusLog log) {
    switch (log) {
      case ScheduledChange c -> ScheduledChange.CODEC.encode(w.writeU8(1), c);
      case ForcedChange(long median, ScheduledChange c) ->
          ScheduledChange.CODEC.encode(w.writeU8(2).writeU32(median), c);
      case OnDisabled(long index) -> w.writeU8(3).writeU64(index);
      case Pause(long delay) -> w.writeU8(4).writeU32(delay);
      case Resume(long delay) -> w.writeU8(5).writeU32(delay);
    }
  }

  private static ConsensusLog decode(ScaleReader r) {
    int at = r.position();
    int index = r.readU8();
    return switch (index) {
      case 1 -> ScheduledChange.CODEC.decode(r);
      case 2 -> new ForcedChange(r.readU32AsLong(), ScheduledChange.CODEC.decode(r));
      case 3 -> new OnDisabled(r.readI64());
      case 4 -> new Pause(r.readU32AsLong());
      case 5 -> new Resume(r.readU32AsLong());
      default ->
          throw new ScaleDecodingException(at, "ConsensusLog", "unknown variant index " + index);
    };
  }
}
