/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleWriter;

/**
 * The runtime API behind validation: {@code TaggedTransactionQueue_validate_transaction}, whose
 * input changed with the API version (the runtime lists it in {@code RuntimeVersion.apis}):
 *
 * <ul>
 *   <li>1: {@code (tx)};
 *   <li>2: {@code (source, tx)};
 *   <li>3: {@code (source, tx, block_hash)}.
 * </ul>
 *
 * <p>{@code tx} is the encoded extrinsic with its compact length prefix. Before version 3 the
 * runtime expects to run inside a block: sc-transaction-pool first calls {@code
 * Core_initialize_block} with the header of the next block (number + 1, parent = the block
 * validated at, zero roots, empty digest) in the same overlay, then {@code validate_transaction}.
 * Every version answers a {@link TransactionValidity}.
 *
 * <pre>{@code
 * long api = version.apiVersion(TaggedTransactionQueue.API).orElseThrow();
 * byte[] input = TaggedTransactionQueue.input((int) api, source, extrinsic, at.hash());
 * TransactionValidity validity = TaggedTransactionQueue.decode(call(METHOD, input));
 * }</pre>
 */
public final class TaggedTransactionQueue {
  /** The API's name in {@code RuntimeVersion.apis}. */
  public static final String API = "TaggedTransactionQueue";

  /** The runtime export to call. */
  public static final String METHOD = "TaggedTransactionQueue_validate_transaction";

  private TaggedTransactionQueue() {}

  /**
   * The encoded arguments of {@code validate_transaction} for an API version.
   *
   * @param apiVersion the runtime's {@code TaggedTransactionQueue} version (1, 2 or 3; later
   *     versions are encoded as 3)
   * @param extrinsic the encoded extrinsic, with its compact length prefix
   * @param blockHash the block validated at (only version 3 passes it)
   * @throws IllegalArgumentException if {@code apiVersion} is below 1
   */
  public static byte[] input(
      int apiVersion, TransactionSource source, Bytes extrinsic, Hash256 blockHash) {
    if (apiVersion < 1) {
      throw new IllegalArgumentException(
          "TaggedTransactionQueue versions start at 1, got " + apiVersion);
    }
    ScaleWriter w = new ScaleWriter(extrinsic.length() + 34);
    if (apiVersion >= 2) {
      TransactionSource.CODEC.encode(w, source);
    }
    w.writeRaw(extrinsic);
    if (apiVersion >= 3) {
      w.writeHash(blockHash);
    }
    return w.toByteArray();
  }

  /**
   * Decodes the runtime's answer.
   *
   * @throws io.basalt.primitives.scale.ScaleDecodingException if it is not one {@link
   *     TransactionValidity}
   */
  public static TransactionValidity decode(Bytes output) {
    return TransactionValidity.CODEC.decode(output);
  }
}
