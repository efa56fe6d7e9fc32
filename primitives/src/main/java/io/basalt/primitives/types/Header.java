/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.types;

import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A block header: {@code parent_hash ‖ Compact<number> ‖ state_root ‖ extrinsics_root ‖ digest}.
 *
 * @param parentHash hash of the parent header (zero for genesis)
 * @param number block number (a compact u32 on Polkadot-family chains)
 * @param stateRoot trie root of the state after this block
 * @param extrinsicsRoot ordered trie root of the body's extrinsics
 * @param digest the digest logs, in order
 */
public record Header(
    Hash256 parentHash,
    long number,
    Hash256 stateRoot,
    Hash256 extrinsicsRoot,
    List<DigestItem> digest) {

  public static final ScaleCodec<Header> CODEC =
      ScaleCodec.of("Header", Header::encode, Header::decode);

  public Header {
    digest = List.copyOf(digest);
    if (number < 0) {
      throw new IllegalArgumentException("block number must be non-negative: " + number);
    }
  }

  /** The block hash: BLAKE2b-256 of the SCALE header, seal included. */
  public Hash256 hash() {
    return Hashing.blake2b256Hash(CODEC.encode(this));
  }

  /** The trailing Seal item, if the last digest item is one. */
  public Optional<DigestItem.Seal> seal() {
    return digest.isEmpty() || !(digest.getLast() instanceof DigestItem.Seal s)
        ? Optional.empty()
        : Optional.of(s);
  }

  /** This header without its trailing seal: what the runtime sees in {@code execute_block}. */
  public Header withoutSeal() {
    if (seal().isEmpty()) {
      return this;
    }
    return new Header(
        parentHash, number, stateRoot, extrinsicsRoot, digest.subList(0, digest.size() - 1));
  }

  /** This header with one more digest item at the end. */
  public Header withDigestItem(DigestItem item) {
    List<DigestItem> items = new ArrayList<>(digest);
    items.add(item);
    return new Header(parentHash, number, stateRoot, extrinsicsRoot, items);
  }

  private static void encode(ScaleWriter w, Header h) {
    w.writeHash(h.parentHash);
    w.writeCompact(h.number);
    w.writeHash(h.stateRoot);
    w.writeHash(h.extrinsicsRoot);
    w.writeVec(h.digest, DigestItem.CODEC);
  }

  private static Header decode(ScaleReader r) {
    Hash256 parent = r.readHash256();
    long number = r.readCompactLong();
    if (number < 0) {
      throw new io.basalt.primitives.scale.ScaleDecodingException(
          r.position(), "Header", "block number exceeds 63 bits");
    }
    Hash256 stateRoot = r.readHash256();
    Hash256 extrinsicsRoot = r.readHash256();
    return new Header(parent, number, stateRoot, extrinsicsRoot, r.readVec(DigestItem.CODEC));
  }
}
