/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.types;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import java.util.List;

/**
 * A finality proof from one consensus engine (e.g. a GRANDPA commit under {@code FRNK}).
 *
 * @param engine the engine that produced it
 * @param encoded the engine-specific encoded proof
 */
public record Justification(EngineId engine, Bytes encoded) {
  public static final ScaleCodec<Justification> CODEC =
      ScaleCodec.of(
          "Justification",
          (w, j) -> w.writeRaw(j.engine.toBytes()).writeByteVec(j.encoded),
          r ->
              new Justification(
                  EngineId.fromBytes(r.readRaw(4, "ConsensusEngineId")), r.readByteVec()));

  /** {@code Justifications}: a non-empty list, one per engine. */
  public static final ScaleCodec<List<Justification>> LIST_CODEC = ScaleCodec.vec(CODEC);
}
