/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.network.codec.DecoderFuzz;
import io.basalt.network.codec.ProtoWriter;
import io.basalt.network.frame.FrameException;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.testsupport.RandomCases;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KadMessageTest {
  private static final PeerId PEER = PeerId.ofEd25519(Bytes.wrap(new byte[32]));
  private static final Multiaddr ADDRESS = Multiaddr.parse("/ip4/10.0.0.1/tcp/30333");

  @Test
  void findNodeKnownAnswer() {
    KadMessage request = KadMessage.findNode(PEER.multihash());
    // type (1) = FIND_NODE, key (2) = the 38-byte identity multihash
    String expected = "0x0804" + "1226" + Hex.encodeBare(PEER.multihash().toArray());

    assertThat(Hex.encode(request.encode())).isEqualTo(expected);
    assertThat(KadMessage.decode(Hex.decode(expected))).isEqualTo(request);
  }

  @Test
  void peerWireLayout() {
    var peer = new KadPeer(PEER, List.of(ADDRESS), KadPeer.ConnectionType.CONNECTED);
    // Peer { id (1), addrs (2) = 04 0a000001 06 767d, connection (3) = 1 }
    String address = "040a00000106767d";

    assertThat(Hex.encode(peer.encode()))
        .isEqualTo(
            "0x0a26" + Hex.encodeBare(PEER.multihash().toArray()) + "1208" + address + "1801");
    assertThat(Hex.encodeBare(ADDRESS.encode())).isEqualTo(address);
  }

  @Test
  void responseRoundTripWithRecord() {
    var response =
        new KadMessage(
            KadMessage.Type.GET_VALUE,
            Bytes.fromHex("0x0102"),
            List.of(
                new KadPeer(
                    PEER,
                    List.of(ADDRESS, ADDRESS.withPeer(PEER)),
                    KadPeer.ConnectionType.CAN_CONNECT)),
            List.of(new KadPeer(PEER, List.of(), KadPeer.ConnectionType.NOT_CONNECTED)),
            Optional.of(
                new KadRecord(
                    Bytes.fromHex("0x0102"), Bytes.fromHex("0xff"), Optional.of(PEER), 36)));

    assertThat(KadMessage.decode(response.encode())).isEqualTo(response);
  }

  @Test
  void badAddressesAndBadPeersAreDroppedNotFatal() {
    byte[] goodPeer =
        new ProtoWriter()
            .bytes(1, PEER.multihash())
            .bytes(2, Bytes.fromHex("0xffff"))
            .bytes(2, ADDRESS.encode())
            .toByteArray();
    byte[] badPeer = new ProtoWriter().bytes(1, Bytes.fromHex("0x0102")).toByteArray();
    byte[] message =
        new ProtoWriter().varint(1, 4).bytes(8, badPeer).bytes(8, goodPeer).toByteArray();

    KadMessage decoded = KadMessage.decode(message);

    assertThat(decoded.closerPeers())
        .containsExactly(new KadPeer(PEER, List.of(ADDRESS), KadPeer.ConnectionType.NOT_CONNECTED));
  }

  @Test
  void unknownTypeAndWrongWireTypeAreRefused() {
    assertThatThrownBy(() -> KadMessage.decode(Hex.decode("0x0809")))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("unknown message type 9");
    assertThatThrownBy(() -> KadMessage.decode(Hex.decode("0x1001")))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("wire type");
  }

  @Test
  void fuzz() {
    List<byte[]> valid =
        List.of(
            KadMessage.findNode(PEER.multihash()).encode(),
            new KadMessage(
                    KadMessage.Type.FIND_NODE,
                    Bytes.EMPTY,
                    List.of(new KadPeer(PEER, List.of(ADDRESS), KadPeer.ConnectionType.CONNECTED)),
                    List.of())
                .encode());
    DecoderFuzz.run(RandomCases.seed(), 3000, valid, KadMessage::decode);
  }
}
