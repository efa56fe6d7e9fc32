/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void base58TextParsesBackToTheSamePeerAndItsKey() {
    byte[] secret = new byte[32];
    secret[31] = 1;
    Bytes publicKey = Ed25519KeyPair.fromSeed(secret).publicKey();
    PeerId parsed = PeerId.fromBase58("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
    assertThat(parsed).isEqualTo(PeerId.ofEd25519(publicKey));
    assertThat(parsed.ed25519PublicKey()).contains(publicKey);
  }

  @Test
  void longKeysAreHashedWithSha256() {
    byte[] encoded = new byte[43];
    PeerId id = PeerId.ofEncodedPublicKey(encoded);
    assertThat(id.multihash().length()).isEqualTo(34);
    assertThat(id.toBase58()).startsWith("Qm");
    assertThat(id.ed25519PublicKey()).isEmpty();
    assertThat(PeerId.fromBase58(id.toBase58())).isEqualTo(id);
  }

  @Test
  void malformedPeerIdsAreRefusedWithAReason() {
    assertThatThrownBy(() -> PeerId.fromMultihash(new byte[] {0x00, 0x05, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("says 5 bytes but has 1");
    assertThatThrownBy(() -> PeerId.fromMultihash(new byte[] {0x13, 0x01, 1}))
        .hasMessageContaining("not code 0x13");
    assertThatThrownBy(() -> PeerId.fromBase58("0OIl"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
