/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.protocol;

import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.bytes.Hex;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The protocol names of one chain, as Substrate's {@code sc-network} and its protocol configs build
 * them. Each method returns the main name first, then the fallbacks in the order Substrate offers
 * them. The main name is {@code /<genesis hex>/…}, or {@code /<genesis hex>/<forkId>/…} when the
 * chain spec has a fork id; the genesis hash is lowercase hex without {@code 0x}. The legacy
 * fallback is {@code /<protocolId>/…} (the chain spec's {@code protocolId}, e.g. {@code dot}),
 * except for GRANDPA whose legacy name is the fixed {@code /paritytech/grandpa/1}.
 *
 * <pre>{@code
 * new ProtocolNames(genesis, Optional.empty(), "dot").blockAnnounces()
 * // [/91b1…90c3/block-announces/1, /dot/block-announces/1]
 * }</pre>
 *
 * @param genesisHash the chain's genesis block hash
 * @param forkId the chain spec's fork id, if any
 * @param legacyProtocolId the chain spec's protocol id
 */
public record ProtocolNames(Hash256 genesisHash, Optional<String> forkId, String legacyProtocolId) {

  public ProtocolNames {
    Objects.requireNonNull(genesisHash, "genesisHash");
    Objects.requireNonNull(forkId, "forkId");
    Objects.requireNonNull(legacyProtocolId, "legacyProtocolId");
  }

  /** Block announces notifications: {@code …/block-announces/1}. */
  public List<String> blockAnnounces() {
    return withLegacy("/block-announces/1");
  }

  /** Block requests: {@code …/sync/2}. */
  public List<String> sync() {
    return withLegacy("/sync/2");
  }

  /** State requests: {@code …/state/2}. */
  public List<String> state() {
    return withLegacy("/state/2");
  }

  /** Light client requests: {@code …/light/2}. */
  public List<String> light() {
    return withLegacy("/light/2");
  }

  /** Warp sync proof requests: {@code …/sync/warp}. */
  public List<String> warp() {
    return withLegacy("/sync/warp");
  }

  /** Transactions notifications: {@code …/transactions/1}. */
  public List<String> transactions() {
    return withLegacy("/transactions/1");
  }

  /** GRANDPA notifications: {@code …/grandpa/1}, then {@code /paritytech/grandpa/1}. */
  public List<String> grandpa() {
    return List.of(prefix() + "/grandpa/1", "/paritytech/grandpa/1");
  }

  /** Kademlia: {@code …/kad}. */
  public List<String> kademlia() {
    return withLegacy("/kad");
  }

  /** {@code /<genesis hex>} or {@code /<genesis hex>/<forkId>}. */
  public String prefix() {
    String genesis = "/" + Hex.encodeBare(genesisHash.unsafeArray());
    return forkId.map(fork -> genesis + "/" + fork).orElse(genesis);
  }

  private List<String> withLegacy(String suffix) {
    return List.of(prefix() + suffix, "/" + legacyProtocolId + suffix);
  }
}
