/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.node.importer.FixtureBlocks;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** BABE's digests as real Westend and Kusama blocks carry them. */
class BabeDigestsTest {
  private static DigestItem.PreRuntime preRuntime(Header h) {
    return h.digest().stream()
        .filter(DigestItem.PreRuntime.class::isInstance)
        .map(DigestItem.PreRuntime.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void westendBlockOneIsASecondaryPlainClaimAnnouncingEpochOne() {
    Header h = FixtureBlocks.westend().get(0).block().header();
    BabePreDigest claim = BabePreDigest.find(h).orElseThrow();
    // 0x02 | index 0 u32 | slot 0x0fc21d77 u64, from the published header bytes
    assertThat(claim).isEqualTo(new BabePreDigest.SecondaryPlain(0, 0x0fc21d77L));
    assertThat(claim.toDigest()).isEqualTo(preRuntime(h));

    List<BabeConsensusLog> logs = BabeConsensusLog.all(h);
    assertThat(logs).hasSize(1);
    BabeConsensusLog.NextEpochData next = (BabeConsensusLog.NextEpochData) logs.getFirst();
    assertThat(next.authorities()).hasSize(4).allMatch(a -> a.weight() == 1);
    assertThat(next.randomness()).isEqualTo(Bytes.wrap(new byte[32]));
    assertThat(h.digest()).contains(next.toDigest());
  }

  @Test
  void primaryClaimsRoundTrip() {
    int primaries = 0;
    for (var block : FixtureBlocks.westend()) {
      Header h = block.block().header();
      BabePreDigest claim = BabePreDigest.find(h).orElseThrow();
      assertThat(claim.toDigest()).isEqualTo(preRuntime(h));
      if (claim instanceof BabePreDigest.Primary p) {
        primaries++;
        assertThat(p.vrfSignature()).contains(p.vrf());
        assertThat(preRuntime(h).data().length()).isEqualTo(1 + 4 + 8 + 32 + 64);
      }
    }
    assertThat(primaries).isEqualTo(31);
  }

  @Test
  void kusamaBlockOneIsASecondaryClaimOfAuthorityOne() {
    Header h = FixtureBlocks.kusama().get(0).block().header();
    assertThat(BabePreDigest.find(h)).contains(new BabePreDigest.SecondaryPlain(1, 0x0fa555efL));
    assertThat(BabeConsensusLog.all(h).getFirst())
        .isInstanceOfSatisfying(
            BabeConsensusLog.NextEpochData.class, d -> assertThat(d.authorities()).hasSize(6));
  }

  @Test
  void configurationLogsRoundTripAndMalformedDigestsAreOneLine() {
    BabeConsensusLog config =
        new BabeConsensusLog.NextConfigData(
            new Ratio(1, 4), AllowedSlots.PRIMARY_AND_SECONDARY_VRF_SLOTS);
    // 0x03 | V1 = 0x01 | c = (1, 4) | allowed slots 2
    assertThat(Bytes.wrap(BabeConsensusLog.CODEC.encode(config)))
        .isEqualTo(Bytes.fromHex("0x0301" + "0100000000000000" + "0400000000000000" + "02"));
    assertThat(BabeConsensusLog.CODEC.decode(BabeConsensusLog.CODEC.encode(config)))
        .isEqualTo(config);

    Header h = FixtureBlocks.westend().get(1).block().header();
    Header twice = h.withoutSeal().withDigestItem(preRuntime(h));
    assertThatThrownBy(() -> BabePreDigest.find(twice))
        .isInstanceOf(BabeDigestException.class)
        .hasMessage("it has 2 BABE pre-runtime digests");
    Header broken =
        new Header(
            h.parentHash(),
            h.number(),
            h.stateRoot(),
            h.extrinsicsRoot(),
            List.of(new DigestItem.PreRuntime(EngineId.BABE, Bytes.fromHex("0x09"))));
    assertThatThrownBy(() -> BabePreDigest.find(broken))
        .isInstanceOf(BabeDigestException.class)
        .hasMessageStartingWith("its BABE pre-runtime digest is malformed: ");
    assertThat(
            BabePreDigest.find(
                new Header(h.parentHash(), 1, h.stateRoot(), h.extrinsicsRoot(), List.of())))
        .isEqualTo(Optional.empty());
  }
}
