/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.fork;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.node.NodeProcess;
import io.basalt.node.rpc.HttpRpcClient;
import io.basalt.node.rpc.RunningNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --fork-state}: a {@code state_getPairs} dump of a Basalt node's block N with its header
 * loads (in one file, and as the pairs alone with {@code --fork-header}), the node's next real
 * block N+1 imports on it with {@code import-blocks}, and a dump that does not fit its header is
 * refused with one line, leaving nothing behind that a correct dump could not start from.
 */
class StateDumpForkIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aDumpLoadsAndTheNextRealBlockImportsOnIt(@TempDir Path dir) throws Exception {
    String chain = Path.of("../chain-specs/dev.json").toAbsolutePath().toString();
    JsonNode header;
    JsonNode pairs;
    JsonNode next;
    String dumpedHash;
    String nextHash;
    try (RunningNode source =
        RunningNode.start(
            Files.createDirectories(dir.resolve("source")),
            "--chain",
            chain,
            "--consensus",
            "manual")) {
      HttpRpcClient rpc = new HttpRpcClient(source.port());
      rpc.createBlocks(3);
      dumpedHash = rpc.result("chain_getBlockHash", 3).asText();
      header = rpc.result("chain_getHeader", dumpedHash);
      pairs = rpc.result("state_getPairs", "0x", dumpedHash);
      rpc.createBlocks(1);
      nextHash = rpc.result("chain_getBlockHash", 4).asText();
      next = rpc.result("chain_getBlock", nextHash);
    }
    ObjectNode dump = JSON.createObjectNode();
    dump.set("header", header);
    dump.set("pairs", pairs);
    Path dumpFile = Files.writeString(dir.resolve("dump.json"), dump.toString());
    Path nextBlock = Files.writeString(dir.resolve("block-4.json"), next.toString());

    // One file with header and pairs; the next block imports on top.
    Path fork = Files.createDirectories(dir.resolve("fork"));
    try (RunningNode node =
        RunningNode.start(fork, "--chain", chain, "--fork-state", dumpFile.toString())) {
      HttpRpcClient rpc = new HttpRpcClient(node.port());
      assertThat(rpc.result("chain_getBlockHash", 3).asText()).isEqualTo(dumpedHash);
      assertThat(rpc.result("state_getPairs", "0x", dumpedHash)).isEqualTo(pairs);
    }
    assertThat(
            NodeProcess.run(
                dir.resolve("import.out"),
                dir.resolve("import.err"),
                "import-blocks",
                "--chain",
                chain,
                "-d",
                fork.resolve("base").toString(),
                nextBlock.toString()))
        .as(Files.readString(dir.resolve("import.err")))
        .isZero();
    try (RunningNode node = RunningNode.start(fork, "--chain", chain)) {
      HttpRpcClient rpc = new HttpRpcClient(node.port());
      assertThat(rpc.result("chain_getBlockHash", 4).asText()).isEqualTo(nextHash);
    }

    // The pairs alone (a saved JSON-RPC response), the header beside them.
    Path pairsFile =
        Files.writeString(
            dir.resolve("pairs.json"),
            JSON.createObjectNode()
                .put("jsonrpc", "2.0")
                .put("id", 1)
                .set("result", pairs)
                .toString());
    Path headerFile = Files.writeString(dir.resolve("header.json"), header.toString());
    try (RunningNode node =
        RunningNode.start(
            Files.createDirectories(dir.resolve("fork2")),
            "--chain",
            chain,
            "--fork-state",
            pairsFile.toString(),
            "--fork-header",
            headerFile.toString())) {
      assertThat(new HttpRpcClient(node.port()).result("chain_getBlockHash", 3).asText())
          .isEqualTo(dumpedHash);
    }

    // A changed value: refused in one line, and the database stays startable from a good dump.
    ArrayNode tampered = pairs.deepCopy();
    ((ArrayNode) tampered.get(0)).set(1, JSON.getNodeFactory().textNode("0x00"));
    ObjectNode bad = JSON.createObjectNode();
    bad.set("header", header);
    bad.set("pairs", tampered);
    Path badFile = Files.writeString(dir.resolve("bad.json"), bad.toString());
    Path badBase = dir.resolve("fork3");
    int exit =
        NodeProcess.run(
            dir.resolve("bad.out"),
            dir.resolve("bad.err"),
            "--chain",
            chain,
            "-d",
            badBase.resolve("base").toString(),
            "--fork-state",
            badFile.toString());
    assertThat(exit).isEqualTo(1);
    assertThat(
            Files.readAllLines(dir.resolve("bad.err")).stream().filter(l -> l.startsWith("Error:")))
        .singleElement()
        .asString()
        .contains("do not have the header's state root");
    try (RunningNode node =
        RunningNode.start(
            Files.createDirectories(badBase),
            "--chain",
            chain,
            "--fork-state",
            dumpFile.toString())) {
      assertThat(new HttpRpcClient(node.port()).result("chain_getBlockHash", 3).asText())
          .isEqualTo(dumpedHash);
    }
  }
}
