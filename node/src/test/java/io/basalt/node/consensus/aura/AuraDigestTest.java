/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.aura;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Aura's pre-runtime digest as sc-consensus-aura writes it: {@code DigestItem::PreRuntime} (variant
 * 6), engine id {@code aura}, the slot as a SCALE u64 inside a byte vector.
 */
class AuraDigestTest {
  @Test
  void preDigestIsPreRuntimeAuraWithTheSlotAsLittleEndianU64() {
    byte[] encoded = DigestItem.CODEC.encode(AuraEngine.preDigest(0x0102030405060708L));
    assertThat(Bytes.wrap(encoded))
        .isEqualTo(Bytes.fromHex("0x06" + "61757261" + "20" + "0807060504030201"));
  }

  @Test
  void slotsAreReadFromAuraPreDigestsOnly() {
    Header header =
        new Header(
            Hash256.ZERO,
            5,
            Hash256.ZERO,
            Hash256.ZERO,
            List.of(
                new DigestItem.PreRuntime(EngineId.BABE, Bytes.fromHex("0x0102")),
                AuraEngine.preDigest(42),
                new DigestItem.Seal(EngineId.AURA, Bytes.EMPTY)));
    assertThat(AuraEngine.preDigestSlots(header)).containsExactly(42L);
  }

  @Test
  void aPreDigestThatIsNoU64IsRefusedInOneLine() {
    Header header =
        new Header(
            Hash256.ZERO,
            5,
            Hash256.ZERO,
            Hash256.ZERO,
            List.of(new DigestItem.PreRuntime(EngineId.AURA, Bytes.fromHex("0x010203"))));
    assertThatThrownBy(() -> AuraEngine.preDigestSlots(header))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad aura pre-runtime digest: a slot is 8 bytes, not 3");
  }
}
