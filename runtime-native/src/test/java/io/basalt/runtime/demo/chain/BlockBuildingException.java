/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

/** A step of block building that must succeed failed (e.g. {@code initialize_block} panicked). */
public final class BlockBuildingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /**
   * @param runtime the runtime's name, for the message
   * @param reason what failed, in terms both implementations share (e.g. {@code
   *     Core_initialize_block panicked: Block number must be at least 1})
   */
  public BlockBuildingException(String runtime, String reason) {
    super(runtime + ": " + reason);
    this.reason = reason;
  }

  public BlockBuildingException(String message) {
    super(message);
    this.reason = message;
  }

  /** The failure without the runtime's name: equal for two runtimes that failed alike. */
  public String reason() {
    return reason;
  }
}
