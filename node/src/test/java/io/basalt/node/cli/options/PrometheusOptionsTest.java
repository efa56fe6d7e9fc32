/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.node.config.PrometheusConfig;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

class PrometheusOptionsTest {
  @Command(name = "probe")
  static final class Probe implements Runnable {
    @ArgGroup(validate = false)
    PrometheusOptions options = new PrometheusOptions();

    @Override
    public void run() {}
  }

  static PrometheusConfig parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.options.toConfig();
  }

  @Test
  void defaultIsPort9615OnLoopbackOnly() {
    PrometheusConfig config = parse();
    assertThat(config).isEqualTo(PrometheusConfig.defaults());
    InetSocketAddress address = config.listenAddress().orElseThrow();
    assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(address.getPort()).isEqualTo(9615);
  }

  @Test
  void externalListensOnEveryInterface() {
    InetSocketAddress address =
        parse("--prometheus-external", "--prometheus-port", "9000").listenAddress().orElseThrow();
    assertThat(address.getAddress().getHostAddress()).isEqualTo("0.0.0.0");
    assertThat(address.getPort()).isEqualTo(9000);
  }

  @Test
  void portZeroAsksForAnyFreePort() {
    assertThat(parse("--prometheus-port", "0").listenAddress().orElseThrow().getPort()).isZero();
  }

  @Test
  void noPrometheusWinsOverTheOtherFlagsAsInSubstrate() {
    assertThat(parse("--no-prometheus")).isEqualTo(PrometheusConfig.disabled());
    assertThat(parse("--no-prometheus", "--prometheus-port", "9000", "--prometheus-external"))
        .isEqualTo(new PrometheusConfig(Optional.empty()));
    assertThat(parse("--no-prometheus").enabled()).isFalse();
  }

  @Test
  void aPortOutsideTheTcpRangeIsAUsageError() {
    for (String bad : new String[] {"65536", "-1", "ninety"}) {
      assertThatThrownBy(() -> parse("--prometheus-port", bad))
          .isInstanceOf(CommandLine.ParameterException.class)
          .hasMessageContaining("--prometheus-port")
          .hasMessageContaining("'" + bad + "' is not a TCP port (0 to 65535)");
    }
  }
}
