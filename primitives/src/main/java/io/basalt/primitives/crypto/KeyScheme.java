/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.bip39.InvalidMnemonicException;
import io.basalt.primitives.crypto.bip39.Mnemonic;
import io.basalt.primitives.crypto.ecdsa.Ecdsa;
import io.basalt.primitives.crypto.ecdsa.EcdsaKeyPair;
import io.basalt.primitives.crypto.ed25519.Ed25519;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import io.basalt.primitives.crypto.sr25519.Sr25519;
import io.basalt.primitives.crypto.sr25519.Sr25519KeyPair;
import io.basalt.primitives.crypto.suri.DeriveJunction;
import io.basalt.primitives.crypto.suri.SecretUri;
import io.basalt.primitives.crypto.suri.SecretUriException;
import io.basalt.primitives.hash.Hashing;
import java.util.List;
import java.util.Optional;

/**
 * The three signature schemes of Substrate, with the operations every caller needs regardless of
 * scheme: key pairs from seeds, phrases and secret URIs, verification, account ids.
 *
 * <pre>{@code
 * DerivedKeyPair alice = KeyScheme.SR25519.fromSuri("//Alice", Optional.empty());
 * byte[] sig = alice.pair().sign(message);
 * KeyScheme.SR25519.verify(sig, message, alice.pair().publicKey().toArray());
 * }</pre>
 */
public enum KeyScheme {
  SR25519("sr25519", Sr25519.PUBLIC_KEY_LENGTH, Sr25519.SIGNATURE_LENGTH),
  ED25519("ed25519", Ed25519.PUBLIC_KEY_LENGTH, Ed25519.SIGNATURE_LENGTH),
  ECDSA("ecdsa", Ecdsa.PUBLIC_KEY_LENGTH, Ecdsa.SIGNATURE_LENGTH);

  /** Every scheme's seed (mini secret) is 32 bytes. */
  public static final int SEED_LENGTH = 32;

  private final String schemeName;
  private final int publicKeyLength;
  private final int signatureLength;

  KeyScheme(String schemeName, int publicKeyLength, int signatureLength) {
    this.schemeName = schemeName;
    this.publicKeyLength = publicKeyLength;
    this.signatureLength = signatureLength;
  }

  /**
   * Parses {@code sr25519}, {@code ed25519} or {@code ecdsa}, ignoring case.
   *
   * @throws IllegalArgumentException listing the accepted names
   */
  public static KeyScheme parse(String name) {
    for (KeyScheme scheme : values()) {
      if (scheme.schemeName.equalsIgnoreCase(name.trim())) {
        return scheme;
      }
    }
    throw new IllegalArgumentException(
        "unknown key scheme '" + name + "': expected one of sr25519, ed25519, ecdsa");
  }

  /** The lower-case name used on the command line: sr25519, ed25519, ecdsa. */
  public String schemeName() {
    return schemeName;
  }

  public int publicKeyLength() {
    return publicKeyLength;
  }

  public int signatureLength() {
    return signatureLength;
  }

  /**
   * Verifies with the scheme's current rules (sr25519 without legacy signatures, ed25519 ZIP-215,
   * ecdsa strict over blake2-256(message)): {@code Pair::verify} in sp-core. Never throws.
   */
  public boolean verify(byte[] signature, byte[] message, byte[] publicKey) {
    return switch (this) {
      case SR25519 -> Sr25519.verify(signature, message, publicKey);
      case ED25519 -> Ed25519.verify(signature, message, publicKey);
      case ECDSA -> Ecdsa.verify(signature, message, publicKey);
    };
  }

  /** The AccountId32 of a public key: the key itself, or blake2-256 of it for ecdsa. */
  public Bytes accountId(Bytes publicKey) {
    return this == ECDSA ? Bytes.wrap(Hashing.blake2b256(publicKey.unsafeArray())) : publicKey;
  }

