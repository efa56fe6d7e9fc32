/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto;

import io.basalt.primitives.bytes.Base58;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.Hashing;
import java.util.Arrays;
import java.util.Optional;

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

  /** The multihash code of SHA-256. */
  private static final byte SHA2_256 = 0x12;

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

  /**
   * The peer id of a protobuf-encoded libp2p {@code PublicKey} (any key type): the identity
   * multihash when the encoding has at most 42 bytes, else its SHA-256 multihash, as libp2p derives
   * it.
   */
  public static PeerId ofEncodedPublicKey(byte[] encodedKey) {
    if (encodedKey.length <= 42) {
      byte[] multihash = new byte[2 + encodedKey.length];
      multihash[0] = IDENTITY;
      multihash[1] = (byte) encodedKey.length;
      System.arraycopy(encodedKey, 0, multihash, 2, encodedKey.length);
      return new PeerId(Bytes.wrap(multihash));
    }
    byte[] digest = Hashing.sha256(encodedKey);
    byte[] multihash = new byte[2 + digest.length];
    multihash[0] = SHA2_256;
    multihash[1] = (byte) digest.length;
    System.arraycopy(digest, 0, multihash, 2, digest.length);
    return new PeerId(Bytes.wrap(multihash));
  }

  /**
   * Parses a multihash: identity (code 0, at most 42 bytes) or SHA-256 (code 0x12, 32 bytes).
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static PeerId fromMultihash(byte[] multihash) {
    if (multihash.length < 2) {
      throw new IllegalArgumentException("a peer id multihash has at least 2 bytes");
    }
    int code = multihash[0] & 0xff;
    int length = multihash[1] & 0xff;
    if (length != multihash.length - 2) {
      throw new IllegalArgumentException(
          "the peer id multihash says " + length + " bytes but has " + (multihash.length - 2));
    }
    if ((code == IDENTITY && length <= 42) || (code == SHA2_256 && length == 32)) {
      return new PeerId(Bytes.of(multihash));
    }
    throw new IllegalArgumentException(
        "a peer id is an identity or sha2-256 multihash, not code 0x" + Integer.toHexString(code));
  }

  /**
   * Parses the base58 form ({@code 12D3KooW…}).
   *
   * @throws IllegalArgumentException when the text is not a peer id
   */
  public static PeerId fromBase58(String text) {
    return fromMultihash(Base58.decode(text));
  }

  /** The ed25519 public key inside an identity-hashed peer id, if it is one. */
  public Optional<Bytes> ed25519PublicKey() {
    byte[] bytes = multihash.toArray();
    if (bytes.length != 2 + ED25519_KEY_PREFIX.length + 32 || bytes[0] != IDENTITY) {
      return Optional.empty();
    }
    for (int i = 0; i < ED25519_KEY_PREFIX.length; i++) {
      if (bytes[2 + i] != ED25519_KEY_PREFIX[i]) {
        return Optional.empty();
      }
    }
    return Optional.of(
        Bytes.of(Arrays.copyOfRange(bytes, 2 + ED25519_KEY_PREFIX.length, bytes.length)));
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
