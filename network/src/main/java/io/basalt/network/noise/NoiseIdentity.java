/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.noise;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Our side of libp2p Noise: the node's ed25519 identity, a static X25519 key for this process, and
 * the handshake payload that binds the two (signed once, sent in every handshake).
 */
public final class NoiseIdentity {
  /** What the identity key signs, followed by the static X25519 key. */
  static final byte[] SIGNATURE_PREFIX =
      "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);

  /** protobuf {@code PublicKey{Type: Ed25519 (1), Data: <32 bytes>}} up to the key bytes. */
  private static final byte[] ED25519_KEY_PREFIX = {0x08, 0x01, 0x12, 0x20};

  private final PeerId peerId;
  private final byte[] staticPrivateKey;
  private final byte[] payload;

  private NoiseIdentity(Ed25519KeyPair identity, byte[] staticPrivateKey) {
    this.peerId = PeerId.ofEd25519(identity.publicKey());
    this.staticPrivateKey = staticPrivateKey;
    byte[] staticPublic = X25519.publicKey(staticPrivateKey);
    byte[] signed = new byte[SIGNATURE_PREFIX.length + staticPublic.length];
    System.arraycopy(SIGNATURE_PREFIX, 0, signed, 0, SIGNATURE_PREFIX.length);
    System.arraycopy(staticPublic, 0, signed, SIGNATURE_PREFIX.length, staticPublic.length);
    byte[] encodedKey = new byte[ED25519_KEY_PREFIX.length + 32];
    System.arraycopy(ED25519_KEY_PREFIX, 0, encodedKey, 0, ED25519_KEY_PREFIX.length);
    System.arraycopy(identity.publicKey().toArray(), 0, encodedKey, ED25519_KEY_PREFIX.length, 32);
    this.payload =
        new NoiseHandshakePayload(Bytes.wrap(encodedKey), Bytes.wrap(identity.sign(signed)))
            .encode();
  }

  /** Our identity with a fresh static X25519 key. */
  public static NoiseIdentity generate(Ed25519KeyPair identity, SecureRandom random) {
    return new NoiseIdentity(identity, X25519.generatePrivateKey(random));
  }

  /** Our peer id. */
  public PeerId peerId() {
    return peerId;
  }

  byte[] staticPrivateKey() {
    return staticPrivateKey;
  }

  byte[] payload() {
    return payload;
  }
}
