/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.transport;

import io.basalt.primitives.crypto.PeerId;

/** A {@link ByteStream} whose protocol was negotiated with multistream-select. */
public interface Substream extends ByteStream {
  /** The peer at the other end (authenticated by Noise). */
  PeerId remotePeer();

  /** The negotiated protocol name, e.g. {@code /<genesis>/block-announces/1}. */
  String protocol();

  /** The connection that carries this stream. */
  Connection connection();
}
