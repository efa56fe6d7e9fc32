/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import io.basalt.primitives.types.SignedBlock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedBlockJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Hash256 PARENT =
      Hash256.fromHex("e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e");
  private static final Hash256 ROOT =
      Hash256.fromHex("03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");

  static SignedBlock block(long number, Optional<List<Justification>> justifications) {
    Header header =
        new Header(
            PARENT,
            number,
            ROOT,
            ROOT,
            List.of(new DigestItem.PreRuntime(EngineId.BABE, Bytes.fromHex("0x0102"))));
    return new SignedBlock(
        new Block(header, List.of(Bytes.fromHex("0x0402000b"), Bytes.EMPTY)), justifications);
  }

  @Test
  void writesSubstratesCompactSerdeShape() {
    String json =
        SignedBlockJson.toJson(
            block(
                0x1a,
                Optional.of(
                    List.of(new Justification(EngineId.GRANDPA, Bytes.fromHex("0x01ff"))))));
    assertThat(json)
        .isEqualTo(
            "{\"block\":{\"header\":{\"parentHash\":\""
                + PARENT
                + "\",\"number\":\"0x1a\",\"stateRoot\":\""
                + ROOT
                + "\",\"extrinsicsRoot\":\""
                + ROOT
                + "\",\"digest\":{\"logs\":[\"0x064241424508"
                + "0102\"]}},\"extrinsics\":[\"0x100402000b\",\"0x00\"]},"
                + "\"justifications\":[[[70,82,78,75],[1,255]]]}");
  }

  @Test
  void numberZeroAndNoJustifications() {
    String json = SignedBlockJson.toJson(block(0, Optional.empty()));
    assertThat(json).contains("\"number\":\"0x0\"").endsWith("\"justifications\":null}");
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    for (SignedBlock b :
        List.of(
            block(1, Optional.empty()),
            block(
                4_000_000_000L,
                Optional.of(List.of(new Justification(EngineId.BABE, Bytes.EMPTY)))))) {
      assertThat(SignedBlockJson.fromJson(JSON.readTree(SignedBlockJson.toJson(b)))).isEqualTo(b);
    }
  }

  @Test
  void readsARealWestendBlock() throws Exception {
    SignedBlock westend = FixtureBlocks.westend().get(4);
    SignedBlock back = SignedBlockJson.fromJson(JSON.readTree(SignedBlockJson.toJson(westend)));
    assertThat(back.block().hash()).isEqualTo(westend.block().hash());
  }

  @Test
  void missingJustificationsFieldMeansNone() throws Exception {
    String json = SignedBlockJson.toJson(block(3, Optional.empty()));
    String without = json.replace(",\"justifications\":null", "");
    assertThat(SignedBlockJson.fromJson(JSON.readTree(without)).justifications()).isEmpty();
  }

  @Test
  void badFieldsAreNamed() throws Exception {
    String good = SignedBlockJson.toJson(block(3, Optional.empty()));
    assertThatThrownBy(() -> SignedBlockJson.fromJson(JSON.readTree(good.replace("\"0x3\"", "3"))))
        .isInstanceOf(BlockFileException.class)
        .hasMessageStartingWith("block.header.number must be a hex string like \"0x1a\"");
    assertThatThrownBy(
            () -> SignedBlockJson.fromJson(JSON.readTree(good.replace("\"number\"", "\"height\""))))
        .hasMessageStartingWith("unknown field `height` in block.header");
    assertThatThrownBy(
            () ->
                SignedBlockJson.fromJson(
                    JSON.readTree(good.replace("\"0x100402000b\"", "\"0x10\""))))
        .hasMessageStartingWith("block.extrinsics[0] is not a SCALE-encoded extrinsic");
    assertThatThrownBy(() -> SignedBlockJson.fromJson(JSON.readTree("{\"justifications\":null}")))
        .hasMessage("missing field `block`");
    assertThatThrownBy(
            () ->
                SignedBlockJson.fromJson(
                    JSON.readTree(
                        good.replace("\"number\":\"0x3\"", "\"number\":\"0x100000000\""))))
        .hasMessageContaining("does not fit a u32 block number");
  }
}
