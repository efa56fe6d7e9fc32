/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.txpool.PoolLimit;
import io.basalt.node.txpool.TransactionPoolConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

class TransactionPoolOptionsTest {
  @Command(name = "probe")
  static final class Probe implements Runnable {
    @ArgGroup(validate = false)
    TransactionPoolOptions options = new TransactionPoolOptions();

    @Override
    public void run() {}
  }

  static TransactionPoolOptions parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.options;
  }

  @Test
  void defaultsAreSubstrates() {
    assertThat(parse().toConfig(false)).isEqualTo(TransactionPoolConfig.defaults());
    TransactionPoolConfig config = parse().toConfig(false);
    assertThat(config.ready()).isEqualTo(new PoolLimit(8192, 20_971_520));
    assertThat(config.future()).isEqualTo(new PoolLimit(819, 2_097_152));
    assertThat(config.banTime().toSeconds()).isEqualTo(1800);
  }

  @Test
  void devBansForNoTimeUnlessTold() {
    assertThat(parse().toConfig(true).banTime()).isEqualTo(Duration.ZERO);
    assertThat(parse("--tx-ban-seconds", "7").toConfig(true).banTime())
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void substrateFlagsRoundTripWithTheFutureQueueATenthOfTheReadyOne() {
    TransactionPoolConfig config =
        parse("--pool-limit", "100", "--pool-kbytes", "50", "--tx-ban-seconds", "0")
            .toConfig(false);
    assertThat(config)
        .isEqualTo(
            new TransactionPoolConfig(
                new PoolLimit(100, 51_200),
                new PoolLimit(10, 5_120),
                Duration.ZERO,
                TransactionPoolConfig.DEFAULT_REVALIDATION_BATCH));
  }

  @Test
  void badValuesAreUsageErrors() {
    for (String[] args :
        new String[][] {
          {"--pool-limit", "-1"},
          {"--pool-limit", "many"},
          {"--pool-limit", "2147483648"},
          {"--pool-kbytes", "9007199254740992"},
          {"--tx-ban-seconds", "-5"}
        }) {
      StringWriter err = new StringWriter();
      int code = new CommandLine(new Probe()).setErr(new PrintWriter(err)).execute(args);
      assertThat(code).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString()).contains(args[0]).contains("'" + args[1] + "'");
    }
  }
}
