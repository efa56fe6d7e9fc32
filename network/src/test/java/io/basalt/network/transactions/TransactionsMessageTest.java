/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.network.codec.DecoderFuzz;
import io.basalt.network.codec.WestendBlocks;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.testsupport.RandomCases;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionsMessageTest {

  @Test
  void elementsKeepTheirOwnLengthPrefix() {
    var message =
        new TransactionsMessage(List.of(Bytes.fromHex("0x0c010203"), Bytes.fromHex("0x00")));

    // Vec count 2, then each extrinsic's own encoding
    assertThat(Hex.encode(message.encode())).isEqualTo("0x08" + "0c010203" + "00");
    assertThat(TransactionsMessage.decode(message.encode())).isEqualTo(message);
  }

  @Test
  void realExtrinsicsRoundTrip() {
    List<Bytes> extrinsics =
        WestendBlocks.load().stream().flatMap(b -> b.extrinsics().stream()).toList();
    var message = new TransactionsMessage(extrinsics);

    assertThat(TransactionsMessage.decode(message.encode()).extrinsics()).isEqualTo(extrinsics);
  }

  @Test
  void refusals() {
    assertThatThrownBy(() -> new TransactionsMessage(List.of(Bytes.fromHex("0x0c01"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TransactionsMessage.decode(Hex.decode("0x080c0102")))
        .isInstanceOf(FrameException.class)
        .hasMessageStartingWith("malformed TransactionsMessage");
    assertThatThrownBy(() -> TransactionsMessage.decode(Hex.decode("0x040000")))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("trailing");
  }

  @Test
  void fuzz() {
    DecoderFuzz.run(
        RandomCases.seed(),
        3000,
        List.of(new TransactionsMessage(List.of(Bytes.fromHex("0x0c010203"))).encode()),
        TransactionsMessage::decode);
  }
}
