/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

import java.util.Objects;

/**
 * Gossip variant 1: a commit ({@code FullCommitMessage}), SCALE {@code round u64 ‖ set_id u64 ‖
 * CompactCommit}.
 *
 * @param round the round that finalized
 * @param setId the authority set id
 * @param commit the commit
 */
public record CommitMessage(long round, long setId, CompactCommit commit) implements GossipMessage {
  public CommitMessage {
    Objects.requireNonNull(commit, "commit");
  }
}
