/* SPDX-License-Identifier: Apache-2.0 */
/** Multiaddrs: the addresses peers dial, listen on and tell each other, in text and binary form. */
package io.basalt.network.multiaddr;
