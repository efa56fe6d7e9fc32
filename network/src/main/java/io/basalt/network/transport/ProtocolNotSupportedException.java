/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.transport;

import java.util.List;

/** The peer answered {@code na} to every protocol we proposed on a stream. */
public class ProtocolNotSupportedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProtocolNotSupportedException(List<String> protocols) {
    super("the peer supports none of " + protocols);
  }
}
