/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import java.util.List;

/**
 * What a chain's own consensus engine adds to the blocks the {@link DevSealer} makes on demand
 * (fast-forward): the slot a local key claims, the pre-runtime digest and inherent data that go
 * with it, and the seal. A chain without an engine (the demo chain) has none.
 */
public interface SealingEngine {
  /**
   * Claims the next block on {@code parent}, made at {@code unixMillis} (the sealer's clock).
   *
   * @throws SealingException if no local key may author on {@code parent}
   */
  Claim claim(Header parent, long unixMillis);

  /** A claimed block: what it starts with and how it is sealed. */
  interface Claim {
    /** The digest items the block starts with. */
    List<DigestItem> preDigest();

    /** The block's inherent data (its timestamp matches the claimed slot). */
    InherentData inherents();

    /** The seal of the built block, whose header is {@code unsealed}. */
    DigestItem.Seal seal(Header unsealed);
  }
}
