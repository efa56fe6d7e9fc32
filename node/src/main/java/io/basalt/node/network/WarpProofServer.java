/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import io.basalt.network.warp.WarpProofRequest;
import io.basalt.network.warp.WarpSyncFragment;
import io.basalt.network.warp.WarpSyncProof;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.consensus.grandpa.ConsensusLog;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import io.basalt.storage.block.BlockRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Answers {@code /sync/warp} requests as Substrate's warp proof provider does: from the finalized
 * block {@code begin}, the header and GRANDPA justification of each finalized block that enacts a
 * standard authority-set change (the last block its old set finalized), then the latest finalized
 * block's; the proof is finished once it reaches the finalized head, and stops early, unfinished,
 * at 8 MiB.
 *
 * <p>Set changes are found from the headers' GRANDPA {@code ScheduledChange} digests (announced at
 * #N with delay d, enacted at #N+d), walking the finalized chain above {@code begin}. Forced
 * changes carry no justification of the old set and are not proven.
 */
public final class WarpProofServer {
  /** Substrate's {@code MAX_WARP_SYNC_PROOF_SIZE}. */
  public static final int MAX_PROOF_BYTES = 8 * 1024 * 1024;

  private final Blockchain chain;

  public WarpProofServer(Blockchain chain) {
    this.chain = chain;
  }

  /**
   * The proof from {@code request.begin()}.
   *
   * @throws IllegalArgumentException if the start block is unknown or not finalized
   */
  public WarpSyncProof serve(WarpProofRequest request) {
    Header begin =
        chain
            .header(request.begin())
            .orElseThrow(
                () -> new IllegalArgumentException("unknown warp start block " + request.begin()));
    BlockRef finalized = chain.finalized();
    if (begin.number() > finalized.number()
        || !chain.canonicalHash(begin.number()).map(request.begin()::equals).orElse(false)) {
      throw new IllegalArgumentException("warp start block " + request.begin() + " is not final");
    }
    List<WarpSyncFragment> fragments = new ArrayList<>();
    long size = 0;
    TreeSet<Long> enactments = new TreeSet<>();
    long lastNumber = begin.number();
    for (long n = begin.number() + 1; n <= finalized.number(); n++) {
      Optional<Header> found = chain.canonicalHash(n).flatMap(chain::header);
      if (found.isEmpty()) {
        break;
      }
      Header header = found.get();
      for (ConsensusLog log : ConsensusLog.of(header)) {
        if (log instanceof ConsensusLog.ScheduledChange change) {
          enactments.add(n + change.delay());
        }
      }
      boolean head = n == finalized.number();
      if (!enactments.remove(n) && !head) {
        continue;
      }
      Optional<Bytes> justification = grandpaJustification(header.hash());
      if (justification.isEmpty() && head) {
        // The head has no justification of its own: prove the highest block that has one.
        Optional<Header> justified = highestJustified(header, begin.number());
        if (justified.isPresent()) {
          header = justified.get();
          justification = grandpaJustification(header.hash());
        }
      }
      if (justification.isEmpty() || header.number() <= lastNumber) {
        continue; // nothing to prove it with: the next fragment will
      }
      WarpSyncFragment fragment = new WarpSyncFragment(header, justification.get());
      int fragmentSize = fragment.encode().length;
      if (size + fragmentSize > MAX_PROOF_BYTES) {
        return new WarpSyncProof(fragments, false);
      }
      fragments.add(fragment);
      size += fragmentSize;
      lastNumber = header.number();
    }
    // Finished unless the size cap stopped us (returned above): the head, or the highest block
    // with a justification below it, is the last a peer can be shown.
    return new WarpSyncProof(fragments, true);
  }

  /** The highest block at or below {@code from} and above {@code floor} with a justification. */
  private Optional<Header> highestJustified(Header from, long floor) {
    Header at = from;
    while (at.number() > floor) {
      if (grandpaJustification(at.hash()).isPresent()) {
        return Optional.of(at);
      }
      Optional<Header> parent = chain.header(at.parentHash());
      if (parent.isEmpty()) {
        return Optional.empty();
      }
      at = parent.get();
    }
    return Optional.empty();
  }

  private Optional<Bytes> grandpaJustification(Hash256 block) {
    return chain.justifications(block).orElse(List.of()).stream()
        .filter(j -> j.engine().equals(EngineId.GRANDPA))
        .map(Justification::encoded)
        .filter(j -> j.length() > 0)
        .findFirst();
  }
}
