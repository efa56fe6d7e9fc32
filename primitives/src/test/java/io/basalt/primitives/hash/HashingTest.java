/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashingTest {
  /** The sr25519 public key of the dev account //Alice. */
  private static final byte[] ALICE =
      Hex.decode("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void blake2b256OfEmptyInputMatchesRfcVector() {
    assertThat(Hex.encode(Hashing.blake2b256(new byte[0])))
        .isEqualTo("0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  }

  @Test
  void blake2b512OfAbcMatchesRfc7693AppendixA() {
    assertThat(Hex.encode(Hashing.blake2b512(ascii("abc"))))
        .isEqualTo(
            "0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
  }

  @Test
  void emptyTrieRootIsBlake2OfZeroByte() {
    assertThat(Hex.encode(Hashing.blake2b256(new byte[] {0})))
        .isEqualTo("0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Core, df6acb689907609b",
    "Metadata, 37e397fc7c91f5e4",
    "BlockBuilder, 40fe3ad401f8959a",
    "TaggedTransactionQueue, d2bc9897eed08f15",
    "OffchainWorkerApi, f78b278be53f454c",
    "BabeApi, cbca25e39f142387",
    "GrandpaApi, ed99c5acb25eedf5",
    "AuraApi, dd718d5cc53262d4",
    "SessionKeys, ab3c0572291feb8b",
    "AccountNonceApi, bc9d89904f5b923f",
    "TransactionPaymentApi, 37c8bb1350a9a2a8",
    "GenesisBuilder, fbc577b9d747efd6"
  })
  void runtimeApiIdsAreBlake2b64OfTheTraitName(String api, String id) {
    assertThat(Hex.encodeBare(Hashing.blake2b64(ascii(api)))).isEqualTo(id);
  }

  @Test
  void blake2bHandlesInputsAcrossBlockBoundaries() {
    // 0..255 repeated: exercises the 128-byte block boundary and the final-block rule.
    byte[] data = new byte[1000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    byte[] oneShot = Hashing.blake2b256(data);
    Blake2b streaming = new Blake2b(32);
    for (int i = 0; i < data.length; i += 37) {
      streaming.update(data, i, Math.min(37, data.length - i));
    }
    assertThat(streaming.digest()).isEqualTo(oneShot);
    Blake2b exact = new Blake2b(32).update(data, 0, 128).update(data, 128, 872);
    assertThat(exact.digest()).isEqualTo(oneShot);
  }

  @Test
  void twoxMatchesFrameStorageKeys() {
    assertThat(Hex.encodeBare(Hashing.twox128(ascii("System"))))
        .isEqualTo("26aa394eea5630e07c48ae0c9558cef7");
    assertThat(Hex.encodeBare(Hashing.twox128(ascii("Number"))))
        .isEqualTo("02a5c1b19ab7a04f536c519aca4983ac");
    assertThat(Hex.encodeBare(Hashing.twox128(ascii("Account"))))
        .isEqualTo("b99d880ec681799c0cf30e8886371da9");
    assertThat(Hex.encodeBare(Hashing.twox128(ascii("Timestamp"))))
        .isEqualTo("f0c365c3cf59d671eb72da0e7a4113c4");
    assertThat(Hex.encodeBare(Hashing.twox128(ascii("Now"))))
        .isEqualTo("9f1f0515f462cdcf84e0f1d6045dfcbb");
  }

  @Test
  void xxHash64MatchesReferenceVectors() {
    assertThat(XxHash64.hash(new byte[0], 0, 0, 0)).isEqualTo(0xef46db3751d8e999L);
    // 26 bytes exercises the tail loops, 43 bytes the 32-byte stripes.
    byte[] alphabet = ascii("abcdefghijklmnopqrstuvwxyz");
    assertThat(XxHash64.hash(alphabet, 0, alphabet.length, 0)).isEqualTo(0xcfe1f278fa89835cL);
    byte[] fox = ascii("The quick brown fox jumps over the lazy dog");
    assertThat(XxHash64.hash(fox, 0, fox.length, 0)).isEqualTo(0x0b242d361fda71bcL);
  }

  @Test
  void keccakMatchesEthereumVectors() {
    assertThat(Hex.encodeBare(Hashing.keccak256(new byte[0])))
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(Hex.encodeBare(Hashing.keccak512(new byte[0])))
        .isEqualTo(
            "0eab42de4c3ceb9235fc91acffe746b29c29a8c366b7c60e4e67c466f36a4304"
                + "c00fa9caf9d87976ba469bcbe06713b435f091ef2769fb160cdab33d3670680e");
    // 200 bytes crosses the 136-byte rate of Keccak-256: compare with BouncyCastle.
    byte[] long200 = new byte[200];
    org.bouncycastle.crypto.digests.KeccakDigest reference =
        new org.bouncycastle.crypto.digests.KeccakDigest(256);
    reference.update(long200, 0, long200.length);
    byte[] expected = new byte[32];
    reference.doFinal(expected, 0);
    assertThat(Hashing.keccak256(long200)).isEqualTo(expected);
  }

  @Test
  void sha256MatchesFips180Vector() {
    assertThat(Hex.encodeBare(Hashing.sha256(ascii("abc"))))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void blake2bMatchesPublishedVectorsAtEveryDigestSize() {
    // BLAKE2 reference KAT (unkeyed, empty input) and RFC 7693 Appendix A ("abc").
    assertThat(Hex.encodeBare(Hashing.blake2b512(new byte[0])))
        .isEqualTo(
            "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
                + "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce");
    assertThat(Hex.encodeBare(Hashing.blake2b256(ascii("abc"))))
        .isEqualTo("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    // blake2b-128: the digest size is a parameter of the hash, not a truncation.
    assertThat(Hex.encodeBare(Hashing.blake2b128(new byte[0])))
        .isEqualTo("cae66941d9efbd404e4d88758ea67670");
    assertThat(Hex.encodeBare(Hashing.blake2b128(ascii("abc"))))
        .isEqualTo("cf4ab791c62b8d2b2109c90275287816");
    assertThat(Hex.encodeBare(Hashing.blake2b128(ALICE)))
        .isEqualTo("de1e86a9a8c739864cf3cc5ec2bea59f");
  }

  @Test
  void twoxOfAbcMatchesSubstrateAndPolkadotJsVectors() {
    // sp-io's twox tests and polkadot-js util-crypto's xxhashAsHex('abc', 64|128|256).
    assertThat(Hex.encodeBare(Hashing.twox64(ascii("abc")))).isEqualTo("990977adf52cbc44");
    assertThat(Hex.encodeBare(Hashing.twox128(ascii("abc"))))
        .isEqualTo("990977adf52cbc440889329981caa9be");
    assertThat(Hex.encodeBare(Hashing.twox256(ascii("abc"))))
        .isEqualTo("990977adf52cbc440889329981caa9bef7da5770b2b8a05303b75d95360dd62b");
  }

  @Test
  void storageHashersGiveFrameStorageKeys() {
    // System.Account(//Alice): twox128 ‖ twox128 ‖ blake2_128_concat(AccountId).
    byte[] accountKey =
        concat(
            Hashing.twox128(ascii("System")),
            Hashing.twox128(ascii("Account")),
            StorageHasher.BLAKE2_128_CONCAT.hash(ALICE));
    assertThat(Hex.encode(accountKey))
        .isEqualTo(
            "0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9"
                + "de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6"
                + "822c8558854ccde39a5684e7a56da27d");
    // System.BlockHash(0): twox128 ‖ twox128 ‖ twox64_concat(0u32 little-endian).
    byte[] blockHashKey =
        concat(
            Hashing.twox128(ascii("System")),
            Hashing.twox128(ascii("BlockHash")),
            StorageHasher.TWOX_64_CONCAT.hash(new byte[4]));
    assertThat(Hex.encode(blockHashKey))
        .isEqualTo(
            "0x26aa394eea5630e07c48ae0c9558cef7a44704b568d21667356a5a050c118746"
                + "b4def25cfda6ef3a00000000");
    assertThat(Hex.encodeBare(StorageHasher.TWOX_64_CONCAT.hash(ascii("abc"))))
        .isEqualTo("990977adf52cbc44616263");
    assertThat(Hex.encodeBare(StorageHasher.BLAKE2_128_CONCAT.hash(ascii("abc"))))
        .isEqualTo("cf4ab791c62b8d2b2109c90275287816616263");
    byte[] key = {1, 2, 3};
    assertThat(StorageHasher.IDENTITY.hash(key)).isEqualTo(key);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
