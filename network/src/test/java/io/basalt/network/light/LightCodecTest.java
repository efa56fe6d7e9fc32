/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.light;

import static io.basalt.network.codec.TestData.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.network.codec.DecoderFuzz;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.testsupport.RandomCases;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LightCodecTest {

  @Test
  void remoteCallRequestKnownAnswer() {
    var request = new RemoteCallRequest(hash(1), "Core_version", Bytes.EMPTY);
    // Request { remote_call_request (1) { block (2), method (3), data (4, empty but required) } }
    String expected =
        "0x0a32"
            + "1220"
            + hash(1).toHex().substring(2)
            + "1a0c"
            + Hex.encodeBare("Core_version".getBytes(StandardCharsets.UTF_8))
            + "2200";

    assertThat(Hex.encode(request.encode())).isEqualTo(expected);
    assertThat(LightRequest.decode(Hex.decode(expected))).isEqualTo(request);
  }

  @Test
  void readRequestsRoundTrip() {
    LightRequest read =
        new RemoteReadRequest(hash(2), List.of(Bytes.fromHex("0x3a636f6465"), Bytes.EMPTY));
    LightRequest child =
        new RemoteReadChildRequest(
            hash(3), Bytes.fromHex("0x6368696c64"), List.of(Bytes.fromHex("0x01")));

    assertThat(LightRequest.decode(read.encode())).isEqualTo(read);
    assertThat(LightRequest.decode(child.encode())).isEqualTo(child);
    assertThat(child.encode()[0]).isEqualTo((byte) 0x22); // field 4, length-delimited
  }

  @Test
  void proofIsAScaleVecOfTrieNodes() {
    var response =
        RemoteReadResponse.ofProofNodes(List.of(Bytes.fromHex("0x01"), Bytes.fromHex("0x0203")));

    // Response { remote_read_response (2) { proof (2) = SCALE [0x01, 0x0203] } }
    assertThat(Hex.encode(response.encode())).isEqualTo("0x1208" + "1206" + "080401080203");
    LightResponse decoded = LightResponse.decode(response.encode());
    assertThat(decoded).isEqualTo(response);
    assertThat(decoded.proofNodes())
        .containsExactly(Bytes.fromHex("0x01"), Bytes.fromHex("0x0203"));
  }

  @Test
  void aMissingProofIsKeptApartFromAnEmptyOne() {
    var unanswered = new RemoteCallResponse(Optional.empty());
    var empty = new RemoteCallResponse(Optional.of(Bytes.EMPTY));

    assertThat(Hex.encode(unanswered.encode())).isEqualTo("0x0a00");
    assertThat(LightResponse.decode(unanswered.encode())).isEqualTo(unanswered);
    assertThat(LightResponse.decode(empty.encode())).isEqualTo(empty);
    assertThat(unanswered.proofNodes()).isEmpty();
  }

  @Test
  void refusals() {
    assertThatThrownBy(() -> LightRequest.decode(new byte[0]))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("no supported request");
    assertThatThrownBy(() -> LightRequest.decode(Hex.decode("0x0a04" + "12020102")))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("block hash of 2 bytes");
    assertThatThrownBy(() -> LightResponse.decode(Hex.decode("0x0a03120141")).proofNodes())
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("storage proof");
  }

  @Test
  void fuzz() {
    List<byte[]> valid =
        List.of(
            new RemoteCallRequest(hash(1), "Metadata_metadata", Bytes.fromHex("0x00")).encode(),
            new RemoteReadChildRequest(
                    hash(2), Bytes.fromHex("0x01"), List.of(Bytes.fromHex("0x02")))
                .encode(),
            RemoteCallResponse.ofProofNodes(List.of(Bytes.fromHex("0x0102"))).encode());
    long seed = RandomCases.seed();
    DecoderFuzz.run(seed, 2000, valid, LightRequest::decode);
    DecoderFuzz.run(seed, 2000, valid, bytes -> LightResponse.decode(bytes).proofNodes());
  }
}
