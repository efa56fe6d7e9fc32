/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the {@code author_*} methods ask the node: its transaction pool and key store. Pool refusals
 * are {@link io.basalt.rpc.dispatch.RpcException}s with sc-rpc-api's author codes (1001 bad format,
 * 1010 invalid transaction with the runtime's reason, 1011…1019 pool errors).
 */
public interface AuthorApi {
  /**
   * Validates an extrinsic at the best block and adds it to the pool.
   *
   * @param extrinsic the SCALE-encoded extrinsic, with its compact length prefix
   * @return its hash
   * @throws io.basalt.rpc.dispatch.RpcException if the pool refuses it
   */
  Hash256 submit(Bytes extrinsic);

  /**
   * Like {@link #submit}, then streams the transaction's status to {@code listener}, starting with
   * {@code ready} or {@code future}, until a {@linkplain ExtrinsicStatus#isFinal() final} one.
   *
   * @return stops the stream ({@code author_unwatchExtrinsic})
   * @throws io.basalt.rpc.dispatch.RpcException if the pool refuses it (nothing is streamed)
   */
  Cancellable submitAndWatch(Bytes extrinsic, Consumer<ExtrinsicStatus> listener);

  /** The ready transactions' extrinsics, in block order. */
  List<Bytes> pendingExtrinsics();

  /**
   * Removes transactions (and those depending on them) from the pool and bans them for a while.
   *
   * @return the hashes of every transaction removed
   */
  List<Hash256> remove(Collection<Hash256> hashes);

  /** Stores a key in the key store; the public key is the caller's claim. */
  void insertKey(KeyTypeId keyType, String suri, Bytes publicKey);

  /**
   * New session keys from the runtime's {@code SessionKeys_generate_session_keys} at the best
   * block, with the key store (the SCALE-encoded session keys).
   *
   * @throws RuntimeCallException if the runtime fails
   */
  Bytes rotateKeys();

  /**
   * Whether the key store holds every key of encoded session keys (decoded by the runtime's {@code
   * SessionKeys_decode_session_keys} at the best block).
   *
   * @return empty if the runtime cannot decode them
   * @throws RuntimeCallException if the runtime fails
   */
  Optional<Boolean> hasSessionKeys(Bytes sessionKeys);

  /** Whether the key store holds the key {@code publicKey} of {@code keyType}. */
  boolean hasKey(Bytes publicKey, KeyTypeId keyType);
}
