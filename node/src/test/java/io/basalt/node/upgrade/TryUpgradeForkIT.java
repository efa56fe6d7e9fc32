/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.node.NodeCli;
import io.basalt.node.rpc.HttpRpcClient;
import io.basalt.node.rpc.RunningNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.testsupport.ProjectFiles;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code try-upgrade} on a fork instead of a database: of a running dev node at v100 over JSON-RPC
 * ({@code --fork-url}) and of a state dump of it ({@code --fork-state}); both rehearse the upgrade
 * to v101 with its Template migration, and the source node's chain does not move.
 */
class TryUpgradeForkIT {
  private static final Path V101 = ProjectFiles.file("runtime-wasm/blobs/basalt_demo_v101.wasm");

  @Test
  void aForkOfARunningNodeAndADumpOfItRehearseTheUpgrade(@TempDir Path dir) throws Exception {
    String chain = ProjectFiles.file("chain-specs/dev.json").toString();
    try (RunningNode source =
        RunningNode.start(
            Files.createDirectories(dir.resolve("source")),
            "--chain",
            chain,
            "--consensus",
            "manual")) {
      HttpRpcClient rpc = new HttpRpcClient(source.port());
      rpc.createBlocks(2);
      String best = rpc.result("chain_getBlockHash", 2).asText();
      // A transfer waiting in the source's pool: the rehearsal's blocks carry it.
      ExtrinsicFactory xts =
          new ExtrinsicFactory(100, Hash256.fromHex(rpc.result("chain_getBlockHash", 0).asText()));
      Bytes transfer =
          xts.signed(
                  DevAccounts.alice(),
                  new RuntimeCall.TransferKeepAlive(
                      MultiAddress.id(DevAccounts.bobId()), BigInteger.TEN.pow(12)),
                  0)
              .encoded();
      rpc.result("author_submitExtrinsic", transfer.toHex());

      NodeCli forked =
          NodeCli.run(
              "try-upgrade",
              "--chain",
              chain,
              "--fork-url",
              source.url(),
              "--wasm",
              V101.toString(),
              "--blocks",
              "2");
      assertThat(forked.exitCode()).as(forked.err()).isZero();
      assertThat(forked.out())
          .contains("runtime before: basalt-demo/100")
          .contains("runtime after:  basalt-demo/101")
          .contains("Template.Migrated [Initialization]")
          .contains(
              "Pool: 1 pending transaction(s) of the fork source, 1 accepted, 1 included in the"
                  + " blocks built")
          .contains("Result: PASSED");

      ObjectNode dump = new ObjectMapper().createObjectNode();
      dump.set("header", rpc.result("chain_getHeader", best));
      dump.set("pairs", rpc.result("state_getPairs", "0x", best));
      Path dumpFile = Files.writeString(dir.resolve("dump.json"), dump.toString());
      NodeCli fromDump =
          NodeCli.run(
              "try-upgrade",
              "--chain",
              chain,
              "--fork-state",
              dumpFile.toString(),
              "--wasm",
              V101.toString());
      assertThat(fromDump.exitCode()).as(fromDump.err()).isZero();
      assertThat(fromDump.out())
          .contains("Template.Migrated [Initialization]")
          .doesNotContain("Pool:");

      assertThat(rpc.result("chain_getBlockHash").asText()).isEqualTo(best);
    }
  }
}
