/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.node.authoring.CreatedBlock;
import io.basalt.node.authoring.DevSealer;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.service.NodeService;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.types.Header;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.storage.block.BlockRef;
import io.basalt.storage.trie.MerkleTrie;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * chainHead_v1 served by a dev node with manual seal, over a real WebSocket: forks built with
 * {@code createBlock(…, parent)}, finality with {@code finalizeBlock}, storage read back against
 * the node's own state, and the spec's errors leaving the chain as it was.
 */
class ChainHeadRpcIT {
  /**
   * {@code System.Account} of an account: twox128("System") ‖ twox128("Account") ‖
   * blake2_128concat.
   */
  static Bytes accountKey(Bytes accountId) {
    return prefix("System", "Account")
        .concat(Bytes.wrap(Hashing.blake2b128(accountId.unsafeArray())))
        .concat(accountId);
  }

  static Bytes prefix(String pallet, String item) {
    return Bytes.wrap(Hashing.twox128(pallet.getBytes(StandardCharsets.UTF_8)))
        .concat(Bytes.wrap(Hashing.twox128(item.getBytes(StandardCharsets.UTF_8))));
  }

  static Hash256 block(DevSealer sealer, Optional<Hash256> parent) {
    CreatedBlock created = sealer.createBlock(true, false, parent).join();
    return created.hash();
  }

  /** The {@code event} of a notification. */
  static String event(JsonNode result) {
    return result.get("event").textValue();
  }

