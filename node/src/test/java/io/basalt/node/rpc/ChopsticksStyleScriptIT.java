/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import static io.basalt.node.rpc.NodeSystemRpcIT.startDev;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.node.Chopsticks;
import io.basalt.node.service.NodeService;
import io.basalt.runtime.demo.chain.PolkadotJs;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code src/test/js/dev-rpc/chopsticks-style.mjs}, a test script written as Chopsticks' own tests
 * are (@polkadot/api, {@code dev_newBlock}, {@code dev_setStorage} giving Alice a balance, {@code
 * dev_newBlock} with a transfer, {@code dev_timeTravel}, {@code dev_setHead}, bad requests, and on
 * Basalt Substrate's {@code engine_createBlock}/{@code engine_finalizeBlock}), run against a Basalt
 * dev node and against Chopsticks 1.5.1 serving the node-template fixture chain offline ({@code
 * --genesis}); both must pass it and answer alike, except where Basalt deviates on purpose
 * (node/README.md): {@code dev_setStorage} adds a block, and the time-travelled block is stamped at
 * the time itself, not one slot later.
 *
 * <p>Needs node and {@code npm ci --prefix node/src/test/js/dev-rpc} (under {@code CI=true} their
 * absence fails).
 */
class ChopsticksStyleScriptIT {
  private static final Path SCRIPTS = Chopsticks.INSTALLED;
  private static final String SCRIPT = "chopsticks-style.mjs";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theScriptPassesOnBasaltAndChopsticksAnswersItAlike(@TempDir Path dir) throws Exception {
    PolkadotJs.requireInstalled(SCRIPTS);
    ObjectNode basalt;
    try (NodeService node = startDev(dir)) {
      InetSocketAddress rpc = node.rpcAddress().orElseThrow();
      List<String> output = run("ws://127.0.0.1:" + rpc.getPort());
      basalt = answers(output, "Basalt", 24);
      assertThat(line(output, "engine ").get("finalizeBlock").booleanValue())
          .as("engine_finalizeBlock answers true, as Substrate's manual seal does")
          .isTrue();
    }
    ObjectNode chopsticks = chopsticksAnswers(dir);

    // Deviations on purpose: dev_setStorage made one more block on Basalt, and Basalt stamps the
    // travelled-to block at that time where Chopsticks adds a slot.
    assertThat(basalt.get("timestampAfterTravel").asLong()).isZero();
    assertThat(chopsticks.get("timestampAfterTravel").asLong()).isPositive();
    for (String shifted : List.of("setHeadNumber", "relativeSetHead")) {
      assertThat(basalt.get(shifted).asLong()).isEqualTo(chopsticks.get(shifted).asLong() + 1);
    }
    for (String deviation : List.of("timestampAfterTravel", "setHeadNumber", "relativeSetHead")) {
      basalt.remove(deviation);
      chopsticks.remove(deviation);
    }
    assertThat(basalt).isEqualTo(chopsticks);
  }

  private static List<String> run(String url) {
    return PolkadotJs.run(SCRIPTS, SCRIPT, List.of(url), Duration.ofMinutes(2));
  }

  /**
   * The {@code answers} line of the script's output, once it passed all its checks ({@code checks}:
   * Chopsticks has no engine_* methods, so the script skips their checks there).
   */
  private static ObjectNode answers(List<String> output, String server, int checks)
      throws IOException {
    assertThat(output)
        .as("the script against %s:%n%s", server, String.join("\n", output))
        .contains(checks + " passed, 0 failed");
    return (ObjectNode) line(output, "answers ");
  }

  private static JsonNode line(List<String> output, String prefix) throws IOException {
    String line =
        output.stream()
            .filter(l -> l.startsWith(prefix))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no " + prefix + "line from the script:\n" + String.join("\n", output)));
    return JSON.readTree(line.substring(prefix.length()));
  }

  /** Chopsticks serving the node-template fixture chain offline, running the same script. */
  private static ObjectNode chopsticksAnswers(Path dir) throws Exception {
    Path genesis = Fixtures.file("chainspecs/node-template-local.json");
    try (Chopsticks chopsticks =
        Chopsticks.start(dir, "--genesis", genesis.toAbsolutePath().toString())) {
      return answers(run(chopsticks.url()), "Chopsticks", 15);
    }
  }
}
