/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.storage.block.BlockRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrandpaCodecsTest {
  // Independent facts: the well-known ed25519 keys of //Alice and //Bob (Substrate's dev GRANDPA
  // keys, e.g. node-template's chain spec).
  static final Bytes ALICE =
      Bytes.fromHex("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee");
  static final Bytes BOB =
      Bytes.fromHex("0xd17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69");

  @Test
  void devKeysAreTheWellKnownGrandpaKeys() {
    assertThat(GrandpaKeys.publicKey("Alice")).isEqualTo(ALICE);
    assertThat(GrandpaKeys.publicKey("Bob")).isEqualTo(BOB);
  }

  @Test
  void scheduledChangeHasVariantOneThenAuthoritiesThenU32Delay() {
    ConsensusLog log =
        new ConsensusLog.ScheduledChange(List.of(new Authority(ALICE, 1)), 0x0a0b0c0dL);
    Bytes encoded = Bytes.wrap(ConsensusLog.CODEC.encode(log));
    assertThat(encoded)
        .isEqualTo(
            Bytes.fromHex(
                "0x01" + "04" + ALICE.toHex().substring(2) + "0100000000000000" + "0d0c0b0a"));
    assertThat(ConsensusLog.CODEC.decode(encoded)).isEqualTo(log);
  }

  @Test
  void everyConsensusLogRoundTripsAndIsFoundInAHeader() {
    ConsensusLog.ScheduledChange change =
        new ConsensusLog.ScheduledChange(
            List.of(new Authority(ALICE, 1), new Authority(BOB, 3)), 5);
    List<ConsensusLog> logs =
        List.of(
            change,
            new ConsensusLog.ForcedChange(7, change),
            new ConsensusLog.OnDisabled(1),
            new ConsensusLog.Pause(2),
            new ConsensusLog.Resume(3));
    for (ConsensusLog log : logs) {
      assertThat(ConsensusLog.CODEC.decode(ConsensusLog.CODEC.encode(log))).isEqualTo(log);
    }
    Header header =
        new Header(
            Hash256.ZERO,
            1,
            Hash256.ZERO,
            Hash256.ZERO,
            List.of(
                new DigestItem.PreRuntime(EngineId.AURA, Bytes.of((byte) 1)),
                logs.get(1).toDigest(),
                new DigestItem.Consensus(EngineId.AURA, Bytes.of((byte) 2)),
                logs.get(0).toDigest()));
    assertThat(ConsensusLog.of(header)).containsExactly(logs.get(1), logs.get(0));
    assertThat(((DigestItem.Consensus) logs.get(1).toDigest()).data().get(0)).isEqualTo((byte) 2);
  }

  @Test
  void unknownVariantIsADecodingError() {
    assertThatThrownBy(() -> ConsensusLog.CODEC.decode(new byte[] {0}))
        .isInstanceOf(ScaleDecodingException.class)
        .hasMessageContaining("unknown variant index 0");
  }

  @Test
  void justificationRoundTripsWithU32NumbersAndCompactHeaderNumbers() {
    Header target = new Header(Hash256.ZERO, 3, Hash256.ZERO, Hash256.ZERO, List.of());
    Header child = new Header(target.hash(), 4, Hash256.ZERO, Hash256.ZERO, List.of());
    GrandpaJustification j =
        GrandpaKeys.justification(
            9,
            2,
            target,
            List.of(child),
            List.of(new GrandpaKeys.Signed("Alice", target), new GrandpaKeys.Signed("Bob", child)));
    byte[] encoded = GrandpaJustification.CODEC.encode(j);
    assertThat(GrandpaJustification.CODEC.decode(encoded)).isEqualTo(j);
    // round u64, target hash, target number u32, 2 precommits of 32 + 4 + 64 + 32, 1 header
    int header = Header.CODEC.encode(child).length;
    assertThat(encoded.length).isEqualTo(8 + 32 + 4 + 1 + 2 * (32 + 4 + 64 + 32) + 1 + header);
    assertThat(Bytes.wrap(encoded).slice(40, 44)).isEqualTo(Bytes.fromHex("0x03000000"));
  }

  @Test
  void signedPayloadIsPrecommitVariantThenRoundThenSetId() {
    Hash256 hash = Hash256.fromHex("0x" + "11".repeat(32));
    byte[] payload =
        GrandpaJustification.signedPayload(new GrandpaJustification.Precommit(hash, 0x0102), 5, 7);
    assertThat(Bytes.wrap(payload))
        .isEqualTo(
            Bytes.fromHex(
                "0x01" + "11".repeat(32) + "02010000" + "0500000000000000" + "0700000000000000"));
  }

  @Test
  void stateRoundTrips() {
    GrandpaState state =
        new GrandpaState(
            new AuthoritySet(4, List.of(new Authority(ALICE, 1))),
            12,
            List.of(
                new PendingChange(
                    new BlockRef(Hash256.fromHex("0x" + "22".repeat(32)), 9),
                    List.of(new Authority(BOB, 2)),
                    3,
                    true)),
            List.of(new BlockRef(Hash256.fromHex("0x" + "33".repeat(32)), 8)),
            new BlockRef(Hash256.fromHex("0x" + "44".repeat(32)), 7));
    assertThat(GrandpaState.CODEC.decode(GrandpaState.CODEC.encode(state))).isEqualTo(state);
  }

  @Test
  void thresholdIsTheSupermajority() {
    assertThat(set(1).threshold()).isEqualTo(1);
    assertThat(set(1, 1).threshold()).isEqualTo(2);
    assertThat(set(1, 1, 1).threshold()).isEqualTo(3);
    assertThat(set(1, 1, 1, 1).threshold()).isEqualTo(3);
    assertThat(set(10, 10, 10, 10, 10, 10, 10).threshold()).isEqualTo(47);
  }

  private static AuthoritySet set(long... weights) {
    List<Authority> authorities = new java.util.ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      byte[] id = new byte[32];
      id[0] = (byte) i;
      authorities.add(new Authority(Bytes.wrap(id), weights[i]));
    }
    return new AuthoritySet(0, authorities);
  }
}
