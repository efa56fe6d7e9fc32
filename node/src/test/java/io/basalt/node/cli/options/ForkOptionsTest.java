/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.node.config.ConflictingOptionsException;
import io.basalt.node.config.ForkConfig;
import io.basalt.node.config.InvalidConfigurationException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

class ForkOptionsTest {
  @Command
  static final class Holder {
    @ArgGroup(validate = false)
    ForkOptions fork = new ForkOptions();
  }

  private static ForkConfig parse(String... args) {
    Holder holder = new Holder();
    new CommandLine(holder).parseArgs(args);
    return holder.fork.toConfig();
  }

  @Test
  void noForkByDefault() {
    assertThat(parse()).isInstanceOf(ForkConfig.None.class);
  }

  @Test
  void aUrlWithAnOptionalBlock() {
    assertThat(parse("--fork-url", "ws://127.0.0.1:9944", "--fork-block", "12"))
        .isEqualTo(new ForkConfig.Remote(URI.create("ws://127.0.0.1:9944"), Optional.of("12")));
    assertThat(parse("--fork-url", "http://host:9933"))
        .isEqualTo(new ForkConfig.Remote(URI.create("http://host:9933"), Optional.empty()));
  }

  @Test
  void aDumpWithAnOptionalHeader() {
    assertThat(parse("--fork-state", "pairs.json", "--fork-header", "header.json"))
        .isEqualTo(new ForkConfig.Dump(Path.of("pairs.json"), Optional.of(Path.of("header.json"))));
  }

  @Test
  void aUrlAndADumpConflict() {
    assertThatThrownBy(() -> parse("--fork-url", "ws://a:1", "--fork-state", "s.json"))
        .isInstanceOf(ConflictingOptionsException.class)
        .hasMessage("the argument '--fork-url <URL>' cannot be used with '--fork-state <FILE>'");
  }

  @Test
  void dependentOptionsAloneAreRefused() {
    assertThatThrownBy(() -> parse("--fork-block", "3"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("--fork-block needs --fork-url");
    assertThatThrownBy(() -> parse("--fork-header", "h.json"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("--fork-header needs --fork-state");
    assertThatThrownBy(() -> parse("--fork-url", "ws://bad host"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("is not a URL");
  }
}
