/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto;

import io.basalt.primitives.bytes.Base58;
import io.basalt.primitives.bytes.Bytes;

/**
 * A libp2p peer id: the identity multihash of the protobuf-encoded public key, shown in base58
 * ({@code 12D3KooW…} for an ed25519 key, as Substrate prints "Local node identity is: …").
 *
 * <pre>{@code
 * PeerId id = PeerId.ofEd25519(Ed25519KeyPair.fromSeed(secret).publicKey());
 * String text = id.toBase58();
 * }</pre>
 *
 * @param multihash the multihash bytes
 */
public record PeerId(Bytes multihash) {
  /**
   * protobuf {@code PublicKey{Type: Ed25519 (1), Data: 32 bytes}}: field 1 varint, field 2 bytes.
   */
  private static final byte[] ED25519_KEY_PREFIX = {0x08, 0x01, 0x12, 0x20};

  /** The multihash code of the identity "hash", used for keys of at most 42 bytes. */
  private static final byte IDENTITY = 0x00;

  /** The peer id of an ed25519 public key. */
  public static PeerId ofEd25519(Bytes publicKey) {
    if (publicKey.length() != 32) {
      throw new IllegalArgumentException(
          "an ed25519 public key has 32 bytes, not " + publicKey.length());
    }
    byte[] encodedKey = new byte[ED25519_KEY_PREFIX.length + 32];
    System.arraycopy(ED25519_KEY_PREFIX, 0, encodedKey, 0, ED25519_KEY_PREFIX.length);
    System.arraycopy(publicKey.toArray(), 0, encodedKey, ED25519_KEY_PREFIX.length, 32);
    byte[] multihash = new byte[2 + encodedKey.length];
    multihash[0] = IDENTITY;
    multihash[1] = (byte) encodedKey.length;
    System.arraycopy(encodedKey, 0, multihash, 2, encodedKey.length);
    return new PeerId(Bytes.wrap(multihash));
  }

  /** The base58 text form. */
  public String toBase58() {
    return Base58.encode(multihash.toArray());
  }

  @Override
  public String toString() {
    return toBase58();
  }
}
