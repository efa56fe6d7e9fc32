/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

/**
 * Which batches are accepted (jsonrpsee's {@code BatchRequestConfig}): all ({@link #UNLIMITED}, the
 * default), none ({@code --rpc-disable-batch-requests}) or up to a length ({@code
 * --rpc-max-batch-request-len}).
 *
 * @param enabled false when batches are refused with {@code -32005}
 * @param maxLength the longest batch accepted; longer ones get {@code -32010}
 */
public record BatchLimit(boolean enabled, long maxLength) {
  public static final BatchLimit UNLIMITED = new BatchLimit(true, Long.MAX_VALUE);
  public static final BatchLimit DISABLED = new BatchLimit(false, 0);

  public BatchLimit {
    if (maxLength < 0) {
      throw new IllegalArgumentException("a batch limit cannot be negative: " + maxLength);
    }
  }

  /** Batches of at most {@code maxLength} calls. */
  public static BatchLimit of(long maxLength) {
    return new BatchLimit(true, maxLength);
  }
}
