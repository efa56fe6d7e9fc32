/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.runtime.demo.chain.PolkadotJs;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's polkadot-api acceptance: {@code node --dev --consensus manual-seal-500} as a child JVM
 * driven by polkadot-api 2.2.2 over the new JSON-RPC spec only ({@code
 * src/test/js/papi/papi-check.mjs}: chainSpec_v1, chainHead_v1_follow, storage queries through the
 * decoded metadata, a transfer through transactionWatch_v1 to finality, and PAPI's own
 * signAndSubmit). Needs node and {@code npm ci --prefix node/src/test/js/papi}; skipped without
 * them unless {@code CI=true}.
 */
class PapiIT {
  private static final Path JS = Path.of("src/test/js/papi");
  private static final BigInteger UNIT = BigInteger.TEN.pow(12);

  @Test
  void polkadotApiFollowsReadsAndTransfersOnTheDevChain(@TempDir Path dir) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (RunningNode node = RunningNode.start(dir, "--dev", "--consensus", "manual-seal-500")) {
      for (String line :
          PolkadotJs.run(JS, "papi-check.mjs", List.of(node.url()), Duration.ofMinutes(4))) {
        int space = line.indexOf(' ');
        if (space > 0) {
          out.put(line.substring(0, space), line.substring(space + 1));
        }
      }
    }
    assertThat(out.get("chain")).isEqualTo("Development");
    assertThat(out.get("genesis")).startsWith("0x").hasSize(66);
    List<String> finalized = List.of(out.get("finalized").split(" ", -1));
    assertThat(Long.parseLong(finalized.get(1))).isGreaterThan(Long.parseLong(finalized.get(0)));
    assertThat(out.get("alice"))
        .startsWith("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY free ");
    assertThat(new BigInteger(List.of(out.get("alice").split(" ", -1)).get(2))).isPositive();
    assertThat(out.get("watch")).startsWith("validated,").endsWith(",finalized");
    assertThat(out.get("watch")).contains("bestChainBlockIncluded");
    assertThat(new BigInteger(out.get("bobReceived"))).isEqualTo(UNIT);
    assertThat(out.get("papiSubmit")).startsWith("ok true block ");
    assertThat(out.get("methods"))
        .contains("chainHead_v1_follow", "chainHead_v1_storage", "transaction_v1_broadcast");
  }
}
