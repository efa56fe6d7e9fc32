/* SPDX-License-Identifier: Apache-2.0 */
/**
 * GRANDPA finality. {@link io.basalt.node.consensus.grandpa.GrandpaFinality} is both a {@link
 * io.basalt.node.importer.BlockVerifier} (a {@code FRNK} justification on an imported block is
 * checked by {@link io.basalt.node.consensus.grandpa.JustificationCheck} and finalizes it; the
 * block's change digests are recorded in aux) and a chain listener that tracks the {@link
 * io.basalt.node.consensus.grandpa.GrandpaState} (current {@link
 * io.basalt.node.consensus.grandpa.AuthoritySet}, {@link
 * io.basalt.node.consensus.grandpa.PendingChange}s per fork) and, when the keystore's {@code gran}
 * keys hold a supermajority, votes: it signs precommits, builds a {@link
 * io.basalt.node.consensus.grandpa.GrandpaJustification} and finalizes with it. When the local keys
 * hold less, and a {@link io.basalt.node.consensus.grandpa.GrandpaNetwork} is attached (the node's
 * {@code /<genesis>/grandpa/1} gossip), it votes with the network: rounds with prevote and
 * precommit phases ({@link io.basalt.node.consensus.grandpa.VotingRound} collects the votes and
 * finds their ghost), commits sent and received.
 *
 * <p>Formats follow polkadot-sdk: {@code sp_consensus_grandpa::ConsensusLog} ({@link
 * io.basalt.node.consensus.grandpa.ConsensusLog}), the authority list of {@code
 * GrandpaApi_grandpa_authorities}, {@code sc_consensus_grandpa::GrandpaJustification} and the
 * signed payload {@code (Message::Precommit, round, set_id)} of finality-grandpa.
 *
 * <pre>{@code
 * GrandpaFinality grandpa = new GrandpaFinality(chain, new RuntimeCalls(chain, runtimes), keystore);
 * importer.addVerifier(grandpa);
 * grandpa.start();
 * }</pre>
 *
 * <p>Not done: catch-up requests and answers, primary proposals, finality-grandpa's full voting
 * rules (a prevote is the best block, not checked against the last round's estimate), vote timing
 * by gossip duration (a round that stalls is abandoned after a fixed timeout), Pause/Resume and
 * OnDisabled logs (decoded, not acted on), equivocation reports.
 */
package io.basalt.node.consensus.grandpa;
