/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.List;
import java.util.Optional;

/**
 * A validated transaction in the pool (sc-transaction-pool's {@code base_pool::Transaction}).
 *
 * @param hash BLAKE2b-256 of {@code extrinsic}
 * @param extrinsic the encoded extrinsic, with its compact length prefix (what {@code
 *     BlockBuilder_apply_extrinsic} and {@code author_submitExtrinsic} take)
 * @param source where it came from
 * @param priority the runtime's priority (unsigned)
 * @param validTill the first block number at which it is stale: validated-at + longevity,
 *     saturating (unsigned)
 * @param requires tags it needs from earlier transactions
 * @param provides tags it provides
 * @param propagate whether it may be gossiped
 * @param validatedAt the number of the block it was last validated at
 */
public record PoolTransaction(
    Hash256 hash,
    Bytes extrinsic,
    TransactionSource source,
    long priority,
    long validTill,
    List<Bytes> requires,
    List<Bytes> provides,
    boolean propagate,
    long validatedAt) {

  public PoolTransaction {
    requires = List.copyOf(requires);
    provides = List.copyOf(provides);
  }

  /** A transaction validated at block {@code at} with the runtime's answer. */
  static PoolTransaction validated(
      Hash256 hash, Bytes extrinsic, TransactionSource source, ValidTransaction v, long at) {
    long validTill = at + v.longevity();
    if (Long.compareUnsigned(validTill, at) < 0) {
      validTill = -1L; // saturated at u64::MAX
    }
    return new PoolTransaction(
        hash,
        extrinsic,
        source,
        v.priority(),
        validTill,
        v.requires(),
        v.provides(),
        v.propagate(),
        at);
  }

  /** The size the pool's byte limits count: the encoded length. */
  public int bytes() {
    return extrinsic.length();
  }

  /** The extrinsic without its length prefix: the item a block body holds. */
  public Bytes payload() {
    return new ScaleReader(extrinsic).readByteVec();
  }

  /** The hash the pool identifies an encoded extrinsic by: BLAKE2b-256 of its bytes. */
  public static Hash256 hashOf(Bytes extrinsic) {
    return Hashing.blake2b256Hash(extrinsic.unsafeArray());
  }

  /** A block body item (a payload) as the pool holds it: with its compact length prefix. */
  public static Bytes withLengthPrefix(Bytes payload) {
    return new ScaleWriter(payload.length() + 5).writeByteVec(payload).toBytes();
  }

  /** Why {@code extrinsic} is not {@code compact(length) ‖ payload} of exactly that length. */
  static Optional<String> formatProblem(Bytes extrinsic) {
    ScaleReader r = new ScaleReader(extrinsic);
    try {
      int length = r.readCompactInt();
      if (r.remaining() != length) {
        return Optional.of(
            "the length prefix says " + length + " byte(s) but " + r.remaining() + " follow it");
      }
      return Optional.empty();
    } catch (ScaleDecodingException e) {
      return Optional.of(e.getMessage());
    }
  }
}
