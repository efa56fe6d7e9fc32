/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

/**
 * The most a queue may hold.
 *
 * @param count transactions
 * @param totalBytes summed encoded size
 */
public record PoolLimit(int count, long totalBytes) {
  public PoolLimit {
    if (count < 0 || totalBytes < 0) {
      throw new IllegalArgumentException(
          "pool limits must not be negative, got "
              + count
              + " transactions / "
              + totalBytes
              + " bytes");
    }
  }

  /** Whether a queue of this size is over the limit. */
  public boolean isExceeded(int transactions, long bytes) {
    return transactions > count || bytes > totalBytes;
  }
}
