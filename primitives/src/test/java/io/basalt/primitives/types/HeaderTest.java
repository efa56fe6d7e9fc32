/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HeaderTest {
  private static final Hash256 EMPTY_TRIE_ROOT =
      Hash256.fromHex("0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");

  @Test
  void genesisHeaderHashesLikeSubstrate() {
    // Westend's genesis: state root from the fixture README, hash as published.
    Header genesis =
        new Header(
            Hash256.ZERO,
            0,
            Hash256.fromHex("0x7e92439a94f79671f9cade9dff96a094519b9001a7432244d46ab644bb6f746f"),
            EMPTY_TRIE_ROOT,
            List.of());
    assertThat(genesis.hash().toHex())
        .isEqualTo("0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e");
  }

  @Test
  void kusamaBlockOneDecodesReEncodesAndHashes() throws IOException {
    String json = Files.readString(Fixtures.file("blocks/kusama-1.json"));
    Header header = Header.CODEC.decode(Hex.decode(field(json, "header")));
    assertThat(header.number()).isEqualTo(1);
    assertThat(header.hash().toHex()).isEqualTo(field(json, "hash"));
    assertThat(Hex.encode(Header.CODEC.encode(header))).isEqualTo(field(json, "header"));
    assertThat(header.digest()).hasAtLeastOneElementOfType(DigestItem.PreRuntime.class);
    assertThat(header.seal()).isPresent();
    assertThat(header.withoutSeal().digest()).hasSize(header.digest().size() - 1);
  }

  @Test
  void westendBlocksChainTogether() throws IOException {
    String json = Files.readString(Fixtures.file("blocks/westend-1-128.json"));
    Matcher m = Pattern.compile("\"header\"\\s*:\\s*\"(0x[0-9a-f]+)\"").matcher(json);
    Hash256 parent = Hash256.fromHex(field(json, "genesisHash"));
    int count = 0;
    while (m.find()) {
      Header header = Header.CODEC.decode(Hex.decode(m.group(1)));
      assertThat(header.parentHash()).isEqualTo(parent);
      assertThat(header.number()).isEqualTo(++count);
      parent = header.hash();
    }
    assertThat(count).isEqualTo(128);
  }

  @Test
  void everyDigestItemKindRoundTrips() {
    List<DigestItem> items =
        List.of(
            new DigestItem.PreRuntime(EngineId.BABE, Bytes.ofUnsigned(1, 2)),
            new DigestItem.Consensus(EngineId.GRANDPA, Bytes.ofUnsigned(3)),
            new DigestItem.Seal(EngineId.AURA, Bytes.ofUnsigned(4, 5, 6)),
            new DigestItem.Other(Bytes.ofUnsigned(7)),
            new DigestItem.RuntimeEnvironmentUpdated(),
            new DigestItem.ChangesTrieRoot(Hash256.ZERO));
    Header h = new Header(Hash256.ZERO, 1234567, Hash256.ZERO, EMPTY_TRIE_ROOT, items);
    assertThat(Header.CODEC.decode(Header.CODEC.encode(h))).isEqualTo(h);
    assertThat(Hex.encodeBare(DigestItem.CODEC.encode(new DigestItem.RuntimeEnvironmentUpdated())))
        .isEqualTo("08");
    assertThat(Hex.encodeBare(DigestItem.CODEC.encode(items.get(0)))).isEqualTo("0642414245080102");
  }

  @Test
  void westendBlockOneDigestItemsHaveTheirPublishedEncodings() throws IOException {
    // Westend #1: parent (32) | number compact(1) = 0x04 | state root (32) | extrinsics root (32) |
    // digest: compact(3) = 0x0c, then PreRuntime, Consensus (BABE next epoch) and Seal.
    String json = Files.readString(Fixtures.file("blocks/westend-1-128.json"));
    String headerHex = field(json, "header");
    byte[] raw = Hex.decode(headerHex);
    Header header = Header.CODEC.decode(raw);
    assertThat(raw[97]).isEqualTo((byte) 0x0c);
    assertThat(header.digest()).hasSize(3);

    // PreRuntime: 06 | "BABE" | compact(13) = 0x34 | the 13-byte BABE pre-digest.
    DigestItem.PreRuntime preRuntime = (DigestItem.PreRuntime) header.digest().get(0);
    assertThat(preRuntime.engine()).isEqualTo(EngineId.BABE);
    assertThat(Hex.encodeBare(DigestItem.CODEC.encode(preRuntime)))
        .isEqualTo("0642414245" + "34" + "0200000000771dc20f00000000");
    // Consensus: 04 | "BABE" | compact(194) = 0x0903 (two-byte mode) | the epoch data.
    DigestItem.Consensus consensus = (DigestItem.Consensus) header.digest().get(1);
    assertThat(consensus.engine()).isEqualTo(EngineId.BABE);
    assertThat(consensus.data().length()).isEqualTo(194);
    assertThat(Hex.encodeBare(DigestItem.CODEC.encode(consensus)))
        .isEqualTo("0442414245" + "0903" + consensus.data().toHex().substring(2));
    // Seal: 05 | "BABE" | compact(64) = 0x0101 | the signature: the header's last 64 bytes.
    DigestItem.Seal seal = (DigestItem.Seal) header.digest().get(2);
    assertThat(seal.engine()).isEqualTo(EngineId.BABE);
    assertThat(Hex.encodeBare(DigestItem.CODEC.encode(seal)))
        .isEqualTo("0542414245" + "0101" + headerHex.substring(headerHex.length() - 128));
    assertThat(header.seal()).contains(seal);
    // The three encodings are exactly the digest bytes of the published header.
    assertThat(
            "0c"
                + Hex.encodeBare(DigestItem.CODEC.encode(preRuntime))
                + Hex.encodeBare(DigestItem.CODEC.encode(consensus))
                + Hex.encodeBare(DigestItem.CODEC.encode(seal)))
        .isEqualTo(headerHex.substring(2 + 2 * 97));
  }

  @Test
  void otherAndRuntimeEnvironmentUpdatedHaveTheirSpecEncodings() {
    // Other(Vec<u8>): 00 | compact(3) = 0x0c | bytes. RuntimeEnvironmentUpdated: 08, no payload.
    DigestItem other = new DigestItem.Other(Bytes.ofUnsigned(1, 2, 0xff));
    assertThat(Hex.encodeBare(DigestItem.CODEC.encode(other))).isEqualTo("000c0102ff");
    assertThat(DigestItem.CODEC.decode(Hex.decode("000c0102ff"))).isEqualTo(other);
    assertThat(DigestItem.CODEC.decode(Hex.decode("08")))
        .isEqualTo(new DigestItem.RuntimeEnvironmentUpdated());
    // A digest of both in a header: compact(2) = 0x08, then the items.
    Header header =
        new Header(
            Hash256.ZERO,
            5,
            Hash256.ZERO,
            EMPTY_TRIE_ROOT,
            List.of(other, new DigestItem.RuntimeEnvironmentUpdated()));
    assertThat(Hex.encodeBare(Header.CODEC.encode(header)))
        .isEqualTo(
            "00".repeat(32)
                + "14"
                + "00".repeat(32)
                + EMPTY_TRIE_ROOT.toHex().substring(2)
                + "08"
                + "000c0102ff"
                + "08");
    // Indices 2 and 3 were never used, 9 does not exist.
    for (String unknown : List.of("02", "03", "09")) {
      assertThatThrownBy(() -> DigestItem.CODEC.decode(Hex.decode(unknown)))
          .isInstanceOf(ScaleDecodingException.class)
          .hasMessageContaining("DigestItem")
          .hasMessageContaining("unknown variant index " + Integer.parseInt(unknown, 16));
    }
  }

  @Test
  void runtimeVersionDecodesByCoreVersion() {
    RuntimeVersion v3 =
        new RuntimeVersion(
            "node", "node-impl", 1, 100, 2, List.of(new ApiVersion(ApiVersion.CORE, 3)), 5, 0);
    byte[] full = v3.encode();
    // A Core v3 decoder stops before system_version and ignores the trailing byte.
    assertThat(RuntimeVersion.decode(full, OptionalLong.empty())).isEqualTo(v3);
    RuntimeVersion v4 =
        new RuntimeVersion(
            "node", "node-impl", 1, 100, 2, List.of(new ApiVersion(ApiVersion.CORE, 4)), 5, 1);
    assertThat(RuntimeVersion.decode(v4.encode(), OptionalLong.empty())).isEqualTo(v4);
    assertThat(v4.stateVersion()).isEqualTo(StateVersion.V1);
    // Custom-section form: empty API list, Core version given as a hint.
    RuntimeVersion section = v4.withApis(List.of());
    assertThat(RuntimeVersion.decode(section.encode(), OptionalLong.of(4))).isEqualTo(section);
    RuntimeVersion old = RuntimeVersion.decode(section.encode(), OptionalLong.of(2));
    assertThat(old.transactionVersion()).isEqualTo(1);
    assertThat(old.systemVersion()).isZero();
    assertThat(v3.canCallWith(v4)).isTrue();
    assertThat(ApiVersion.CORE.toHex())
        .isEqualTo(
            Hex.encode(
                Hashing.blake2b64("Core".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"(0x[0-9a-f]+)\"").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in fixture");
    }
    return m.group(1);
  }
}
