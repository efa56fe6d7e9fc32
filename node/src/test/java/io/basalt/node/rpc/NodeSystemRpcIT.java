/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeConfig;
import io.basalt.node.service.NodeService;
import io.basalt.node.txpool.Submission;
import io.basalt.node.txpool.TransactionSource;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code system_*} answered by a running dev node over real HTTP. */
class NodeSystemRpcIT {

  static NodeConfig devConfig(Path base) {
    return DevConfigs.at(base).name("rpc-it").loopbackRpc().build();
  }

  /** A dev node in this JVM with manual seal and its JSON-RPC server on an ephemeral port. */
  static NodeService startDev(Path base) {
    return NodeService.start(devConfig(base), ChainSpecs.load("dev"), Clock.systemUTC());
  }

  static JsonNode call(InetSocketAddress at, String method, String params) throws Exception {
    return new HttpRpcClient(at.getPort()).call(method, params);
  }

  @Test
  void answersSystemCallsAndCountsPendingTransactionsInTheNextNonce(@TempDir Path dir)
      throws Exception {
    try (NodeService node = startDev(dir)) {
      InetSocketAddress rpc = node.rpcAddress().orElseThrow();
      assertThat(call(rpc, "system_chain", "[]").get("result").asText()).isEqualTo("Development");
      assertThat(call(rpc, "system_health", "[]").get("result").toString())
          .isEqualTo("{\"peers\":0,\"isSyncing\":false,\"shouldHavePeers\":false}");
      assertThat(call(rpc, "system_nodeRoles", "[]").get("result").toString())
          .isEqualTo("[\"Authority\"]");
      assertThat(call(rpc, "system_localPeerId", "[]").get("result").asText())
          .startsWith("12D3KooW");
      String alice = "\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\"";
      assertThat(call(rpc, "system_accountNextIndex", "[" + alice + "]").get("result").asLong())
          .isZero();
      ExtrinsicFactory xts = new ExtrinsicFactory(100, node.chain().genesisHash());
      for (int nonce = 0; nonce < 2; nonce++) {
        assertThat(
                node.pool()
                    .submit(
                        TransactionSource.EXTERNAL,
                        xts.signed(
                                DevAccounts.alice(),
                                new RuntimeCall.TransferKeepAlive(
                                    MultiAddress.id(DevAccounts.bobId()), BigInteger.TEN.pow(12)),
                                nonce)
                            .encoded()))
            .isInstanceOf(Submission.Accepted.class);
      }
      // Two ready transactions of Alice's: the next nonce steps past them, as Substrate's.
      assertThat(call(rpc, "account_nextIndex", "[" + alice + "]").get("result").asLong())
          .isEqualTo(2);
    }
  }
}
