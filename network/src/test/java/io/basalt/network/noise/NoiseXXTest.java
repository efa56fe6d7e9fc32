/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.noise;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * The handshake against cacophony's published vector for {@code Noise_XX_25519_ChaChaPoly_SHA256}
 * (tests/vectors/cacophony.txt in the snow repository).
 */
class NoiseXXTest {
  private static byte[] hex(String text) {
    return Bytes.fromHex(text).toArray();
  }

  @Test
  void matchesTheCacophonyVector() {
    byte[] prologue = hex("4a6f686e2047616c74");
    NoiseXX initiator =
        new NoiseXX(
            true,
            hex("e61ef9919cde45dd5f82166404bd08e38bceb5dfdfded0a34c8df7ed542214d1"),
            hex("893e28b9dc6ca8d611ab664754b8ceb7bac5117349a4439a6b0569da977c464a"),
            prologue);
    NoiseXX responder =
        new NoiseXX(
            false,
            hex("4a3acbfdb163dec651dfa3194dece676d437029c62a408b4c5ea9114246e4893"),
            hex("bbdb4cdbd309f1a1f2e1456967fe288cadd6f712d65dc7b7793d5e63da6b375b"),
            prologue);

    byte[] message0 = initiator.writeMessage(hex("4c756477696720766f6e204d69736573"));
    assertThat(message0)
        .isEqualTo(
            hex(
                "ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3afa4c7944"
                    + "4c756477696720766f6e204d69736573"));
    assertThat(responder.readMessage(message0)).isEqualTo(hex("4c756477696720766f6e204d69736573"));

    byte[] message1 = responder.writeMessage(hex("4d757272617920526f746862617264"));
    assertThat(message1)
        .isEqualTo(
            hex(
                "95ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f14480884381cbad1f276e038c"
                    + "48378ffce2b65285e08d6b68aaa3629a5a8639392490e5b9bd5269c2f1e4f488ed8831161f19b7"
                    + "815528f8982ffe09be9b5c412f8a0db50f8814c7194e83f23dbd8d162c9326ad"));
    assertThat(initiator.readMessage(message1)).isEqualTo(hex("4d757272617920526f746862617264"));

    byte[] message2 = initiator.writeMessage(hex("462e20412e20486179656b"));
    assertThat(message2)
        .isEqualTo(
            hex(
                "c7195ffacac1307ff99046f219750fc47693e23c3cb08b89c2af808b444850a80ae475b9df0f169a"
                    + "e80a89be0865b57f58c9fea0d4ec82a286427402f113e4b6ae769a1d95941d49b25030"));
    assertThat(responder.readMessage(message2)).isEqualTo(hex("462e20412e20486179656b"));

    assertThat(initiator.handshakeHash())
        .isEqualTo(hex("c8e5f64e846193be2a834104c2a009868d6c9f3bd3c186299888b488b2f1f58e"))
        .isEqualTo(responder.handshakeHash());
    assertThat(initiator.remoteStaticKey()).isEqualTo(responder.staticPublicKey());
    assertThat(responder.remoteStaticKey()).isEqualTo(initiator.staticPublicKey());

    NoiseXX.TransportCiphers initiatorCiphers = initiator.split();
    NoiseXX.TransportCiphers responderCiphers = responder.split();
    byte[] message3 = responderCiphers.send().encrypt(new byte[0], hex("4361726c204d656e676572"));
    assertThat(message3).isEqualTo(hex("96763ed773f8e47bb3712f0e29b3060ffc956ffc146cee53d5e1df"));
    assertThat(initiatorCiphers.receive().decrypt(new byte[0], message3))
        .isEqualTo(hex("4361726c204d656e676572"));
    byte[] message4 =
        initiatorCiphers.send().encrypt(new byte[0], hex("4a65616e2d426170746973746520536179"));
    assertThat(message4)
        .isEqualTo(hex("3e40f15f6f3a46ae446b253bf8b1d9ffb6ed9b174d272328ff91a7e2e5c79c07f5"));
    assertThat(responderCiphers.receive().decrypt(new byte[0], message4))
        .isEqualTo(hex("4a65616e2d426170746973746520536179"));
  }
}
