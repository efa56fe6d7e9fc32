/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.sync;

import io.basalt.network.codec.Decoding;
import io.basalt.network.codec.ProtoReader;
import io.basalt.network.codec.ProtoWriter;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.types.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One block of a block response (protobuf {@code api.v1.BlockData}): {@code hash = 1}, {@code
 * header = 2} (SCALE header, empty when not requested), {@code body = 3} (repeated: each the
 * extrinsic's own SCALE encoding, which starts with its compact length), {@code justification = 6}
 * with {@code is_empty_justification = 7} telling an empty justification from none, {@code
 * justifications = 8} (SCALE {@code Justifications}, kept raw), {@code indexed_body = 9}. Receipt,
 * message queue and additional data are skipped.
 *
 * @param hash the block hash
 * @param header the header, when requested
 * @param body the extrinsics, when requested (empty otherwise)
 * @param indexedBody the indexed transactions, when requested
 * @param justification the single justification (GRANDPA's), when present
 * @param isEmptyJustification whether the justification is present but empty
 * @param justifications all justifications as SCALE {@code Vec<(ConsensusEngineId, Vec<u8>)>}
 */
public record BlockData(
    Hash256 hash,
    Optional<Header> header,
    List<Bytes> body,
    List<Bytes> indexedBody,
    Optional<Bytes> justification,
    boolean isEmptyJustification,
    Optional<Bytes> justifications) {

  public BlockData {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(header, "header");
    body = List.copyOf(body);
    indexedBody = List.copyOf(indexedBody);
    Objects.requireNonNull(justification, "justification");
    Objects.requireNonNull(justifications, "justifications");
  }

  /** A block with just its header. */
  public static BlockData ofHeader(Header header) {
    return new BlockData(
        header.hash(),
        Optional.of(header),
        List.of(),
        List.of(),
        Optional.empty(),
        false,
        Optional.empty());
  }

  public byte[] encode() {
    return write(new ProtoWriter()).toByteArray();
  }

  ProtoWriter write(ProtoWriter w) {
    w.bytes(1, hash.unsafeArray());
    header.ifPresent(h -> w.bytes(2, Header.CODEC.encode(h)));
    body.forEach(e -> w.bytes(3, e));
    justification.ifPresent(j -> w.bytesIfSet(6, j));
    w.boolIfSet(7, isEmptyJustification);
    justifications.ifPresent(j -> w.bytesIfSet(8, j));
    indexedBody.forEach(e -> w.bytes(9, e));
    return w;
  }

  /**
   * Decodes one block's data. An empty {@code header} or {@code justifications} field means absent;
   * the justification is present when non-empty or flagged empty.
   *
   * @throws FrameException if the bytes are not valid block data
   */
  public static BlockData decode(byte[] bytes) {
    return Decoding.protobuf(bytes, "BlockData", BlockData::read);
  }

  static BlockData read(ProtoReader r) {
    Bytes hash = Bytes.EMPTY;
    Bytes header = Bytes.EMPTY;
    List<Bytes> body = new ArrayList<>();
    List<Bytes> indexed = new ArrayList<>();
    Bytes justification = Bytes.EMPTY;
    boolean emptyJustification = false;
    Bytes justifications = Bytes.EMPTY;
    for (int field; (field = r.next()) != 0; ) {
      switch (field) {
        case 1 -> hash = r.bytes();
        case 2 -> header = r.bytes();
        case 3 -> body.add(r.bytes());
        case 6 -> justification = r.bytes();
        case 7 -> emptyJustification = r.bool();
        case 8 -> justifications = r.bytes();
        case 9 -> indexed.add(r.bytes());
        default -> r.skip();
      }
    }
    if (hash.length() != Hash256.LENGTH) {
      throw r.fail("a block hash of " + hash.length() + " bytes");
    }
    Optional<Header> decodedHeader;
    try {
      decodedHeader =
          header.isEmpty() ? Optional.empty() : Optional.of(Header.CODEC.decode(header));
    } catch (ScaleDecodingException | IllegalArgumentException e) {
      throw r.fail("the header does not decode: " + e.getMessage());
    }
    return new BlockData(
        Hash256.wrap(hash.toArray()),
        decodedHeader,
        body,
        indexed,
        justification.isEmpty() && !emptyJustification
            ? Optional.empty()
            : Optional.of(justification),
        emptyJustification,
        justifications.isEmpty() ? Optional.empty() : Optional.of(justifications));
  }
}
