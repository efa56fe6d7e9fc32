/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.announce;

import static io.basalt.network.codec.TestData.hash;
import static io.basalt.network.codec.TestData.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.network.codec.DecoderFuzz;
import io.basalt.network.codec.WestendBlocks;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Header;
import io.basalt.testsupport.RandomCases;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnnounceCodecTest {

  @Test
  void handshakeIsRolesNumberBestHashGenesis() {
    var handshake = new BlockAnnouncesHandshake(Roles.FULL, 0x01020304L, hash(0x10), hash(0x40));

    byte[] encoded = handshake.encode();

    assertThat(Hex.encode(encoded))
        .isEqualTo(
            "0x01"
                + "04030201"
                + hash(0x10).toHex().substring(2)
                + hash(0x40).toHex().substring(2));
    assertThat(encoded).hasSize(69);
    assertThat(BlockAnnouncesHandshake.decode(encoded)).isEqualTo(handshake);
  }

  @Test
  void handshakeRefusesUnknownRoleBitsAndTrailingBytes() {
    byte[] encoded = new BlockAnnouncesHandshake(Roles.AUTHORITY, 7, hash(1), hash(2)).encode();
    byte[] badRole = encoded.clone();
    badRole[0] = 8;
    byte[] trailing = java.util.Arrays.copyOf(encoded, encoded.length + 1);

    assertThatThrownBy(() -> BlockAnnouncesHandshake.decode(badRole))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("role bits");
    assertThatThrownBy(() -> BlockAnnouncesHandshake.decode(trailing))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("trailing");
  }

  @Test
  void rolesFlags() {
    Roles roles = new Roles(Roles.FULL.bits() | Roles.AUTHORITY.bits());

    assertThat(roles.isFull()).isTrue();
    assertThat(roles.isAuthority()).isTrue();
    assertThat(roles.isLight()).isFalse();
    assertThat(Roles.decode(roles.encode())).isEqualTo(roles);
    assertThat(Roles.LIGHT.encode()).containsExactly(2);
  }

  @Test
  void announceIsHeaderThenStateThenData() {
    Header header = header(5);
    byte[] headerBytes = Header.CODEC.encode(header);
    var announce =
        new BlockAnnounce(header, Optional.of(BlockState.BEST), Optional.of(Bytes.of((byte) 9)));

    byte[] expected =
        new ScaleWriter()
            .writeRaw(headerBytes)
            .writeU8(1)
            .writeByteVec(new byte[] {9})
            .toByteArray();

    assertThat(announce.encode()).isEqualTo(expected);
    assertThat(BlockAnnounce.decode(expected)).isEqualTo(announce);
  }

  @Test
  void realWestendHeaderAnnounced() {
    WestendBlocks.Block block = WestendBlocks.load().get(9);
    byte[] wire = new ScaleWriter().writeRaw(block.header()).writeU8(1).toByteArray();

    BlockAnnounce announce = BlockAnnounce.decode(wire);

    assertThat(announce.header().hash()).isEqualTo(block.hash());
    assertThat(announce.state()).contains(BlockState.BEST);
    assertThat(announce.encode()).isEqualTo(wire);
  }

  @Test
  void olderPeersMayOmitTheTrailingFields() {
    Header header = header(5);
    byte[] headerOnly = Header.CODEC.encode(header);
    byte[] withState = new ScaleWriter().writeRaw(headerOnly).writeU8(0).toByteArray();

    assertThat(BlockAnnounce.decode(headerOnly))
        .isEqualTo(new BlockAnnounce(header, Optional.empty(), Optional.empty()));
    assertThat(BlockAnnounce.decode(withState))
        .isEqualTo(BlockAnnounce.of(header, BlockState.NORMAL));
  }

  @Test
  void anUndecodableTrailerIsIgnoredAsSubstrateDoes() {
    Header header = header(5);
    byte[] badState =
        new ScaleWriter().writeRaw(Header.CODEC.encode(header)).writeU8(7).toByteArray();
    byte[] badData =
        new ScaleWriter()
            .writeRaw(Header.CODEC.encode(header))
            .writeU8(1)
            .writeU8(0x40)
            .toByteArray();

    assertThat(BlockAnnounce.decode(badState).state()).isEmpty();
    assertThat(BlockAnnounce.decode(badData)).isEqualTo(BlockAnnounce.of(header, BlockState.BEST));
  }

  @Test
  void aBrokenHeaderIsAFrameException() {
    assertThatThrownBy(() -> BlockAnnounce.decode(new byte[10]))
        .isInstanceOf(FrameException.class)
        .hasMessageStartingWith("malformed BlockAnnounce");
  }

  @Test
  void fuzz() {
    List<byte[]> valid =
        List.of(
            new BlockAnnouncesHandshake(Roles.FULL, 1, hash(1), hash(2)).encode(),
            BlockAnnounce.of(header(3), BlockState.BEST).encode());
    DecoderFuzz.run(RandomCases.seed(), 2000, valid, BlockAnnouncesHandshake::decode);
    DecoderFuzz.run(RandomCases.seed(), 2000, valid, BlockAnnounce::decode);
    DecoderFuzz.run(RandomCases.seed(), 500, List.of(new byte[] {1}), Roles::decode);
  }
}
