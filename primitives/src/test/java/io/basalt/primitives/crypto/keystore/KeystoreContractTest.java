/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.ecdsa.Ecdsa;
import io.basalt.primitives.crypto.sr25519.Sr25519Vrf;
import io.basalt.primitives.crypto.suri.SecretUriException;
import io.basalt.primitives.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link Keystore} must have. */
abstract class KeystoreContractTest {
  static final Bytes ALICE_SR =
      Bytes.fromHex("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
  static final Bytes ALICE_ED =
      Bytes.fromHex("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee");
  static final Bytes ALICE_ECDSA =
      Bytes.fromHex("0x020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1");
  static final byte[] MESSAGE = "message".getBytes(StandardCharsets.UTF_8);

  abstract Keystore keystore(Optional<String> password);

  Keystore keystore() {
    return keystore(Optional.empty());
  }

  @Test
  void insertedKeysSignAndAreListedPerScheme() {
    Keystore ks = keystore();
    ks.insert(KeyTypeId.BABE, "//Alice", ALICE_SR);
    ks.insert(KeyTypeId.BABE, "//Alice", ALICE_ED);
    assertThat(ks.publicKeys(KeyTypeId.BABE, KeyScheme.SR25519)).containsExactly(ALICE_SR);
    assertThat(ks.publicKeys(KeyTypeId.BABE, KeyScheme.ED25519)).containsExactly(ALICE_ED);
    assertThat(ks.publicKeys(KeyTypeId.GRANDPA, KeyScheme.SR25519)).isEmpty();
    byte[] sig = ks.sign(KeyTypeId.BABE, KeyScheme.SR25519, ALICE_SR, MESSAGE).orElseThrow();
    assertThat(KeyScheme.SR25519.verify(sig, MESSAGE, ALICE_SR.toArray())).isTrue();
    assertThat(ks.sign(KeyTypeId.GRANDPA, KeyScheme.SR25519, ALICE_SR, MESSAGE)).isEmpty();
    assertThat(ks.sign(KeyTypeId.BABE, KeyScheme.ED25519, ALICE_SR, MESSAGE)).isEmpty();
  }

  @Test
  void aKeyWhoseUriDoesNotMatchItsPublicKeyIsNeverUsed() {
    Keystore ks = keystore();
    ks.insert(KeyTypeId.AURA, "//Bob", ALICE_SR);
    assertThat(ks.publicKeys(KeyTypeId.AURA, KeyScheme.SR25519)).isEmpty();
    assertThat(ks.sign(KeyTypeId.AURA, KeyScheme.SR25519, ALICE_SR, MESSAGE)).isEmpty();
    assertThat(ks.hasKeys(List.of(new Keystore.KeyReference(KeyTypeId.AURA, ALICE_SR)))).isTrue();
  }

  @Test
  void hasKeysRequiresEveryKey() {
    Keystore ks = keystore();
    ks.insert(KeyTypeId.GRANDPA, "//Alice", ALICE_ED);
    Keystore.KeyReference gran = new Keystore.KeyReference(KeyTypeId.GRANDPA, ALICE_ED);
    Keystore.KeyReference babe = new Keystore.KeyReference(KeyTypeId.BABE, ALICE_SR);
    assertThat(ks.hasKeys(List.of(gran))).isTrue();
    assertThat(ks.hasKeys(List.of(gran, babe))).isFalse();
    assertThat(ks.hasKeys(List.of())).isTrue();
  }

  @Test
  void generateWithASeedGivesThatKey() {
    Keystore ks = keystore();
    assertThat(ks.generate(KeyTypeId.BABE, KeyScheme.SR25519, Optional.of("//Alice")))
        .isEqualTo(ALICE_SR);
    assertThat(ks.generate(KeyTypeId.BEEFY, KeyScheme.ECDSA, Optional.of("//Alice")))
        .isEqualTo(ALICE_ECDSA);
    assertThat(ks.publicKeys(KeyTypeId.BABE, KeyScheme.SR25519)).containsExactly(ALICE_SR);
    assertThat(ks.hasKeys(List.of(new Keystore.KeyReference(KeyTypeId.BABE, ALICE_SR)))).isTrue();
    assertThatThrownBy(
            () -> ks.generate(KeyTypeId.BABE, KeyScheme.SR25519, Optional.of("not.a.uri")))
        .isInstanceOf(SecretUriException.class);
  }

  @Test
  void generateWithoutASeedCreatesARandomKey() {
    Keystore ks = keystore();
    Bytes a = ks.generate(KeyTypeId.ACCOUNT, KeyScheme.ED25519, Optional.empty());
    Bytes b = ks.generate(KeyTypeId.ACCOUNT, KeyScheme.ED25519, Optional.empty());
    assertThat(a).isNotEqualTo(b);
    assertThat(ks.publicKeys(KeyTypeId.ACCOUNT, KeyScheme.ED25519)).containsExactlyInAnyOrder(a, b);
    byte[] sig = ks.sign(KeyTypeId.ACCOUNT, KeyScheme.ED25519, a, MESSAGE).orElseThrow();
    assertThat(KeyScheme.ED25519.verify(sig, MESSAGE, a.toArray())).isTrue();
  }

  @Test
  void ecdsaSignsPrehashedAndSr25519SignsVrfs() {
    Keystore ks = keystore();
    ks.insert(KeyTypeId.BEEFY, "//Alice", ALICE_ECDSA);
    ks.insert(KeyTypeId.BABE, "//Alice", ALICE_SR);
    byte[] hash = Hashing.blake2b256(MESSAGE);
    byte[] sig = ks.signPrehashed(KeyTypeId.BEEFY, ALICE_ECDSA, hash).orElseThrow();
    assertThat(Ecdsa.verifyPrehashed(sig, hash, ALICE_ECDSA.toArray())).isTrue();
    assertThat(ks.sign(KeyTypeId.BEEFY, KeyScheme.ECDSA, ALICE_ECDSA, MESSAGE)).contains(sig);
    byte[] ctx = "substrate-babe-vrf".getBytes(StandardCharsets.UTF_8);
    Sr25519Vrf.VrfSignature vrf =
        ks.sr25519VrfSign(KeyTypeId.BABE, ALICE_SR, Sr25519Vrf.signingTranscript(ctx, MESSAGE))
            .orElseThrow();
    assertThat(
            Sr25519Vrf.verify(
                ALICE_SR.toArray(), Sr25519Vrf.signingTranscript(ctx, MESSAGE), vrf.toBytes()))
        .isTrue();
  }

  @Test
  void thePasswordAppliesToStoredPhrases() {
    Keystore ks = keystore(Optional.of("password"));
    Bytes withPassword =
        KeyScheme.SR25519.fromSuri("//Alice///password", Optional.empty()).pair().publicKey();
    ks.insert(KeyTypeId.BABE, "//Alice", withPassword);
    ks.insert(KeyTypeId.BABE, "//Alice", ALICE_SR);
    assertThat(ks.publicKeys(KeyTypeId.BABE, KeyScheme.SR25519)).containsExactly(withPassword);
  }

  @Test
  void devKeysAreTheWellKnownOnes() {
    Keystore ks = keystore();
    DevKeys.insert(
        ks,
        "alice",
        List.of(
            new DevKeys.KeySpec(KeyTypeId.AURA, KeyScheme.SR25519),
            new DevKeys.KeySpec(KeyTypeId.GRANDPA, KeyScheme.ED25519)));
    assertThat(ks.publicKeys(KeyTypeId.AURA, KeyScheme.SR25519)).containsExactly(ALICE_SR);
    assertThat(ks.publicKeys(KeyTypeId.GRANDPA, KeyScheme.ED25519)).containsExactly(ALICE_ED);
    assertThatThrownBy(() -> DevKeys.insert(ks, "mallory", List.of()))
        .hasMessageContaining("unknown dev account 'mallory'");
  }
}