  @Test
  void followsForksAndFinalityAndReadsPinnedBlocks(@TempDir Path dir) {
    try (NodeService node = NodeSystemRpcIT.startDev(dir);
        WsRpcClient client = new WsRpcClient(node.rpcAddress().orElseThrow())) {
      DevSealer sealer = node.sealer().orElseThrow();
      Hash256 genesis = node.chain().genesisHash();
      String follow = client.result("chainHead_v1_follow", true).textValue();
      JsonNode initialized = client.next(follow);
      assertThat(event(initialized)).isEqualTo("initialized");
      assertThat(initialized.get("finalizedBlockHashes").get(0).textValue())
          .isEqualTo(genesis.toHex());
      JsonNode spec = initialized.get("finalizedBlockRuntime").get("spec");
      assertThat(initialized.get("finalizedBlockRuntime").get("type").textValue())
          .isEqualTo("valid");
      assertThat(spec.get("specName").textValue()).isEqualTo("basalt-demo");
      assertThat(spec.get("specVersion").asLong()).isEqualTo(100);
      assertThat(spec.get("transactionVersion").asLong()).isEqualTo(1);
      assertThat(spec.get("apis").get("0xd2bc9897eed08f15").asInt()).isEqualTo(3);
      assertThat(spec.get("apis").get("0x37e397fc7c91f5e4").asInt()).isEqualTo(2);

      Hash256 a1 = block(sealer, Optional.empty());
      Hash256 a2 = block(sealer, Optional.empty());
      Hash256 b1 = block(sealer, Optional.of(genesis));
      List<JsonNode> imported =
          client.until(follow, e -> e.path("blockHash").asText().equals(b1.toHex()));
      assertThat(imported)
          .extracting(ChainHeadRpcIT::event)
          .containsExactly(
              "newBlock", "bestBlockChanged", "newBlock", "bestBlockChanged", "newBlock");
      assertThat(imported.get(0).get("parentBlockHash").textValue()).isEqualTo(genesis.toHex());
      assertThat(imported.get(0).get("newRuntime").isNull()).isTrue();
      assertThat(imported.get(3).get("bestBlockHash").textValue()).isEqualTo(a2.toHex());
      assertThat(imported.get(4).get("parentBlockHash").textValue()).isEqualTo(genesis.toHex());

      // The header and the body as the node stores them.
      Header a2Header = node.chain().requireHeader(a2);
      assertThat(client.result("chainHead_v1_header", follow, a2.toHex()).textValue())
          .isEqualTo(Bytes.wrap(Header.CODEC.encode(a2Header)).toHex());
      String bodyOp =
          client.result("chainHead_v1_body", follow, a2.toHex()).get("operationId").textValue();
      JsonNode body = client.next(follow);
      assertThat(event(body)).isEqualTo("operationBodyDone");
      assertThat(body.get("operationId").textValue()).isEqualTo(bodyOp);
      List<Bytes> stored = node.chain().body(a2).orElseThrow();
      assertThat(body.get("value")).hasSize(stored.size());
      assertThat(
              Bytes.fromHex(body.get("value").get(0).textValue())
                  .slice(1, 1 + stored.get(0).length()))
          .as("each extrinsic with its length prefix")
          .isEqualTo(stored.get(0));

      // A runtime call, answered as the node's own runtime call answers.
      client.result("chainHead_v1_call", follow, a2.toHex(), "Core_version", "0x");
      JsonNode call = client.next(follow);
      assertThat(event(call)).isEqualTo("operationCallDone");
      assertThat(call.get("output").textValue())
          .isEqualTo(
              new RuntimeCalls(node.chain(), node.runtimes())
                  .call(a2Header, "Core_version", Bytes.EMPTY)
                  .toHex());
      client.result("chainHead_v1_call", follow, a2.toHex(), "Nothing_here", "0x");
      assertThat(event(client.next(follow))).isEqualTo("operationError");

      // Alice's account, its hash, and the closest Merkle value of all accounts.
      Bytes alice = accountKey(DevAccounts.aliceId().bytes());
      Bytes accounts = prefix("System", "Account");
      MerkleTrie trie = new MerkleTrie(node.database().trieNodes());
      Bytes aliceValue = trie.get(a2Header.stateRoot(), alice).orElseThrow();
      JsonNode started =
          client.result(
              "chainHead_v1_storage",
              follow,
              a2.toHex(),
              List.of(
                  Map.of("key", alice.toHex(), "type", "value"),
                  Map.of("key", alice.toHex(), "type", "hash"),
                  Map.of("key", accounts.toHex(), "type", "closestDescendantMerkleValue")),
              null);
      assertThat(started.get("discardedItems").asInt()).isZero();
      List<JsonNode> items = client.until(follow, e -> event(e).equals("operationStorageDone"));
      JsonNode found = items.get(0).get("items");
      assertThat(found.get(0).get("value").textValue()).isEqualTo(aliceValue.toHex());
      assertThat(found.get(1).get("hash").textValue())
          .isEqualTo(Bytes.wrap(Hashing.blake2b256(aliceValue.unsafeArray())).toHex());
      assertThat(found.get(2).get("closestDescendantMerkleValue").textValue()).hasSize(66);

      // Every account, five at a time, continued until done.
      List<String> expected;
      try (Stream<Bytes> keys = trie.keys(a2Header.stateRoot(), accounts)) {
        expected = keys.map(Bytes::toHex).toList();
      }
      String operation =
          client
              .result(
                  "chainHead_v1_storage",
                  follow,
                  a2.toHex(),
                  List.of(Map.of("key", accounts.toHex(), "type", "descendantsValues")),
                  null)
              .get("operationId")
              .textValue();
      List<String> keys = new ArrayList<>();
      while (true) {
        JsonNode e = client.next(follow);
        if (event(e).equals("operationStorageItems")) {
          e.get("items").forEach(i -> keys.add(i.get("key").textValue()));
        } else if (event(e).equals("operationWaitingForContinue")) {
          assertThat(client.result("chainHead_v1_continue", follow, operation).isNull()).isTrue();
        } else {
          assertThat(event(e)).isEqualTo("operationStorageDone");
          break;
        }
      }
      assertThat(expected).hasSizeGreaterThan(5);
      assertThat(keys).containsExactlyElementsOf(expected);

      // Finality prunes the fork.
      assertThat(sealer.finalizeBlock(a2, Optional.empty()).join()).isTrue();
      JsonNode finalized = client.next(follow);
      assertThat(event(finalized)).isEqualTo("finalized");
      assertThat(finalized.get("finalizedBlockHashes"))
          .extracting(JsonNode::textValue)
          .containsExactly(a1.toHex(), a2.toHex());
      assertThat(finalized.get("prunedBlockHashes"))
          .extracting(JsonNode::textValue)
          .containsExactly(b1.toHex());
      client.result("chainHead_v1_unpin", follow, List.of(genesis.toHex(), a1.toHex(), b1.toHex()));
      assertThat(client.error("chainHead_v1_header", follow, a1.toHex()).get("code").asInt())
          .isEqualTo(-32801);
      assertThat(client.result("chainHead_v1_header", follow, a2.toHex()).isTextual()).isTrue();
    }
  }

