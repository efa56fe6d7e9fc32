/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

/** A step of block building that must succeed failed (e.g. {@code initialize_block} panicked). */
public final class BlockBuildingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BlockBuildingException(String message) {
    super(message);
  }
}
