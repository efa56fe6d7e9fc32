/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

import io.basalt.primitives.bytes.Bytes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Substrate chain spec.
 *
 * <p>Fields the node does not interpret ({@code forkBlocks}, {@code badBlocks}, {@code
 * consensusEngine}, {@code lightSyncState}, client extensions…) are kept in {@link #extensions} in
 * their original order, so {@code build-spec} re-emits them. JSON values are held as plain Java:
 * {@code Map} (insertion-ordered), {@code List}, {@code String}, {@code Number}, {@code Boolean} or
 * {@code null}.
 *
 * @param name human-readable chain name
 * @param id chain id; names the chain's folder under the base path
 * @param chainType Development, Local, Live or custom
 * @param bootNodes multiaddresses of boot nodes
 * @param telemetryEndpoints telemetry servers, if the field is present and not null
 * @param protocolId the network protocol id, if any
 * @param properties chain properties ({@code ss58Format}, {@code tokenSymbol}…), if any
 * @param extensions other top-level fields, in order
 * @param codeSubstitutes replacement runtimes by the block number (decimal string) they start at
 * @param genesis the genesis section
 */
public record ChainSpec(
    String name,
    String id,
    ChainType chainType,
    List<String> bootNodes,
    Optional<List<TelemetryEndpoint>> telemetryEndpoints,
    Optional<String> protocolId,
    Optional<Map<String, Object>> properties,
    Map<String, Object> extensions,
    NavigableMap<Long, Bytes> codeSubstitutes,
    Genesis genesis) {

  public ChainSpec {
    bootNodes = List.copyOf(bootNodes);
    telemetryEndpoints = telemetryEndpoints.map(List::copyOf);
    properties = properties.map(p -> Collections.unmodifiableMap(new LinkedHashMap<>(p)));
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    codeSubstitutes = Collections.unmodifiableNavigableMap(new TreeMap<>(codeSubstitutes));
  }

  /** This spec with another genesis section (e.g. a plain spec turned raw). */
  public ChainSpec withGenesis(Genesis newGenesis) {
    return new ChainSpec(
        name,
        id,
        chainType,
        bootNodes,
        telemetryEndpoints,
        protocolId,
        properties,
        extensions,
        codeSubstitutes,
        newGenesis);
  }
}
