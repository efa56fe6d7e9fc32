/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.node.config.ConflictingOptionsException;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.rpc.dispatch.BatchLimit;
import io.basalt.rpc.server.CorsPolicy;
import io.basalt.rpc.server.RpcMethodsPolicy;
import io.basalt.rpc.server.RpcServerConfig;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

class RpcOptionsTest {
  @Command(name = "probe")
  static final class Probe implements Runnable {
    @ArgGroup(validate = false)
    RpcOptions options = new RpcOptions();

    @Override
    public void run() {}
  }

  static RpcOptions parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.options;
  }

  @Test
  void defaultsAreSubstratesOnLoopback() {
    RpcServerConfig config = parse().toConfig(false, false);
    assertThat(config).isEqualTo(RpcServerConfig.defaults());
    assertThat(config.listenAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(config.listenAddress().getPort()).isEqualTo(9944);
    assertThat(config.methods()).isEqualTo(RpcMethodsPolicy.AUTO);
    assertThat(config.cors()).isEqualTo(CorsPolicy.defaults());
    assertThat(config.maxConnections()).isEqualTo(100);
    assertThat(config.maxRequestBytes()).isEqualTo(15L * 1024 * 1024);
    assertThat(config.maxResponseBytes()).isEqualTo(15L * 1024 * 1024);
    assertThat(config.maxSubscriptionsPerConnection()).isEqualTo(1024);
    assertThat(config.messageBufferCapacity()).isEqualTo(64);
    assertThat(config.rateLimitPerMinute()).isEmpty();
    assertThat(config.batchLimit()).isEqualTo(BatchLimit.UNLIMITED);
    assertThat(config.deniesUnsafe()).isFalse();
  }

  @Test
  void devAllowsEveryOriginUnlessToldOtherwise() {
    assertThat(parse().toConfig(true, true).cors()).isEqualTo(CorsPolicy.all());
    assertThat(parse("--rpc-cors", "https://a.example,null").toConfig(true, false).cors())
        .isEqualTo(CorsPolicy.allowing(List.of("https://a.example", "null")));
    assertThat(parse("--rpc-cors", "all").toConfig(false, false).cors())
        .isEqualTo(CorsPolicy.all());
    assertThat(parse("--rpc-cors", "https://a.example,*").toConfig(false, false).cors())
        .isEqualTo(CorsPolicy.all());
  }

  @Test
  void everyOptionFoldsIntoTheConfig() {
    RpcServerConfig config =
        parse(
                "--rpc-port",
                "0",
                "--unsafe-rpc-external",
                "--rpc-methods",
                "Unsafe",
                "--rpc-max-connections",
                "7",
                "--rpc-max-request-size",
                "2",
                "--rpc-max-response-size",
                "3",
                "--rpc-max-subscriptions-per-connection",
                "5",
                "--rpc-message-buffer-capacity-per-connection",
                "9",
                "--rpc-rate-limit",
                "10",
                "--rpc-max-batch-request-len",
                "4")
            .toConfig(false, true);
    assertThat(config.listenAddress().getAddress().getHostAddress()).isEqualTo("0.0.0.0");
    assertThat(config.listenAddress().getPort()).isZero();
    assertThat(config.methods()).isEqualTo(RpcMethodsPolicy.UNSAFE);
    assertThat(config.maxConnections()).isEqualTo(7);
    assertThat(config.maxRequestBytes()).isEqualTo(2L * 1024 * 1024);
    assertThat(config.maxResponseBytes()).isEqualTo(3L * 1024 * 1024);
    assertThat(config.maxSubscriptionsPerConnection()).isEqualTo(5);
    assertThat(config.messageBufferCapacity()).isEqualTo(9);
    assertThat(config.rateLimitPerMinute()).isEqualTo(OptionalInt.of(10));
    assertThat(config.batchLimit()).isEqualTo(BatchLimit.of(4));
    assertThat(parse("--rpc-disable-batch-requests").toConfig(false, false).batchLimit())
        .isEqualTo(BatchLimit.DISABLED);
  }

  @Test
  void anExternalInterfaceDeniesUnsafeMethodsUnderAuto() {
    assertThat(parse("--rpc-external").toConfig(false, false).deniesUnsafe()).isTrue();
    assertThat(
            parse("--rpc-external", "--rpc-methods", "unsafe")
                .toConfig(false, false)
                .deniesUnsafe())
        .isFalse();
  }

  @Test
  void refusesSubstratesForbiddenCombinations() {
    assertThatThrownBy(() -> parse("--rpc-external").toConfig(false, true))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "--rpc-external option shouldn't be used if the node is running as a validator. Use"
                + " `--unsafe-rpc-external` or `--rpc-methods=unsafe` if you understand the risks."
                + " See the options description for more information.");
    assertThat(parse("--unsafe-rpc-external").toConfig(false, true).deniesUnsafe()).isTrue();
    assertThatThrownBy(
            () ->
                parse("--rpc-disable-batch-requests", "--rpc-max-batch-request-len", "3")
                    .toConfig(false, false))
        .isInstanceOf(ConflictingOptionsException.class)
        .hasMessage(
            "the argument '--rpc-disable-batch-requests' cannot be used with"
                + " '--rpc-max-batch-request-len <LEN>'");
  }

  @Test
  void badValuesAreUsageErrors() {
    assertThatThrownBy(() -> parse("--rpc-methods", "all"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("'all' is not a method set (auto, safe or unsafe)");
    assertThatThrownBy(() -> parse("--rpc-rate-limit", "0"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("'0' is not a positive integer");
    assertThatThrownBy(() -> parse("--rpc-port", "99999"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("'99999' is not a TCP port (0 to 65535)");
  }
}
