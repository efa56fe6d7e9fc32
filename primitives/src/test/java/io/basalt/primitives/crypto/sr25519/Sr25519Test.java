/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.sr25519;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.bip39.Mnemonic;
import io.basalt.primitives.crypto.suri.DeriveJunction;
import io.basalt.primitives.crypto.suri.SecretUri;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Known answers from Substrate's own sp_core and sc-cli tests. */
class Sr25519Test {
  private static final byte[] ALICE =
      Hex.decode("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

  private static Sr25519KeyPair.Derived devDerive(String path) {
    byte[] seed = Mnemonic.parse(SecretUri.DEV_PHRASE).miniSecret("");
    return Sr25519KeyPair.fromMiniSecret(seed)
        .derive(SecretUri.parse(path).junctions(), Optional.of(Bytes.of(seed)));
  }

  @Test
  void seedGivesSubstratesTestVectorPublicKey() {
    Sr25519KeyPair pair =
        Sr25519KeyPair.fromMiniSecret(
            Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    assertThat(pair.publicKey().toHex())
        .isEqualTo("0x44a996beb1eef7bdcab976ab6d2ca26104834164ecf28fb375600576fcc6eb0f");
  }

  @Test
  void hardDerivedAliceMatchesTheWellKnownKeyAndSeed() {
    Sr25519KeyPair.Derived alice = devDerive("//Alice");
    assertThat(alice.pair().publicKey().toArray()).isEqualTo(ALICE);
    assertThat(alice.seed().map(Bytes::toHex))
        .contains("0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a");
    assertThat(devDerive("//Bob").pair().publicKey().toHex())
        .isEqualTo("0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");
  }

  @Test
  void softDerivedAliceMatchesSubstrateAndHasNoSeed() {
    Sr25519KeyPair.Derived soft = devDerive("/Alice");
    assertThat(soft.pair().publicKey().toHex())
        .isEqualTo("0xd6c71059dbbe9ad2b0ed3f289738b800836eb425544ce694825285b958ca755e");
    assertThat(soft.seed()).isEmpty();
    // Soft derivation commutes with the public key.
    byte[] root =
        Sr25519KeyPair.fromMiniSecret(Mnemonic.parse(SecretUri.DEV_PHRASE).miniSecret(""))
            .publicKey()
            .toArray();
    assertThat(Sr25519.derivePublic(root, List.of(DeriveJunction.parse("Alice"))))
        .contains(soft.pair().publicKey());
    assertThat(Sr25519.derivePublic(root, List.of(DeriveJunction.parse("/Alice")))).isEmpty();
  }

  @Test
  void signaturesFromSubkeyVerify() {
    byte[] sig1 =
        Hex.decode(
            "0x4eb25a2285a82374888880af0024eb30c3a21ce086eae3862888d345af607f0ad6fb081312f11730932564f24a9f8ebcee2d46861413ae61307eca58db2c3e81");
    byte[] sig2 =
        Hex.decode(
            "0x026342225155056ea797118c1c8c8b3cc002aa2020c36f4217fa3c302783a572ad3dcd38c231cbaf86cadb93984d329c963ceac0685cc1ee4c1ed50fa443a68f");
    assertThat(Sr25519.verify(sig1, "test message".getBytes(StandardCharsets.UTF_8), ALICE))
        .isTrue();
    assertThat(Sr25519.verify(sig2, Hex.decode("0xaabbcc"), ALICE)).isTrue();
    assertThat(Sr25519.verify(sig2, Hex.decode("0xaabbcd"), ALICE)).isFalse();
  }

  @Test
  void legacySignaturesVerifyOnlyWhenAllowed() {
    byte[] publicKey =
        Hex.decode("b4bfa1f7a5166695eb75299fd1c4c03ea212871c342f2c5dfea0902b2c246918");
    byte[] signature =
        Hex.decode(
            "5a9755f069939f45d96aaf125cf5ce7ba1db998686f87f2fb3cbdea922078741a73891ba265f70c31436e18a9acd14d189d73c12317ab6c313285cd938453202");
    byte[] message =
        "Verifying that I am the owner of 5G9hQLdsKQswNPgB499DeA5PkFBbgkLPJWkkS6FAM6xGQ8xD. Hash: 221455a3\n"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(Sr25519.verify(signature, message, publicKey, true)).isTrue();
    assertThat(Sr25519.verify(signature, message, publicKey, false)).isFalse();
    assertThat(Sr25519.verify(signature, message, publicKey)).isFalse();
  }

  @Test
  void ownSignaturesVerifyAndAreRandomised() {
    Sr25519KeyPair pair = devDerive("//Alice").pair();
    byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] a = pair.sign(message);
    byte[] b = pair.sign(message);
    assertThat(a).isNotEqualTo(b);
    assertThat(Sr25519.verify(a, message, ALICE)).isTrue();
    assertThat(Sr25519.verify(b, message, ALICE, true)).isTrue();
    byte[] unmarked = a.clone();
    unmarked[63] &= 0x7f;
    assertThat(Sr25519.verify(unmarked, message, ALICE)).isFalse();
  }

  @Test
  void malformedInputsAreRejectedWithoutThrowing() {
    byte[] sig = devDerive("//Alice").pair().sign(new byte[0]);
    assertThat(Sr25519.verify(new byte[63], new byte[0], ALICE)).isFalse();
    assertThat(Sr25519.verify(sig, new byte[0], new byte[31])).isFalse();
    assertThat(Sr25519.verify(sig, new byte[0], new byte[33])).isFalse();
    assertThat(Sr25519.verify(null, new byte[0], ALICE)).isFalse();
    byte[] badKey = new byte[32];
    badKey[0] = 1; // a negative field element: not a ristretto encoding
    assertThat(Sr25519.verify(sig, new byte[0], badKey)).isFalse();
    byte[] highS = sig.clone();
    highS[62] = (byte) 0xff;
    highS[63] = (byte) 0xff;
    assertThat(Sr25519.verify(highS, new byte[0], ALICE, true)).isFalse();
  }

  @Test
  void vrfSignaturesVerifyAndOutputsAreDeterministic() {
    Sr25519KeyPair pair = devDerive("//Alice").pair();
    byte[] ctx = "ctx".getBytes(StandardCharsets.UTF_8);
    byte[] msg = "msg".getBytes(StandardCharsets.UTF_8);
    Sr25519Vrf.VrfSignature one = Sr25519Vrf.sign(pair, Sr25519Vrf.signingTranscript(ctx, msg));
    Sr25519Vrf.VrfSignature two = Sr25519Vrf.sign(pair, Sr25519Vrf.signingTranscript(ctx, msg));
    assertThat(one.preOutput()).isEqualTo(two.preOutput());
    assertThat(one.proof()).isNotEqualTo(two.proof());
    assertThat(Sr25519Vrf.verify(ALICE, Sr25519Vrf.signingTranscript(ctx, msg), one.toBytes()))
        .isTrue();
    assertThat(
            Sr25519Vrf.verify(
                ALICE,
                Sr25519Vrf.signingTranscript(ctx, "other".getBytes(StandardCharsets.UTF_8)),
                one.toBytes()))
        .isFalse();
    assertThat(Sr25519Vrf.verify(ALICE, Sr25519Vrf.signingTranscript(ctx, msg), new byte[95]))
        .isFalse();
  }
}
