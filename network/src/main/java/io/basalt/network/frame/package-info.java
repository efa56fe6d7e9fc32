/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Framing shared by every protocol on the wire: the unsigned varint and {@link
 * io.basalt.network.frame.FrameException}, the one exception a malformed frame raises.
 */
package io.basalt.network.frame;
