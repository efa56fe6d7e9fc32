/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.List;
import java.util.Optional;

/**
 * A block asked of the {@link DevSealer}: manual seal's {@code engine_createBlock} parameters, and
 * what Chopsticks' {@code dev_*} methods add (extrinsics instead of the pool's, storage written
 * into the new state).
 *
 * @param createEmpty make the block even without transactions; otherwise fail with {@link
 *     SealingException.Reason#EMPTY_TRANSACTION_POOL}
 * @param finality whether to finalize the block
 * @param parentHash the block to build on; the best block if empty
 * @param extrinsics extrinsics to apply (each with its length prefix, as submitted) instead of the
 *     pool's ready transactions; those the runtime refuses are left out
 * @param storage written into the block's state after it is built (the header's state root includes
 *     it), so reads at the new block return exactly these values
 */
public record SealRequest(
    boolean createEmpty,
    Finality finality,
    Optional<Hash256> parentHash,
    Optional<List<Bytes>> extrinsics,
    List<StorageOverride> storage) {
  public SealRequest {
    extrinsics = extrinsics.map(List::copyOf);
    storage = List.copyOf(storage);
  }

  /** Whether the new block is finalized. */
  public enum Finality {
    /** Not finalized. */
    NONE,
    /** Finalized, even on another fork (which moves the best block there). */
    FINALIZE,
    /** Finalized if it became the best block and the sealer finalizes its own blocks at once. */
    AS_SEALED
  }

  /** {@code engine_createBlock(createEmpty, finalize, parentHash)}. */
  public static SealRequest engine(
      boolean createEmpty, boolean finalize, Optional<Hash256> parentHash) {
    return new SealRequest(
        createEmpty,
        finalize ? Finality.FINALIZE : Finality.NONE,
        parentHash,
        Optional.empty(),
        List.of());
  }

  /** A block on the best block, empty or not, finalized as the sealer's own blocks are. */
  public static SealRequest next() {
    return new SealRequest(true, Finality.AS_SEALED, Optional.empty(), Optional.empty(), List.of());
  }

  /** This request with these extrinsics instead of the pool's. */
  public SealRequest withExtrinsics(List<Bytes> encoded) {
    return new SealRequest(createEmpty, finality, parentHash, Optional.of(encoded), storage);
  }

  /** This request built on {@code parent}. */
  public SealRequest on(Hash256 parent) {
    return new SealRequest(createEmpty, finality, Optional.of(parent), extrinsics, storage);
  }

  /** This request with storage written into the new block's state. */
  public SealRequest withStorage(List<StorageOverride> overrides) {
    return new SealRequest(createEmpty, finality, parentHash, extrinsics, overrides);
  }
}