  /**
   * The key pair of a 32-byte seed (sr25519 mini secret, ed25519 seed, ecdsa secret scalar).
   *
   * @throws SecretUriException if the seed is not a valid secret for the scheme
   */
  public KeyPair fromSeed(byte[] seed) {
    if (seed.length != SEED_LENGTH) {
      throw new SecretUriException(
          "invalid seed length: an " + schemeName + " seed is 32 bytes, got " + seed.length);
    }
    try {
      return switch (this) {
        case SR25519 -> new KeyPair.Sr25519(Sr25519KeyPair.fromMiniSecret(seed));
        case ED25519 -> new KeyPair.Ed25519(Ed25519KeyPair.fromSeed(seed));
        case ECDSA -> new KeyPair.Ecdsa(EcdsaKeyPair.fromSeed(seed));
      };
    } catch (IllegalArgumentException e) {
      throw new SecretUriException("invalid seed: " + e.getMessage());
    }
  }

  /**
   * {@code Pair::from_phrase}: the key of a bare BIP39 mnemonic (no path, no {@code ///}), with the
   * seed it was made from.
   *
   * @throws SecretUriException if the phrase is not a valid mnemonic
   */
  public DerivedKeyPair fromPhrase(String phrase, Optional<String> password) {
    Mnemonic mnemonic;
    try {
      mnemonic = Mnemonic.parse(phrase);
    } catch (InvalidMnemonicException e) {
      throw new SecretUriException("invalid phrase: " + e.getMessage());
    }
    byte[] seed = mnemonic.miniSecret(password.orElse(""));
    return new DerivedKeyPair(fromSeed(seed), Optional.of(Bytes.wrap(seed)));
  }

  /**
   * {@code Pair::from_string_with_seed}: the key a secret URI names. The phrase is a mnemonic or a
   * {@code 0x} hex seed of 32 bytes; {@code passwordOverride} wins over a {@code ///password} in
   * the URI; the password only affects mnemonics. The seed is present when the key is a direct
   * function of a seed (never after an sr25519 soft junction).
   *
   * @throws SecretUriException for bad syntax, a bad phrase or seed, or a junction the scheme
   *     cannot follow (soft junctions with ed25519 or ecdsa)
   */
  public DerivedKeyPair fromSuri(String suri, Optional<String> passwordOverride) {
    SecretUri uri = SecretUri.parse(suri);
    Optional<String> password = passwordOverride.or(uri::password);
    DerivedKeyPair root;
    if (uri.isHexSeed()) {
      byte[] seed;
      try {
        seed = Hex.decode(uri.phrase());
      } catch (IllegalArgumentException e) {
        throw new SecretUriException("invalid seed: the 0x-prefixed seed is not valid hex");
      }
      root = new DerivedKeyPair(fromSeed(seed), Optional.of(Bytes.wrap(seed)));
    } else {
      root = fromPhrase(uri.phrase(), password);
    }
    return derive(root, uri.junctions());
  }

  /** Follows a derivation path from a key and its optional seed. */
  public DerivedKeyPair derive(DerivedKeyPair root, List<DeriveJunction> path) {
    if (path.isEmpty()) {
      return root;
    }
    return switch (root.pair()) {
      case KeyPair.Sr25519 sr -> {
        Sr25519KeyPair.Derived d = sr.inner().derive(path, root.seed());
        yield new DerivedKeyPair(new KeyPair.Sr25519(d.pair()), d.seed());
      }
      case KeyPair.Ed25519 ed -> {
        Ed25519KeyPair derived = ed.inner().derive(path);
        yield new DerivedKeyPair(new KeyPair.Ed25519(derived), Optional.of(derived.seed()));
      }
      case KeyPair.Ecdsa ec -> {
        EcdsaKeyPair derived = ec.inner().derive(path);
        yield new DerivedKeyPair(new KeyPair.Ecdsa(derived), Optional.of(derived.seed()));
      }
    };
  }

  /**
   * A public key from a public URI: an SS58 address or {@code 0x} hex key, optionally followed by
   * soft junctions (sr25519 only). Used by {@code key inspect} and {@code key verify}.
   */
  public Optional<Bytes> publicFromSoftPath(Bytes publicKey, List<DeriveJunction> path) {
    if (path.isEmpty()) {
      return Optional.of(publicKey);
    }
    if (this != SR25519) {
      return Optional.empty();
    }
    return Sr25519.derivePublic(publicKey.toArray(), path);
  }

  @Override
  public String toString() {
    return schemeName;
  }
}
