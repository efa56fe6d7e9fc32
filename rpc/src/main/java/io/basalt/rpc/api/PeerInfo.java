/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Hash256;

/**
 * One connected peer in {@code system_peers}: {@code {"peerId","roles","bestHash","bestNumber"}}.
 *
 * @param peerId base58 peer id
 * @param roles the peer's roles as Substrate prints them, e.g. {@code "FULL"}
 * @param bestHash its best block
 * @param bestNumber its best block number
 */
public record PeerInfo(String peerId, String roles, Hash256 bestHash, long bestNumber) {}
