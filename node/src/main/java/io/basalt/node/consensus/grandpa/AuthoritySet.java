/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import io.basalt.primitives.bytes.Bytes;
import java.util.List;
import java.util.Optional;

/**
 * The GRANDPA voters of one set: its id (0 at genesis, one more at each change) and the weighted
 * authorities. A block is final once voters holding at least {@link #threshold()} of the weight
 * precommit it or a descendant.
 *
 * @param setId the set's number
 * @param authorities the voters, in the runtime's order
 */
public record AuthoritySet(long setId, List<Authority> authorities) {
  public AuthoritySet {
    authorities = List.copyOf(authorities);
  }

  /** The sum of the weights. */
  public long totalWeight() {
    long total = 0;
    for (Authority a : authorities) {
      total = Math.addExact(total, a.weight());
    }
    return total;
  }

  /**
   * The supermajority: {@code total - floor((total - 1) / 3)}, the weight finality-grandpa needs
   * when up to a third of the weight may be faulty (2 of 2, 3 of 4, 1 of 1).
   */
  public long threshold() {
    long total = totalWeight();
    return total == 0 ? 0 : total - (total - 1) / 3;
  }

  /** The authority with this key, if it is in the set. */
  public Optional<Authority> find(Bytes id) {
    for (Authority a : authorities) {
      if (a.id().equals(id)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
