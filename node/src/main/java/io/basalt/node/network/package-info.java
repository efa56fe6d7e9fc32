/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The node on the peer-to-peer network (ADR 0014): {@link io.basalt.node.network.NetworkService}
 * starts the libp2p host and Substrate's protocols; {@link io.basalt.node.network.ChainSync}
 * downloads blocks into the import pipeline; {@link io.basalt.node.network.BlockRequestServer} and
 * the light servers answer peers from the database; {@link io.basalt.node.network.GrandpaGossip}
 * carries GRANDPA's votes and commits; {@link io.basalt.node.network.NetworkInformant} prints the
 * status line.
 */
package io.basalt.node.network;
