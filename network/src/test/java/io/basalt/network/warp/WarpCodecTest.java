/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.warp;

import static io.basalt.network.codec.TestData.hash;
import static io.basalt.network.codec.TestData.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.network.codec.DecoderFuzz;
import io.basalt.network.codec.WestendBlocks;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Header;
import io.basalt.testsupport.RandomCases;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarpCodecTest {

  /** A GRANDPA justification: round, commit with n signed precommits, ancestry headers. */
  static Bytes justification(int precommits, List<Header> ancestries) {
    ScaleWriter w = new ScaleWriter().writeU64(42).writeHash(hash(9)).writeU32(100);
    w.writeCompact(precommits);
    for (int i = 0; i < precommits; i++) {
      w.writeHash(hash(i)).writeU32(100 + i).writeRaw(new byte[64]).writeRaw(new byte[32]);
    }
    w.writeVec(ancestries, Header.CODEC);
    return w.toBytes();
  }

  @Test
  void requestIsTheBareHash() {
    var request = new WarpProofRequest(hash(5));

    assertThat(request.encode()).isEqualTo(hash(5).toArray());
    assertThat(WarpProofRequest.decode(request.encode())).isEqualTo(request);
    assertThatThrownBy(() -> WarpProofRequest.decode(new byte[31]))
        .isInstanceOf(FrameException.class);
  }

  @Test
  void fragmentsAreSplitAtTheEndOfEachJustification() {
    var first = new WarpSyncFragment(header(10), justification(2, List.of()));
    var second =
        new WarpSyncFragment(header(20), justification(3, List.of(header(19), header(18))));
    var proof = new WarpSyncProof(List.of(first, second), true);

    byte[] expected =
        new ScaleWriter()
            .writeCompact(2)
            .writeRaw(Header.CODEC.encode(header(10)))
            .writeRaw(first.justification())
            .writeRaw(Header.CODEC.encode(header(20)))
            .writeRaw(second.justification())
            .writeBool(true)
            .toByteArray();

    assertThat(proof.encode()).isEqualTo(expected);
    WarpSyncProof decoded = WarpSyncProof.decode(expected);
    assertThat(decoded).isEqualTo(proof);
    // round, target, number, Compact(2), two 132-byte signed precommits, empty ancestry Vec
    assertThat(decoded.fragments().getFirst().justification().length())
        .isEqualTo(8 + 32 + 4 + 1 + 2 * 132 + 1);
  }

  @Test
  void realHeadersSurviveTheRoundTrip() {
    List<WestendBlocks.Block> blocks = WestendBlocks.load();
    List<WarpSyncFragment> fragments =
        blocks.subList(0, 5).stream()
            .map(
                b ->
                    new WarpSyncFragment(
                        Header.CODEC.decode(b.header()), justification(1, List.of())))
            .toList();
    var proof = new WarpSyncProof(fragments, false);

    WarpSyncProof decoded = WarpSyncProof.decode(proof.encode());

    assertThat(decoded).isEqualTo(proof);
    assertThat(decoded.fragments().getFirst().header().hash()).isEqualTo(blocks.getFirst().hash());
  }

  @Test
  void truncationAndPrecommitOverflowAreFrameExceptions() {
    byte[] encoded =
        new WarpSyncProof(
                List.of(new WarpSyncFragment(header(1), justification(1, List.of()))), true)
            .encode();
    byte[] huge =
        new WarpSyncFragment(
                header(1),
                Bytes.wrap(
                    new ScaleWriter()
                        .writeU64(1)
                        .writeHash(hash(1))
                        .writeU32(1)
                        .writeCompact(1_000_000)
                        .toByteArray()))
            .encode();

    assertThatThrownBy(() -> WarpSyncProof.decode(Arrays.copyOf(encoded, encoded.length - 2)))
        .isInstanceOf(FrameException.class)
        .hasMessageStartingWith("malformed WarpSyncProof");
    assertThatThrownBy(() -> WarpSyncFragment.decode(huge))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("precommits exceed");
  }

  @Test
  void fuzz() {
    List<byte[]> valid =
        List.of(
            new WarpSyncProof(
                    List.of(new WarpSyncFragment(header(3), justification(2, List.of(header(2))))),
                    false)
                .encode(),
            new WarpProofRequest(hash(1)).encode());
    long seed = RandomCases.seed();
    DecoderFuzz.run(seed, 2000, valid, WarpSyncProof::decode);
    DecoderFuzz.run(seed, 1000, valid, WarpSyncFragment::decode);
    DecoderFuzz.run(seed, 500, valid, WarpProofRequest::decode);
  }
}
