/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.sync;

import static io.basalt.network.codec.TestData.hash;
import static io.basalt.network.codec.TestData.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.network.codec.DecoderFuzz;
import io.basalt.network.codec.WestendBlocks;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.types.Header;
import io.basalt.testsupport.RandomCases;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyncCodecTest {

  @Test
  void attributeBitsMatchSubstrate() {
    assertThat(BlockAttribute.mask(EnumSet.allOf(BlockAttribute.class))).isEqualTo(0x3f);
    assertThat(BlockAttribute.JUSTIFICATION.bit()).isEqualTo(16);
    assertThat(BlockAttribute.of(0x13))
        .containsExactlyInAnyOrder(
            BlockAttribute.HEADER, BlockAttribute.BODY, BlockAttribute.JUSTIFICATION);
    assertThatThrownBy(() -> BlockAttribute.of(0x40)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blockRequestKnownAnswer() {
    // fields = 0x13 << 24 (varint 80 80 80 98 01), number = SCALE u32 0x0102 (02 01 00 00),
    // direction = Descending, max_blocks = 64, support_multiple_justifications = true
    var request =
        new BlockRequest(
            EnumSet.of(BlockAttribute.HEADER, BlockAttribute.BODY, BlockAttribute.JUSTIFICATION),
            new FromBlock.Number(0x0102),
            Direction.DESCENDING,
            64,
            true);
    String expected = "0x" + "0880808098011a0402010000280130403801";

    assertThat(Hex.encode(request.encode())).isEqualTo(expected);
    assertThat(BlockRequest.decode(Hex.decode(expected))).isEqualTo(request);
  }

  @Test
  void blockRequestByHashWithDefaultsOmitted() {
    var request =
        new BlockRequest(
            Set.of(BlockAttribute.HEADER),
            new FromBlock.Hash(hash(7)),
            Direction.ASCENDING,
            0,
            false);
    byte[] encoded = request.encode();

    assertThat(Hex.encode(encoded))
        .isEqualTo("0x088080800812" + "20" + hash(7).toHex().substring(2));
    assertThat(BlockRequest.decode(encoded)).isEqualTo(request);
  }

  @Test
  void blockRequestAcceptsAnEightByteNumberAndSkipsUnknownFields() {
    // fields = HEADER, number = u64 LE 5, unknown field 15 (varint), direction defaults
    byte[] bytes = Hex.decode("0x08808080081a0805000000000000007801");

    var request = BlockRequest.decode(bytes);

    assertThat(request.from()).isEqualTo(new FromBlock.Number(5));
    assertThat(request.direction()).isEqualTo(Direction.ASCENDING);
  }

  @Test
  void blockRequestRefusals() {
    assertThatThrownBy(() -> BlockRequest.decode(Hex.decode("0x0880808008")))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("no start block");
    // field 1 sent as length-delimited
    assertThatThrownBy(() -> BlockRequest.decode(Hex.decode("0x0a00")))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("wire type");
    // direction 2
    assertThatThrownBy(() -> BlockRequest.decode(Hex.decode("0x1a04000000002802")))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("direction");
    // a 3-byte number
    assertThatThrownBy(() -> BlockRequest.decode(Hex.decode("0x1a03000000")))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("start number");
  }

  @Test
  void blockResponseRoundTrip() {
    Header header = header(9);
    var full =
        new BlockData(
            header.hash(),
            Optional.of(header),
            List.of(Bytes.fromHex("0x0c010203"), Bytes.fromHex("0x0400")),
            List.of(Bytes.fromHex("0xaa")),
            Optional.of(Bytes.fromHex("0x0102")),
            false,
            Optional.of(Bytes.fromHex("0x04464e524b0401")));
    var emptyJustification =
        new BlockData(
            hash(4),
            Optional.empty(),
            List.of(),
            List.of(),
            Optional.of(Bytes.EMPTY),
            true,
            Optional.empty());
    var response = new BlockResponse(List.of(full, emptyJustification, BlockData.ofHeader(header)));

    assertThat(BlockResponse.decode(response.encode())).isEqualTo(response);
    assertThat(BlockData.decode(emptyJustification.encode())).isEqualTo(emptyJustification);
  }

  @Test
  void realWestendBlocksRoundTrip() {
    List<WestendBlocks.Block> blocks = WestendBlocks.load();
    List<BlockData> data =
        blocks.stream()
            .map(
                b ->
                    new BlockData(
                        b.hash(),
                        Optional.of(Header.CODEC.decode(b.header())),
                        b.extrinsics(),
                        List.of(),
                        Optional.empty(),
                        false,
                        Optional.empty()))
            .toList();
    var response = new BlockResponse(data);

    BlockResponse decoded = BlockResponse.decode(response.encode());

    assertThat(decoded).isEqualTo(response);
    for (int i = 0; i < blocks.size(); i++) {
      assertThat(decoded.blocks().get(i).header().orElseThrow().hash())
          .isEqualTo(blocks.get(i).hash());
    }
  }

  @Test
  void blockDataKnownAnswer() {
    // hash = 1, body = 3 (twice), is_empty_justification = 7
    var data =
        new BlockData(
            hash(0),
            Optional.empty(),
            List.of(Bytes.fromHex("0x0401"), Bytes.fromHex("0x00")),
            List.of(),
            Optional.of(Bytes.EMPTY),
            true,
            Optional.empty());

    assertThat(Hex.encode(data.encode()))
        .isEqualTo("0x0a20" + hash(0).toHex().substring(2) + "1a020401" + "1a0100" + "3801");
  }

  @Test
  void blockDataRefusesAnUndecodableHeader() {
    byte[] bytes = Hex.decode("0x0a20" + hash(0).toHex().substring(2) + "120300ff00");

    assertThatThrownBy(() -> BlockData.decode(bytes))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("header");
  }

  @Test
  void stateRoundTripsAndKnownAnswer() {
    var request = new StateRequest(hash(3), List.of(Bytes.fromHex("0x3a636f6465")), true);
    var response =
        new StateResponse(
            List.of(
                new KeyValueStateEntry(
                    Bytes.EMPTY,
                    List.of(
                        new StateEntry(Bytes.fromHex("0x01"), Bytes.fromHex("0x0203")),
                        new StateEntry(Bytes.fromHex("0x02"), Bytes.EMPTY)),
                    true)),
            Bytes.EMPTY);
    var proof = new StateResponse(List.of(), Bytes.fromHex("0x0408aabb"));

    assertThat(Hex.encode(request.encode()))
        .isEqualTo("0x0a20" + hash(3).toHex().substring(2) + "12053a636f6465" + "1801");
    assertThat(StateRequest.decode(request.encode())).isEqualTo(request);
    assertThat(StateResponse.decode(response.encode())).isEqualTo(response);
    assertThat(StateResponse.decode(proof.encode())).isEqualTo(proof);
    assertThat(Hex.encode(proof.encode())).isEqualTo("0x12040408aabb");
  }

  @Test
  void fuzz() {
    Header header = header(2);
    List<byte[]> valid =
        List.of(
            new BlockRequest(
                    EnumSet.allOf(BlockAttribute.class),
                    new FromBlock.Hash(hash(1)),
                    Direction.DESCENDING,
                    128,
                    true)
                .encode(),
            new BlockResponse(List.of(BlockData.ofHeader(header))).encode(),
            new StateRequest(hash(2), List.of(Bytes.fromHex("0x01")), false).encode(),
            new StateResponse(
                    List.of(
                        new KeyValueStateEntry(
                            Bytes.fromHex("0x01"),
                            List.of(new StateEntry(Bytes.fromHex("0x01"), Bytes.fromHex("0x02"))),
                            false)),
                    Bytes.fromHex("0x00"))
                .encode());
    long seed = RandomCases.seed();
    DecoderFuzz.run(seed, 2000, valid, BlockRequest::decode);
    DecoderFuzz.run(seed, 2000, valid, BlockResponse::decode);
    DecoderFuzz.run(seed, 1000, valid, BlockData::decode);
    DecoderFuzz.run(seed, 1000, valid, StateRequest::decode);
    DecoderFuzz.run(seed, 1000, valid, StateResponse::decode);
  }
}
