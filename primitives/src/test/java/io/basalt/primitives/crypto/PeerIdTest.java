/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import org.junit.jupiter.api.Test;

class PeerIdTest {
  /** Substrate's {@code --node-key 0000…0001} gives this peer id (the libp2p identity of it). */
  @Test
  void theNodeKeyOneHasSubstratesPeerId() {
    byte[] secret = new byte[32];
    secret[31] = 1;
    Bytes publicKey = Ed25519KeyPair.fromSeed(secret).publicKey();
    assertThat(PeerId.ofEd25519(publicKey).toBase58())
        .isEqualTo("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
  }
}
