/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.ed25519.Ed25519;
import io.basalt.primitives.types.Header;
import io.basalt.storage.block.BlockRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a {@link GrandpaJustification} against the authority set that voted, as
 * sc-consensus-grandpa does before a justification finalizes anything: the commit targets the
 * expected block; every precommit is signed (ed25519) by a voter of the set over {@link
 * GrandpaJustification#signedPayload} with the justification's round and the set's id, and is for
 * the target or a descendant of it, linked through {@code votes_ancestries} or the known chain;
 * every ancestry header is needed; and the voters, each counted once, weigh at least the set's
 * {@link AuthoritySet#threshold()}.
 *
 * <pre>{@code
 * Optional<String> problem = JustificationCheck.check(j, set, target, chain::header);
 * }</pre>
 */
public final class JustificationCheck {
  private JustificationCheck() {}

  /**
   * Checks {@code justification}.
   *
   * @param target the block the justification must finalize
   * @param known headers the node has (the chain, and the block being imported)
   * @return empty if it is valid, else one line saying what is wrong
   */
  public static Optional<String> check(
      GrandpaJustification justification,
      AuthoritySet set,
      BlockRef target,
      Function<Hash256, Optional<Header>> known) {
    GrandpaJustification.Commit commit = justification.commit();
    String where = "GRANDPA justification (round " + justification.round() + ", set " + set.setId();
    if (!commit.targetHash().equals(target.hash()) || commit.targetNumber() != target.number()) {
      return Optional.of(
          where
              + ") targets #"
              + commit.targetNumber()
              + " ("
              + commit.targetHash()
              + "), not #"
              + target.number()
              + " ("
              + target.hash()
              + ")");
    }
    where += ") for #" + target.number();
    if (set.totalWeight() == 0) {
      return Optional.of(where + ": the set has no voters");
    }
    Map<Hash256, Header> ancestries = new HashMap<>();
    for (Header h : justification.votesAncestries()) {
      ancestries.put(h.hash(), h);
    }
    Set<Hash256> usedAncestries = new HashSet<>();
    Set<Bytes> counted = new HashSet<>();
    long weight = 0;
    for (GrandpaJustification.SignedPrecommit signed : commit.precommits()) {
      Bytes id = signed.id();
      Optional<Authority> voter = set.find(id);
      if (voter.isEmpty()) {
        return Optional.of(where + ": signer " + id.toHex() + " is not a voter of the set");
      }
      byte[] payload =
          GrandpaJustification.signedPayload(
              signed.precommit(), justification.round(), set.setId());
      if (!Ed25519.verify(signed.signature().unsafeArray(), payload, id.unsafeArray())) {
        return Optional.of(where + ": bad signature on the precommit of " + id.toHex());
      }
      Optional<String> unlinked =
          descendsFromTarget(signed.precommit(), target, ancestries, usedAncestries, known);
      if (unlinked.isPresent()) {
        return Optional.of(where + ": the precommit of " + id.toHex() + " " + unlinked.get());
      }
      if (counted.add(id)) {
        weight += voter.get().weight();
      }
    }
    if (usedAncestries.size() < ancestries.size()) {
      return Optional.of(
          where
              + ": votes_ancestries holds "
              + (ancestries.size() - usedAncestries.size())
              + " header(s) no precommit needs");
    }
    if (weight < set.threshold()) {
      return Optional.of(
          where
              + ": the precommits weigh "
              + weight
              + ", below the supermajority "
              + set.threshold()
              + " of "
              + set.totalWeight());
    }
    return Optional.empty();
  }

  /** Walks from the precommitted block down to the target's height; empty if it lands on it. */
  private static Optional<String> descendsFromTarget(
      GrandpaJustification.Precommit precommit,
      BlockRef target,
      Map<Hash256, Header> ancestries,
      Set<Hash256> usedAncestries,
      Function<Hash256, Optional<Header>> known) {
    String vote = "for #" + precommit.targetNumber() + " (" + precommit.targetHash() + ")";
    if (precommit.targetNumber() < target.number()) {
      return Optional.of(vote + " is below the target");
    }
    Hash256 hash = precommit.targetHash();
    long number = precommit.targetNumber();
    while (number > target.number()) {
      Optional<Header> header = Optional.ofNullable(ancestries.get(hash));
      if (header.isPresent()) {
        usedAncestries.add(hash);
      } else {
        header = known.apply(hash);
      }
      if (header.isEmpty()) {
        return Optional.of(vote + " has an ancestry not in votes_ancestries nor the chain");
      }
      if (header.get().number() != number) {
        return Optional.of(vote + " names block #" + header.get().number() + " by that hash");
      }
      hash = header.get().parentHash();
      number--;
    }
    return hash.equals(target.hash())
        ? Optional.empty()
        : Optional.of(vote + " does not descend from the target");
  }
}
