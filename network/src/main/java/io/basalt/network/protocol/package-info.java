/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The names Substrate gives its protocols for one chain: {@code /<genesis>[/<forkId>]/…} first,
 * then the legacy {@code /<protocolId>/…} fallbacks it still negotiates.
 */
package io.basalt.network.protocol;
