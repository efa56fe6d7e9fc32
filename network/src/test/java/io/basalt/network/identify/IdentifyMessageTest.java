/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.identify;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.network.frame.FrameException;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.testsupport.RandomCases;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentifyMessageTest {
  private static final IdentifyMessage MESSAGE =
      new IdentifyMessage(
          "/substrate/1.0",
          "basalt/0.1.0",
          Bytes.fromHex("08011220" + "11".repeat(32)),
          List.of(
              Multiaddr.parse("/ip4/10.0.0.1/tcp/30333"), Multiaddr.parse("/ip6/::1/tcp/30334/ws")),
          Optional.of(Multiaddr.parse("/ip4/192.168.1.2/tcp/51000")),
          List.of("/ipfs/ping/1.0.0", "/ipfs/id/1.0.0"));

  @Test
  void roundTrips() {
    assertThat(IdentifyMessage.decode(MESSAGE.encode())).isEqualTo(MESSAGE);
  }

  @Test
  void skipsAddressesItCannotDecode() {
    byte[] encoded = MESSAGE.encode();
    byte[] withBadAddress = new byte[encoded.length + 4];
    System.arraycopy(encoded, 0, withBadAddress, 0, encoded.length);
    // field 2 (listenAddrs), 2 bytes: an unknown multiaddr code
    withBadAddress[encoded.length] = 0x12;
    withBadAddress[encoded.length + 1] = 2;
    withBadAddress[encoded.length + 2] = (byte) 0xff;
    withBadAddress[encoded.length + 3] = 0x7f;
    assertThat(IdentifyMessage.decode(withBadAddress).listenAddresses())
        .isEqualTo(MESSAGE.listenAddresses());
  }

  @Test
  void randomAndMutatedInputOnlyRaisesFrameException() {
    byte[] valid = MESSAGE.encode();
    RandomCases.forAll(
        3000,
        random -> {
          if (random.nextBoolean()) {
            return RandomCases.bytes(random, 0, 400);
          }
          byte[] mutated = valid.clone();
          for (int i = 0; i < 1 + random.nextInt(3); i++) {
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
          }
          return java.util.Arrays.copyOf(mutated, random.nextInt(mutated.length + 1));
        },
        bytes -> {
          try {
            IdentifyMessage.decode(bytes);
          } catch (FrameException expected) {
            // malformed
          }
        });
  }
}
