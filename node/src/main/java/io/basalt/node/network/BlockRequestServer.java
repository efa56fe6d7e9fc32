/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import io.basalt.network.sync.BlockAttribute;
import io.basalt.network.sync.BlockData;
import io.basalt.network.sync.BlockRequest;
import io.basalt.network.sync.BlockResponse;
import io.basalt.network.sync.Direction;
import io.basalt.network.sync.FromBlock;
import io.basalt.node.chain.Blockchain;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers {@code /sync/2} block requests from the database, as Substrate's block request handler
 * does: at most 128 blocks, and no more once the response passes 8 MiB (but always the first
 * block); ascending walks the canonical chain by number, descending follows parent hashes; an
 * unknown first block gives an empty response.
 */
public final class BlockRequestServer {
  /** Substrate's {@code MAX_BLOCKS_IN_RESPONSE}. */
  public static final int MAX_BLOCKS_IN_RESPONSE = 128;

  /** Substrate's {@code MAX_BODY_BYTES}: a response stops growing past it. */
  public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  private final Blockchain chain;

  public BlockRequestServer(Blockchain chain) {
    this.chain = chain;
  }

  /** The response to {@code request}. */
  public BlockResponse serve(BlockRequest request) {
    int max =
        request.maxBlocks() <= 0
            ? MAX_BLOCKS_IN_RESPONSE
            : Math.min(request.maxBlocks(), MAX_BLOCKS_IN_RESPONSE);
    Optional<Header> next = first(request.from());
    List<BlockData> blocks = new ArrayList<>();
    long size = 0;
    while (next.isPresent() && blocks.size() < max) {
      Header header = next.get();
      BlockData data = blockData(header, request.fields(), request.supportMultipleJustifications());
      long dataSize = sizeOf(data);
      if (!blocks.isEmpty() && size + dataSize > MAX_BODY_BYTES) {
        break;
      }
      blocks.add(data);
      size += dataSize;
      next = following(header, request.direction());
    }
    return new BlockResponse(blocks);
  }

  private Optional<Header> first(FromBlock from) {
    return switch (from) {
      case FromBlock.Hash hash -> chain.header(hash.hash());
      case FromBlock.Number number -> chain.canonicalHash(number.number()).flatMap(chain::header);
    };
  }

  private Optional<Header> following(Header header, Direction direction) {
    if (direction == Direction.DESCENDING) {
      return header.number() == 0 ? Optional.empty() : chain.header(header.parentHash());
    }
    // Ascending: the canonical chain, and only while the block we came from is on it.
    Hash256 hash = header.hash();
    if (!chain.canonicalHash(header.number()).map(hash::equals).orElse(false)) {
      return Optional.empty();
    }
    return chain.canonicalHash(header.number() + 1).flatMap(chain::header);
  }

  private BlockData blockData(Header header, Set<BlockAttribute> fields, boolean multiple) {
    Hash256 hash = header.hash();
    List<Bytes> body =
        fields.contains(BlockAttribute.BODY)
            ? chain.body(hash).orElse(List.of()).stream()
                .map(extrinsic -> Bytes.of(ScaleCodec.BYTES.encode(extrinsic)))
                .toList()
            : List.of();
    Optional<Bytes> justification = Optional.empty();
    Optional<Bytes> justifications = Optional.empty();
    boolean emptyJustification = false;
    if (fields.contains(BlockAttribute.JUSTIFICATION)) {
      List<Justification> all = chain.justifications(hash).orElse(List.of());
      if (multiple) {
        if (!all.isEmpty()) {
          justifications = Optional.of(Bytes.of(Justification.LIST_CODEC.encode(all)));
        }
      } else {
        Optional<Bytes> grandpa =
            all.stream()
                .filter(j -> j.engine().equals(EngineId.GRANDPA))
                .map(Justification::encoded)
                .findFirst();
        justification = grandpa.filter(j -> j.length() > 0);
        emptyJustification = grandpa.map(j -> j.length() == 0).orElse(false);
      }
    }
    return new BlockData(
        hash,
        fields.contains(BlockAttribute.HEADER) ? Optional.of(header) : Optional.empty(),
        body,
        List.of(),
        justification,
        emptyJustification,
        justifications);
  }

  private static long sizeOf(BlockData data) {
    long size = data.header().map(h -> (long) Header.CODEC.encode(h).length).orElse(0L);
    for (Bytes extrinsic : data.body()) {
      size += extrinsic.length();
    }
    size += data.justification().map(Bytes::length).orElse(0);
    size += data.justifications().map(Bytes::length).orElse(0);
    return size;
  }
}
