/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import io.basalt.storage.block.BlockRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Justifications signed by the dev keys, checked against the Alice + Bob set. */
class JustificationCheckTest {
  private static final AuthoritySet ALICE_AND_BOB =
      new AuthoritySet(
          3,
          List.of(
              new Authority(GrandpaKeys.publicKey("Alice"), 1),
              new Authority(GrandpaKeys.publicKey("Bob"), 1)));

  // #0 ← #1 ← #2 (target) ← #3 ← #4, and a fork #2' ← #3' off #1
  private final Map<Hash256, Header> chain = new HashMap<>();
  private final List<Header> main = new ArrayList<>();
  private final Header target;
  private final Header forkChild;

  JustificationCheckTest() {
    Header parent = header(Hash256.ZERO, 0, 0);
    main.add(parent);
    for (int n = 1; n <= 4; n++) {
      parent = header(parent.hash(), n, 0);
      main.add(parent);
    }
    target = main.get(2);
    Header fork2 = header(main.get(1).hash(), 2, 1);
    forkChild = header(fork2.hash(), 3, 1);
    for (Header h : List.of(main.get(0), main.get(1), target, fork2, forkChild)) {
      chain.put(h.hash(), h);
    }
  }

  @Test
  void acceptsPrecommitsOnTheTargetAndOnDescendantsGivenInAncestries() {
    GrandpaJustification j =
        GrandpaKeys.justification(
            7,
            3,
            target,
            List.of(main.get(4), main.get(3)),
            List.of(signed("Alice", target), signed("Bob", main.get(4))));
    assertThat(check(j)).isEmpty();
  }

  @Test
  void refusesAFlippedSignatureByte() {
    GrandpaJustification good =
        GrandpaKeys.justification(
            7, 3, target, List.of(), List.of(signed("Alice", target), signed("Bob", target)));
    GrandpaJustification.SignedPrecommit bob = good.commit().precommits().get(1);
    byte[] sig = bob.signature().toArray();
    sig[10] ^= 1;
    GrandpaJustification bad =
        withPrecommits(
            good,
            List.of(
                good.commit().precommits().get(0),
                new GrandpaJustification.SignedPrecommit(
                    bob.precommit(), Bytes.wrap(sig), bob.id())));
    assertThat(check(bad))
        .contains(
            "GRANDPA justification (round 7, set 3) for #2: bad signature on the precommit of "
                + GrandpaKeys.publicKey("Bob").toHex());
  }

  @Test
  void refusesASignatureForAnotherRoundOrSet() {
    GrandpaJustification otherSet =
        GrandpaKeys.justification(
            7, 4, target, List.of(), List.of(signed("Alice", target), signed("Bob", target)));
    assertThat(check(otherSet)).get().asString().contains("bad signature");
    GrandpaJustification j =
        GrandpaKeys.justification(
            7, 3, target, List.of(), List.of(signed("Alice", target), signed("Bob", target)));
    GrandpaJustification otherRound = new GrandpaJustification(8, j.commit(), List.of());
    assertThat(check(otherRound)).get().asString().contains("bad signature");
  }

  @Test
  void refusesASignerOutsideTheSet() {
    GrandpaJustification j =
        GrandpaKeys.justification(
            7, 3, target, List.of(), List.of(signed("Alice", target), signed("Charlie", target)));
    assertThat(check(j))
        .contains(
            "GRANDPA justification (round 7, set 3) for #2: signer "
                + GrandpaKeys.publicKey("Charlie").toHex()
                + " is not a voter of the set");
  }

  @Test
  void refusesWeightBelowTheThresholdAndCountsASignerOnce() {
    GrandpaJustification alone =
        GrandpaKeys.justification(7, 3, target, List.of(), List.of(signed("Alice", target)));
    assertThat(check(alone))
        .contains(
            "GRANDPA justification (round 7, set 3) for #2: the precommits weigh 1, below the"
                + " supermajority 2 of 2");
    GrandpaJustification twice =
        GrandpaKeys.justification(
            7,
            3,
            target,
            List.of(main.get(3)),
            List.of(signed("Alice", target), signed("Alice", main.get(3))));
    assertThat(check(twice)).get().asString().contains("weigh 1, below the supermajority 2");
  }

  @Test
  void refusesAPrecommitOnAnotherFork() {
    GrandpaJustification j =
        GrandpaKeys.justification(
            7, 3, target, List.of(), List.of(signed("Alice", target), signed("Bob", forkChild)));
    assertThat(check(j))
        .contains(
            "GRANDPA justification (round 7, set 3) for #2: the precommit of "
                + GrandpaKeys.publicKey("Bob").toHex()
                + " for #3 ("
                + forkChild.hash()
                + ") does not descend from the target");
  }

  @Test
  void refusesMissingOrUnneededAncestries() {
    GrandpaJustification missing =
        GrandpaKeys.justification(
            7, 3, target, List.of(), List.of(signed("Alice", target), signed("Bob", main.get(4))));
    assertThat(check(missing))
        .get()
        .asString()
        .endsWith("has an ancestry not in votes_ancestries nor the chain");
    GrandpaJustification extra =
        GrandpaKeys.justification(
            7,
            3,
            target,
            List.of(main.get(3)),
            List.of(signed("Alice", target), signed("Bob", target)));
    assertThat(check(extra))
        .get()
        .asString()
        .endsWith("votes_ancestries holds 1 header(s) no precommit needs");
  }

  @Test
  void refusesACommitForAnotherBlock() {
    GrandpaJustification j =
        GrandpaKeys.justification(
            7, 3, main.get(1), List.of(), List.of(signed("Alice", main.get(1))));
    assertThat(check(j)).get().asString().contains("targets #1 (").contains("), not #2 (");
  }

  @Test
  void anEmptySetFinalizesNothing() {
    GrandpaJustification j = GrandpaKeys.justification(1, 0, target, List.of(), List.of());
    assertThat(
            JustificationCheck.check(
                j, new AuthoritySet(0, List.of()), ref(target), h -> Optional.empty()))
        .contains("GRANDPA justification (round 1, set 0) for #2: the set has no voters");
  }

  private Optional<String> check(GrandpaJustification j) {
    // the encoding round-trips as stored
    GrandpaJustification decoded = GrandpaJustification.CODEC.decode(j.encoded());
    return JustificationCheck.check(
        decoded, ALICE_AND_BOB, ref(target), h -> Optional.ofNullable(chain.get(h)));
  }

  private static GrandpaJustification withPrecommits(
      GrandpaJustification j, List<GrandpaJustification.SignedPrecommit> precommits) {
    return new GrandpaJustification(
        j.round(),
        new GrandpaJustification.Commit(
            j.commit().targetHash(), j.commit().targetNumber(), precommits),
        j.votesAncestries());
  }

  private static GrandpaKeys.Signed signed(String who, Header block) {
    return new GrandpaKeys.Signed(who, block);
  }

  private static BlockRef ref(Header h) {
    return new BlockRef(h.hash(), h.number());
  }

  private static Header header(Hash256 parent, long number, int fork) {
    return new Header(
        parent,
        number,
        Hash256.ZERO,
        Hash256.ZERO,
        List.of(new DigestItem.Other(Bytes.of((byte) fork))));
  }
}
