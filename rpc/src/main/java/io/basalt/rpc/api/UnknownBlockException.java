/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Hash256;

/**
 * A facade was asked about a block it does not have. The method groups turn it into their
 * namespace's error, as Substrate does (e.g. {@code 4003 "Client error: UnknownBlock: Header was
 * not found in the database: 0x…"} for {@code state_*}).
 */
public final class UnknownBlockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Hash256 block;

  public UnknownBlockException(Hash256 block) {
    super("unknown block " + block, null, false, false);
    this.block = block;
  }

  /** The block asked about. */
  public Hash256 block() {
    return block;
  }
}
