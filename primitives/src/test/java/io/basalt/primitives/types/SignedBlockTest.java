/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.scale.ScaleDecodingException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code SignedBlock} and {@code Justifications} bytes, written out from the SCALE rules. */
class SignedBlockTest {
  private static final Hash256 ROOT =
      Hash256.fromHex("0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");

  // Header #1 under a zero parent: parent | compact(1) = 04 | state root | extrinsics root |
  // empty digest (compact(0) = 00).
  private static final Header HEADER = new Header(Hash256.ZERO, 1, ROOT, ROOT, List.of());
  private static final String HEADER_HEX =
      "00".repeat(32) + "04" + ROOT.toHex().substring(2) + ROOT.toHex().substring(2) + "00";

  // Body: Vec<OpaqueExtrinsic> = compact(2) = 08 | each extrinsic with its own compact length.
  private static final Block BLOCK =
      new Block(HEADER, List.of(Bytes.ofUnsigned(0x0a, 0x0b), Bytes.ofUnsigned(0xcc)));
  private static final String BODY_HEX = "08" + "08" + "0a0b" + "04" + "cc";

  @Test
  void aBlockWithJustificationsHasItsSpecEncoding() {
    // Some(Justifications): 01 | compact(2) = 08 | ("FRNK", Vec<u8>) | ("BEEF", Vec<u8>).
    SignedBlock signed =
        new SignedBlock(
            BLOCK,
            Optional.of(
                List.of(
                    new Justification(EngineId.GRANDPA, Bytes.ofUnsigned(1, 2, 3)),
                    new Justification(EngineId.of("BEEF"), Bytes.EMPTY))));
    String expected =
        HEADER_HEX + BODY_HEX + "01" + "08" + "46524e4b" + "0c010203" + "42454546" + "00";
    assertThat(Hex.encodeBare(SignedBlock.CODEC.encode(signed))).isEqualTo(expected);
    assertThat(SignedBlock.CODEC.decode(Hex.decode(expected))).isEqualTo(signed);
  }

  @Test
  void aBlockWithoutJustificationsEndsWithNone() {
    String expected = HEADER_HEX + BODY_HEX + "00";
    assertThat(Hex.encodeBare(SignedBlock.CODEC.encode(SignedBlock.of(BLOCK)))).isEqualTo(expected);
    assertThat(SignedBlock.CODEC.decode(Hex.decode(expected))).isEqualTo(SignedBlock.of(BLOCK));
  }

  @Test
  void badJustificationBytesAreRefusedWithOffsetAndType() {
    // Option tag 2 does not exist; a justification cut inside its engine id.
    int optionAt = (HEADER_HEX.length() + BODY_HEX.length()) / 2;
    assertThatThrownBy(() -> SignedBlock.CODEC.decode(Hex.decode(HEADER_HEX + BODY_HEX + "02")))
        .isInstanceOf(ScaleDecodingException.class)
        .satisfies(e -> assertThat(((ScaleDecodingException) e).offset()).isEqualTo(optionAt));
    assertThatThrownBy(
            () ->
                SignedBlock.CODEC.decode(Hex.decode(HEADER_HEX + BODY_HEX + "01" + "04" + "4652")))
        .isInstanceOf(ScaleDecodingException.class)
        .hasMessageContaining("ConsensusEngineId");
  }
}
