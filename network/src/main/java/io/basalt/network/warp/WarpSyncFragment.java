/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.warp;

import io.basalt.network.codec.Decoding;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Header;
import java.util.Objects;

/**
 * One step of a warp sync proof, SCALE {@code header ‖ justification}: the header of a block that
 * enacts an authority-set change, and the GRANDPA justification finalizing it, kept as its raw
 * SCALE bytes. To find where the justification ends, its structure is walked without keeping it:
 * {@code round u64 ‖ commit {target_hash, target_number u32, Vec<SignedPrecommit>} ‖
 * votes_ancestries Vec<Header>}, each signed precommit being {@code hash ‖ u32 ‖ signature[64] ‖
 * id[32]} (132 bytes).
 *
 * @param header the block header
 * @param justification the SCALE GRANDPA justification of that block
 */
public record WarpSyncFragment(Header header, Bytes justification) {
  /** The size of one SCALE {@code SignedPrecommit} with a u32 block number. */
  static final int SIGNED_PRECOMMIT_LENGTH = 32 + 4 + 64 + 32;

  /** The SCALE codec of a fragment. */
  public static final ScaleCodec<WarpSyncFragment> CODEC =
      ScaleCodec.of("WarpSyncFragment", WarpSyncFragment::write, WarpSyncFragment::read);

  public WarpSyncFragment {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(justification, "justification");
  }

  public byte[] encode() {
    return CODEC.encode(this);
  }

  /**
   * Decodes one fragment, which must fill the bytes.
   *
   * @throws FrameException if the bytes are not a fragment
   */
  public static WarpSyncFragment decode(byte[] bytes) {
    return Decoding.scale(bytes, "WarpSyncFragment", WarpSyncFragment::read);
  }

  private static void write(ScaleWriter w, WarpSyncFragment fragment) {
    Header.CODEC.encode(w, fragment.header);
    w.writeRaw(fragment.justification);
  }

  private static WarpSyncFragment read(ScaleReader r) {
    Header header = Header.CODEC.decode(r);
    return new WarpSyncFragment(header, readJustification(r));
  }

  /** Reads one SCALE GRANDPA justification and returns its bytes. */
  static Bytes readJustification(ScaleReader r) {
    int start = r.position();
    r.readI64(); // round
    r.readHash256(); // commit target hash
    r.readU32AsLong(); // commit target number
    int at = r.position();
    int precommits = r.readCompactInt();
    if ((long) precommits * SIGNED_PRECOMMIT_LENGTH > r.remaining()) {
      throw new ScaleDecodingException(
          at,
          "GrandpaJustification",
          precommits + " precommits exceed the " + r.remaining() + " remaining byte(s)");
    }
    r.readRaw(precommits * SIGNED_PRECOMMIT_LENGTH, "SignedPrecommit");
    r.readVec(Header.CODEC); // votes ancestries
    return r.consumedSince(start);
  }
}
