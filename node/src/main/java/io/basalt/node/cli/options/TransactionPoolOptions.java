/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import io.basalt.node.txpool.TransactionPoolConfig;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The transaction pool's limits and ban time (sc-cli's TransactionPoolParams): the ready queue
 * holds {@code --pool-limit} transactions of {@code --pool-kbytes} KiB in all, the future queue a
 * tenth of each; invalid transactions are refused for {@code --tx-ban-seconds} (1800, or 0 with
 * {@code --dev}).
 */
public final class TransactionPoolOptions {

  @Option(
      names = "--pool-limit",
      paramLabel = "COUNT",
      converter = NonNegativeInt.class,
      description = "Maximum number of transactions in the transaction pool (default: 8192).")
  private int poolLimit = TransactionPoolConfig.DEFAULT_POOL_LIMIT;

  @Option(
      names = "--pool-kbytes",
      paramLabel = "COUNT",
      converter = KiloBytes.class,
      description =
          "Maximum number of kilobytes of all transactions stored in the pool (default: 20480).")
  private long poolKbytes = TransactionPoolConfig.DEFAULT_POOL_KBYTES;

  @Option(
      names = "--tx-ban-seconds",
      paramLabel = "SECONDS",
      converter = NonNegativeLong.class,
      description =
          "How long a transaction is banned for, if it is considered invalid (default: 1800;"
              + " 0 with --dev).")
  private Long txBanSeconds;

  /**
   * The pool's configuration.
   *
   * @param dev whether the node runs a development chain ({@code --dev}): without {@code
   *     --tx-ban-seconds}, nothing stays banned beyond the next block
   */
  public TransactionPoolConfig toConfig(boolean dev) {
    Duration ban =
        txBanSeconds != null
            ? Duration.ofSeconds(txBanSeconds)
            : dev ? Duration.ZERO : TransactionPoolConfig.DEFAULT_BAN_TIME;
    return TransactionPoolConfig.fromLimits(poolLimit, poolKbytes, ban);
  }

  /** A count: a non-negative int. */
  static final class NonNegativeInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return Math.toIntExact(NonNegativeLong.parse(value, Integer.MAX_VALUE));
    }
  }

  /** A size in KiB: a non-negative long whose byte count fits a long. */
  static final class KiloBytes implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return NonNegativeLong.parse(value, Long.MAX_VALUE / 1024);
    }
  }

  /** A number of seconds: a non-negative long. */
  static final class NonNegativeLong implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return parse(value, Long.MAX_VALUE);
    }

    static long parse(String value, long max) {
      long parsed;
      try {
        parsed = Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a whole number");
      }
      if (parsed < 0 || parsed > max) {
        throw new TypeConversionException("'" + value + "' is not between 0 and " + max);
      }
      return parsed;
    }
  }
}
