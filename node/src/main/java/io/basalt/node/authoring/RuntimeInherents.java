/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;

/**
 * The inherent data a runtime needs beyond the timestamp and its consensus engine's slot, decided
 * from the runtime APIs it declares, never from the chain's name. Today that is the parachains
 * inherent of a relay chain (a runtime with the {@code ParachainHost} API): {@code parachn0}, an
 * empty {@code ParachainsInherentData} on the parent header, as Chopsticks provides it to a relay
 * chain without collators. The block then carries no bitfields, candidates or disputes.
 *
 * <pre>{@code
 * InherentData data = RuntimeInherents.complete(code.version(), parent,
 *     InherentData.empty().withTimestamp(slot * 6000));
 * }</pre>
 */
public final class RuntimeInherents {
  /** The parachains inherent's identifier. */
  public static final Bytes PARACHAINS = InherentData.identifier("parachn0");

  /** The runtime API a relay chain's runtime declares. */
  public static final String PARACHAIN_HOST_API = "ParachainHost";

  private RuntimeInherents() {}

  /**
   * {@code base} with the inherent data {@code runtime} needs on top of {@code parent}; values
   * already in {@code base} are kept.
   */
  public static InherentData complete(RuntimeVersion runtime, Header parent, InherentData base) {
    InherentData data = base;
    if (runtime.apiVersion(PARACHAIN_HOST_API).isPresent()
        && !data.values().containsKey(PARACHAINS)) {
      data = data.with(PARACHAINS, emptyParachainsInherent(parent));
    }
    return data;
  }

  /**
   * {@code ParachainsInherentData { bitfields: [], backed_candidates: [], disputes: [],
   * parent_header }}: three empty vectors, then the SCALE parent header. Its shape is the same in
   * every runtime generation so far (the element types of the vectors changed, not the fields).
   */
  public static Bytes emptyParachainsInherent(Header parent) {
    byte[] header = Header.CODEC.encode(parent);
    return new ScaleWriter(header.length + 3)
        .writeCompact(0)
        .writeCompact(0)
        .writeCompact(0)
        .writeRaw(header)
        .toBytes();
  }
}
