/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.keystore;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.bip39.Mnemonic;
import io.basalt.primitives.crypto.merlin.Transcript;
import io.basalt.primitives.crypto.sr25519.Sr25519Vrf;
import io.basalt.primitives.crypto.suri.SecretUriException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logic shared by the key stores: keys are secret URIs indexed by (key type, public key); a key
 * is usable under a scheme only if its URI, with the key store's password, produces that public key
 * under that scheme. Loaded pairs are cached. Subclasses provide persistent storage; keys generated
 * from an explicit seed live in memory only, as in Substrate.
 */
abstract class SecretUriKeystore implements Keystore {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Optional<String> password;
  private final Map<Entry, String> ephemeral = new ConcurrentHashMap<>();
  private final Map<CacheKey, KeyPair> pairs = new ConcurrentHashMap<>();

  SecretUriKeystore(Optional<String> password) {
    this.password = password;
  }

  /** Persists a key. */
  abstract void store(KeyTypeId keyType, Bytes publicKey, String suri);

  /** The persisted URI of a key, if any. */
  abstract Optional<String> load(KeyTypeId keyType, Bytes publicKey);

  /** The persisted public keys of a key type, in a stable order. */
  abstract List<Bytes> list(KeyTypeId keyType);

  @Override
  public void insert(KeyTypeId keyType, String suri, Bytes publicKey) {
    store(keyType, publicKey, suri);
    pairs.keySet().removeIf(k -> k.keyType.equals(keyType) && k.publicKey.equals(publicKey));
  }

  @Override
  public List<Bytes> publicKeys(KeyTypeId keyType, KeyScheme scheme) {
    List<Bytes> keys = new ArrayList<>(list(keyType));
    ephemeral.keySet().stream()
        .filter(e -> e.keyType.equals(keyType))
        .map(Entry::publicKey)
        .sorted()
        .filter(k -> !keys.contains(k))
        .forEach(keys::add);
    return keys.stream()
        .filter(k -> k.length() == scheme.publicKeyLength())
        .filter(k -> pair(keyType, scheme, k).isPresent())
        .toList();
  }

  @Override
  public boolean hasKeys(List<KeyReference> keys) {
    return keys.stream()
        .allMatch(
            k ->
                ephemeral.containsKey(new Entry(k.keyType(), k.publicKey()))
                    || load(k.keyType(), k.publicKey()).isPresent());
  }

  @Override
  public Optional<byte[]> sign(
      KeyTypeId keyType, KeyScheme scheme, Bytes publicKey, byte[] message) {
    return pair(keyType, scheme, publicKey).map(p -> p.sign(message));
  }

  @Override
  public Optional<byte[]> signPrehashed(KeyTypeId keyType, Bytes publicKey, byte[] hash) {
    return pair(keyType, KeyScheme.ECDSA, publicKey)
        .map(p -> ((KeyPair.Ecdsa) p).signPrehashed(hash));
  }

  @Override
  public Optional<Sr25519Vrf.VrfSignature> sr25519VrfSign(
      KeyTypeId keyType, Bytes publicKey, Transcript input) {
    return pair(keyType, KeyScheme.SR25519, publicKey)
        .map(p -> Sr25519Vrf.sign(((KeyPair.Sr25519) p).inner(), input));
  }

  @Override
  public Bytes generate(KeyTypeId keyType, KeyScheme scheme, Optional<String> seed) {
    if (seed.isPresent()) {
      KeyPair pair = scheme.fromSuri(seed.get(), password).pair();
      ephemeral.put(new Entry(keyType, pair.publicKey()), seed.get());
      pairs.put(new CacheKey(keyType, scheme, pair.publicKey()), pair);
      return pair.publicKey();
    }
    String phrase = Mnemonic.generate(12, RANDOM).phrase();
    KeyPair pair = scheme.fromSuri(phrase, password).pair();
    store(keyType, pair.publicKey(), phrase);
    pairs.put(new CacheKey(keyType, scheme, pair.publicKey()), pair);
    return pair.publicKey();
  }

  /** The usable pair for a key, loading and checking it on first use. */
  private Optional<KeyPair> pair(KeyTypeId keyType, KeyScheme scheme, Bytes publicKey) {
    CacheKey key = new CacheKey(keyType, scheme, publicKey);
    KeyPair cached = pairs.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<String> suri =
        Optional.ofNullable(ephemeral.get(new Entry(keyType, publicKey)))
            .or(() -> load(keyType, publicKey));
    if (suri.isEmpty()) {
      return Optional.empty();
    }
    KeyPair pair;
    try {
      pair = scheme.fromSuri(suri.get(), password).pair();
    } catch (SecretUriException e) {
      return Optional.empty();
    }
    if (!pair.publicKey().equals(publicKey)) {
      return Optional.empty();
    }
    pairs.put(key, pair);
    return Optional.of(pair);
  }

  private record Entry(KeyTypeId keyType, Bytes publicKey) {}

  private record CacheKey(KeyTypeId keyType, KeyScheme scheme, Bytes publicKey) {}
}