  @Test
  void movesTheBestBlockOffAFinalizedAwayForkAndRefusesBadRequestsWithoutChangingTheChain(
      @TempDir Path dir) {
    try (NodeService node = NodeSystemRpcIT.startDev(dir);
        WsRpcClient client = new WsRpcClient(node.rpcAddress().orElseThrow())) {
      DevSealer sealer = node.sealer().orElseThrow();
      Hash256 genesis = node.chain().genesisHash();
      Hash256 a1 = block(sealer, Optional.empty());
      Hash256 b1 = block(sealer, Optional.of(genesis));
      Hash256 b2 = block(sealer, Optional.of(b1));
      String follow = client.result("chainHead_v1_follow", false).textValue();
      List<JsonNode> start = client.until(follow, e -> event(e).equals("bestBlockChanged"));
      assertThat(start)
          .extracting(ChainHeadRpcIT::event)
          .containsExactly("initialized", "newBlock", "newBlock", "newBlock", "bestBlockChanged");
      assertThat(start.get(0).has("finalizedBlockRuntime")).isFalse();
      assertThat(start.get(1).has("newRuntime")).isFalse();
      assertThat(start.get(4).get("bestBlockHash").textValue()).isEqualTo(b2.toHex());

      // Bad requests: the spec's errors, and the chain stays as it was.
      BlockRef best = node.chain().best();
      BlockRef finalized = node.chain().finalized();
      Hash256 unknown = Hash256.of(new byte[32]);
      assertThat(client.error("chainHead_v1_header", follow, unknown.toHex()).get("code").asInt())
          .isEqualTo(-32801);
      assertThat(client.error("chainHead_v1_body", follow, unknown.toHex()).get("code").asInt())
          .isEqualTo(-32801);
      assertThat(
              client
                  .error("chainHead_v1_call", follow, a1.toHex(), "Core_version", "0x")
                  .get("code")
                  .asInt())
          .isEqualTo(-32802);
      assertThat(
              client
                  .error("chainHead_v1_unpin", follow, List.of(a1.toHex(), a1.toHex()))
                  .get("code")
                  .asInt())
          .isEqualTo(-32804);
      assertThat(
              client
                  .error("chainHead_v1_unpin", follow, List.of(a1.toHex(), unknown.toHex()))
                  .get("code")
                  .asInt())
          .isEqualTo(-32801);
      assertThat(
              client
                  .error("chainHead_v1_call", follow, a1.toHex(), "Core_version", "0xq")
                  .get("code")
                  .asInt())
          .isEqualTo(-32602);
      assertThat(client.error("chainHead_v1_header", follow, "0x1234").get("code").asInt())
          .isEqualTo(-32602);
      assertThat(client.result("chainHead_v1_header", "notMyFollowId000", a1.toHex()).isNull())
          .isTrue();
      assertThat(
              client
                  .result("chainHead_v1_body", "notMyFollowId000", a1.toHex())
                  .get("result")
                  .textValue())
          .isEqualTo("limitReached");
      assertThat(client.result("chainHead_v1_continue", follow, "12345").isNull()).isTrue();
      for (int i = 0; i < 3; i++) {
        client.result("chainHead_v1_follow", false);
      }
      assertThat(client.error("chainHead_v1_follow", true).get("code").asInt()).isEqualTo(-32800);
      assertThat(node.chain().best()).isEqualTo(best);
      assertThat(node.chain().finalized()).isEqualTo(finalized);
      assertThat(client.result("chainHead_v1_header", follow, a1.toHex()).isTextual())
          .as("the failed unpins unpinned nothing")
          .isTrue();

      // Finalizing the shorter fork moves the best block there first.
      sealer.finalizeBlock(a1, Optional.empty()).join();
      List<JsonNode> events = client.until(follow, e -> event(e).equals("finalized"));
      assertThat(events)
          .extracting(ChainHeadRpcIT::event)
          .containsExactly("bestBlockChanged", "finalized");
      assertThat(events.get(0).get("bestBlockHash").textValue()).isEqualTo(a1.toHex());
      assertThat(events.get(1).get("prunedBlockHashes"))
          .extracting(JsonNode::textValue)
          .containsExactlyInAnyOrder(b1.toHex(), b2.toHex());
      assertThat(client.result("chainHead_v1_unfollow", follow).booleanValue()).isTrue();
    }
  }
}
