/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import static io.basalt.node.rpc.ChainHeadRpcIT.accountKey;
import static io.basalt.node.rpc.ChainHeadRpcIT.event;
import static io.basalt.node.rpc.ChainHeadRpcIT.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.node.authoring.DevSealer;
import io.basalt.node.service.NodeService;
import io.basalt.node.txpool.PoolTransaction;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.rpc.dispatch.RpcJson;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.storage.trie.MerkleTrie;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * transactionWatch_v1, transaction_v1 and archive_v1 on a dev node with manual seal, over a real
 * WebSocket: a transfer watched from the pool to a finalized block (its index found in the block's
 * body), refused transactions, broadcasts, and the archive's view of the block that included it.
 */
class TransactionRpcIT {
  private static final BigInteger UNIT = BigInteger.TEN.pow(12);

  private static Bytes transfer(ExtrinsicFactory xts, long nonce, BigInteger amount) {
    return xts.signed(
            DevAccounts.alice(),
            new RuntimeCall.TransferKeepAlive(MultiAddress.id(DevAccounts.bobId()), amount),
            nonce)
        .encoded();
  }

  @Test
  void watchesATransferToFinalityAndServesTheArchiveOfItsBlock(@TempDir Path dir) {
    try (NodeService node = NodeSystemRpcIT.startDev(dir);
        WsRpcClient client = new WsRpcClient(node.rpcAddress().orElseThrow())) {
      DevSealer sealer = node.sealer().orElseThrow();
      ExtrinsicFactory xts = new ExtrinsicFactory(100, node.chain().genesisHash());
      Bytes tx = transfer(xts, 0, UNIT);
      String watch = client.result("transactionWatch_v1_submitAndWatch", tx.toHex()).textValue();
      assertThat(client.next(watch)).isEqualTo(json(Map.of("event", "validated")));

      Hash256 block = sealer.createBlock(false, false, Optional.empty()).join().hash();
      List<Bytes> body = node.chain().body(block).orElseThrow();
      int index =
          body.indexOf(tx.slice(tx.length() - body.get(body.size() - 1).length(), tx.length()));
      assertThat(index).as("the transfer is in the block's body").isPositive();
      JsonNode included = client.next(watch);
      assertThat(event(included)).isEqualTo("bestChainBlockIncluded");
      assertThat(included.get("block").get("hash").textValue()).isEqualTo(block.toHex());
      assertThat(included.get("block").get("index").asInt()).isEqualTo(index);

      sealer.finalizeBlock(block, Optional.empty()).join();
      JsonNode finalized = client.next(watch);
      assertThat(event(finalized)).isEqualTo("finalized");
      assertThat(finalized.get("block").get("index").asInt()).isEqualTo(index);
      assertThat(client.result("transactionWatch_v1_unwatch", watch).booleanValue())
          .as("the watch ended with the final event")
          .isFalse();

      // Refused: an outdated nonce is invalid; bytes that are no extrinsic are an error answer.
      String stale =
          client
              .result(
                  "transactionWatch_v1_submitAndWatch", transfer(xts, 0, UNIT.add(UNIT)).toHex())
              .textValue();
      assertThat(client.next(stale))
          .isEqualTo(
              json(
                  Map.of(
                      "event",
                      "invalid",
                      "error",
                      "Invalid transaction: Transaction is outdated")));
      JsonNode badFormat = client.error("transactionWatch_v1_submitAndWatch", "0x0c01");
      assertThat(badFormat.get("code").asInt()).isEqualTo(1001);
      assertThat(badFormat.get("message").textValue()).startsWith("Extrinsic has invalid format: ");

      // A broadcast puts the transaction in the pool until stopped; only once.
      Bytes next = transfer(xts, 1, UNIT);
      String operation = client.result("transaction_v1_broadcast", next.toHex()).textValue();
      assertThat(operation).hasSize(16);
      assertThat(node.pool().get(PoolTransaction.hashOf(next))).isPresent();
      assertThat(client.result("transaction_v1_stop", operation).isNull()).isTrue();
      assertThat(client.error("transaction_v1_stop", operation))
          .isEqualTo(json(Map.of("code", -32602, "message", "Invalid operation id")));
      assertThat(client.result("transaction_v1_broadcast", "0x0c01").isTextual())
          .as("a broadcast never reports a bad transaction")
          .isTrue();

      // The archive of the block.
      Header header = node.chain().requireHeader(block);
      assertThat(client.result("archive_v1_finalizedHeight").asLong()).isEqualTo(1);
      assertThat(client.result("archive_v1_hashByHeight", 1).get(0).textValue())
          .isEqualTo(block.toHex());
      assertThat(client.result("archive_v1_header", block.toHex()).textValue())
          .isEqualTo(Bytes.wrap(Header.CODEC.encode(header)).toHex());
      assertThat(client.result("archive_v1_body", block.toHex()).get(index).textValue())
          .isEqualTo(tx.toHex());
      assertThat(client.result("archive_v1_genesisHash").textValue())
          .isEqualTo(node.chain().genesisHash().toHex());
      JsonNode call = client.result("archive_v1_call", block.toHex(), "Core_version", "0x");
      assertThat(call.get("success").booleanValue()).isTrue();

      MerkleTrie trie = new MerkleTrie(node.database().trieNodes());
      Bytes alice = accountKey(DevAccounts.aliceId().bytes());
      Bytes bob = accountKey(DevAccounts.bobId().bytes());
      String storage =
          client
              .result(
                  "archive_v1_storage",
                  block.toHex(),
                  List.of(Map.of("key", alice.toHex(), "type", "value")),
                  null)
              .textValue();
      assertThat(client.next(storage))
          .isEqualTo(
              json(
                  Map.of(
                      "event",
                      "storage",
                      "key",
                      alice.toHex(),
                      "value",
                      trie.get(header.stateRoot(), alice).orElseThrow().toHex())));
      assertThat(client.next(storage)).isEqualTo(json(Map.of("event", "storageDone")));

      String diff =
          client
              .result(
                  "archive_v1_storageDiff",
                  block.toHex(),
                  List.of(
                      Map.of("key", prefix("System", "Account").toHex(), "returnType", "value")),
                  null)
              .textValue();
      List<JsonNode> changes = client.until(diff, e -> !event(e).equals("storageDiff"));
      assertThat(changes.getLast()).isEqualTo(json(Map.of("event", "storageDiffDone")));
      assertThat(changes)
          .contains(
              json(
                  Map.of(
                      "event",
                      "storageDiff",
                      "key",
                      alice.toHex(),
                      "value",
                      trie.get(header.stateRoot(), alice).orElseThrow().toHex(),
                      "type",
                      "modified")),
              json(
                  Map.of(
                      "event",
                      "storageDiff",
                      "key",
                      bob.toHex(),
                      "value",
                      trie.get(header.stateRoot(), bob).orElseThrow().toHex(),
                      "type",
                      "modified")));
    }
  }

  private static JsonNode json(Object value) {
    return RpcJson.MAPPER.valueToTree(value);
  }
}
