/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import static io.basalt.node.rpc.NodeSystemRpcIT.call;
import static io.basalt.node.rpc.NodeSystemRpcIT.devConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.node.authoring.Consensus;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeConfig;
import io.basalt.node.service.NodeService;
import io.basalt.node.txpool.Submission;
import io.basalt.node.txpool.TransactionSource;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Justification;
import io.basalt.rpc.server.RpcMethodsPolicy;
import io.basalt.rpc.server.RpcServerConfig;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.storage.StorageKeys;
import io.basalt.storage.block.BlockRef;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manual seal's {@code engine_*} and Chopsticks' {@code dev_*} on a running dev chain over real
 * HTTP: each method's effect on the chain, bad inputs answered without changing anything, and the
 * refusal on an external interface.
 */
class NodeDevRpcIT {
  private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

  private static NodeService start(Path dir) {
    return NodeService.start(devConfig(dir), ChainSpecs.load("dev"), Clock.systemUTC());
  }

  private static Hash256 hash(JsonNode answer) {
    assertThat(answer.has("result")).as("an answer with a result: %s", answer).isTrue();
    return Hash256.fromHex(answer.get("result").asText());
  }

  private static void assertError(JsonNode answer, int code, String message) {
    assertThat(answer.get("error").get("code").asInt()).as("%s", answer).isEqualTo(code);
    assertThat(answer.get("error").get("message").asText()).isEqualTo(message);
  }

  private static AccountInfo account(NodeService node, Hash256 block, AccountId who) {
    Bytes key = StorageKeys.mapEntry("System", "Account", who.bytes());
    return node.chain()
        .stateAt(node.chain().requireHeader(block))
        .get(key)
        .map(v -> AccountInfo.decode(new ScaleReader(v.unsafeArray())))
        .orElse(AccountInfo.EMPTY);
  }

  private static Optional<Bytes> read(NodeService node, Hash256 block, String hexKey) {
    return node.chain().stateAt(node.chain().requireHeader(block)).get(Bytes.fromHex(hexKey));
  }

  private static Bytes transfer(NodeService node, long nonce) {
    return new ExtrinsicFactory(100, node.chain().genesisHash())
        .signed(
            DevAccounts.alice(),
            new RuntimeCall.TransferKeepAlive(
                MultiAddress.id(DevAccounts.bobId()), BigInteger.TEN.pow(12)),
            nonce)
        .encoded();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void engineMakesAndFinalizesBlocksWithManualSealsAnswersAndErrors(@TempDir Path dir)
      throws Exception {
    try (NodeService node = start(dir)) {
      InetSocketAddress rpc = node.rpcAddress().orElseThrow();
      JsonNode created = call(rpc, "engine_createBlock", "[true, false]").get("result");
      Hash256 first = Hash256.fromHex(created.get("hash").asText());
      assertThat(created.toString())
          .isEqualTo(
              "{\"hash\":\""
                  + first
                  + "\",\"aux\":{\"header_only\":false,\"clear_justification_requests\":false,"
                  + "\"needs_justification\":false,\"bad_justification\":false,"
                  + "\"is_new_best\":true},\"proof_size\":0}");
      assertThat(node.chain().best()).isEqualTo(new BlockRef(first, 1));
      assertThat(node.chain().finalized().number()).isZero();

      assertError(
          call(rpc, "engine_createBlock", "[false, false]"),
          12000,
          "Transaction pool is empty, set create_empty to true, if you want to create empty"
              + " blocks");
      String unknown = "0x" + "ab".repeat(32);
      assertError(
          call(rpc, "engine_createBlock", "[true, false, \"" + unknown + "\"]"),
          13000,
          "Supplied parent_hash: 0xabab…abab doesn't exist in chain");
      assertThat(node.chain().best().number()).isEqualTo(1);

      assertThat(call(rpc, "engine_finalizeBlock", "[\"" + first + "\"]").get("result").asBoolean())
          .isTrue();
      assertThat(node.chain().finalized()).isEqualTo(new BlockRef(first, 1));
      Hash256 second =
          Hash256.fromHex(
              call(rpc, "engine_createBlock", "{\"createEmpty\": true, \"finalize\": false}")
                  .get("result")
                  .get("hash")
                  .asText());
      assertThat(
              call(rpc, "engine_finalizeBlock", "[\"" + second + "\", [1, 2, 3]]")
                  .get("result")
                  .asBoolean())
          .isTrue();
      assertThat(node.chain().justifications(second).orElseThrow())
          .containsExactly(new Justification(EngineId.of("manl"), Bytes.fromHex("0x010203")));

      assertError(
          call(rpc, "engine_finalizeBlock", "[\"" + unknown + "\"]"),
          16000,
          "Finalization Error: UnknownBlock: Header was not found in the database: " + unknown);
      assertError(
          call(rpc, "engine_finalizeBlock", "[\"" + node.chain().genesisHash() + "\"]"),
          16000,
          "Finalization Error: Potential long-range attack: block not in finalized chain.");
      assertThat(node.chain().finalized()).isEqualTo(new BlockRef(second, 2));
    }
  }

  @Test
  void newBlockBuildsACountOrUpToAHeightWithTheGivenTransactions(@TempDir Path dir)
      throws Exception {
    try (NodeService node = start(dir)) {
      InetSocketAddress rpc = node.rpcAddress().orElseThrow();
      Hash256 two = hash(call(rpc, "dev_newBlock", "[{\"count\": 2}]"));
      assertThat(node.chain().best()).isEqualTo(new BlockRef(two, 2));
      assertThat(node.chain().finalized()).isEqualTo(new BlockRef(two, 2)); // as dev blocks are
      Hash256 five = hash(call(rpc, "dev_newBlock", "[{\"to\": 5}]"));
      assertThat(node.chain().best()).isEqualTo(new BlockRef(five, 5));
      Hash256 six = hash(call(rpc, "dev_newBlock", "[]"));
      assertThat(node.chain().best()).isEqualTo(new BlockRef(six, 6));

      BigInteger bobBefore = account(node, six, DevAccounts.bobId()).free();
      Hash256 seven =
          hash(
              call(
                  rpc,
                  "dev_newBlock",
                  "[{\"transactions\": [\"" + transfer(node, 0).toHex() + "\"]}]"));
      assertThat(node.chain().body(seven).orElseThrow()).hasSize(2);
      assertThat(account(node, seven, DevAccounts.bobId()).free())
          .isEqualTo(bobBefore.add(BigInteger.TEN.pow(12)));

      JsonNode bad = call(rpc, "dev_newBlock", "[{\"transactions\": [\"0x0501\"]}]");
      assertThat(bad.get("error").get("code").asInt()).isEqualTo(-32602);
      assertError(
          call(rpc, "dev_newBlock", "[{\"unsafeBlockHeight\": 3}]"),
          1,
          "unsafeBlockHeight must be greater than current block height");
      assertThat(node.chain().best()).isEqualTo(new BlockRef(seven, 7));
    }
  }

  @Test
  void setStorageWritesRawAndNamedValuesIntoANewBlockThatARestartStillHas(@TempDir Path dir)
      throws Exception {
    BigInteger rich = new BigInteger("5000000000000000000");
    Hash256 named;
    try (NodeService node = start(dir)) {
      InetSocketAddress rpc = node.rpcAddress().orElseThrow();
      Hash256 raw =
          hash(call(rpc, "dev_setStorage", "[[[\"0x1234\", \"0xbeef\"], [\"0x5678\", null]]]"));
      assertThat(node.chain().best()).isEqualTo(new BlockRef(raw, 1));
      assertThat(read(node, raw, "0x1234")).contains(Bytes.fromHex("0xbeef"));

      named =
          hash(
              call(
                  rpc,
                  "dev_setStorage",
                  "[{\"System\": {\"Account\": [[[\""
                      + ALICE
                      + "\"], {\"providers\": 1, \"data\": {\"free\": \""
                      + rich
                      + "\"}}]]}, \"Sudo\": {\"Key\": null}}]"));
      assertThat(node.chain().best()).isEqualTo(new BlockRef(named, 2));
      AccountInfo alice = account(node, named, DevAccounts.aliceId());
      assertThat(alice.free()).isEqualTo(rich);
      assertThat(alice.providers()).isEqualTo(1);
      assertThat(read(node, named, StorageKeys.plain("Sudo", "Key").toHex())).isEmpty();

      // On another block: a block beside the best chain, which stays where it is.
      Hash256 beside =
          hash(
              call(
                  rpc,
                  "dev_setStorage",
                  "[[[\"0x1234\", \"0x01\"]], \"" + node.chain().genesisHash() + "\"]"));
      assertThat(node.chain().requireHeader(beside).parentHash())
          .isEqualTo(node.chain().genesisHash());
      assertThat(read(node, beside, "0x1234")).contains(Bytes.fromHex("0x01"));
      assertThat(node.chain().best()).isEqualTo(new BlockRef(named, 2));

      // Bad input changes nothing.
      String unknown = "0x" + "ab".repeat(32);
      assertError(
          call(rpc, "dev_setStorage", "[[[\"0x1234\", \"0x02\"]], \"" + unknown + "\"]"),
          1,
          "Error: Cannot find block " + unknown);
      assertError(
          call(rpc, "dev_setStorage", "[{\"Staking\": {\"Ledger\": []}}]"),
          1,
          "Error: Cannot find pallet Staking");
      assertError(
          call(rpc, "dev_setStorage", "[{\"System\": {\"Acount\": []}}]"),
          1,
          "Error: Cannot find storage Acount in pallet System");
      assertError(
          call(
              rpc,
              "dev_setStorage",
              "[{\"System\": {\"Account\": [[[\""
                  + ALICE
                  + "\"], {\"data\": {\"free\": \"lots\"}}]]}}]"),
          1,
          "Error: System.Account: value.data.free: expected an integer, found \"lots\"");
      assertError(
          call(
              rpc,
              "dev_setStorage",
              "[[[\"0x3a6368696c645f73746f726167653a64656661756c743a01\", \"0x01\"]]]"),
          1,
          "Error: 0x3a6368696c645f73746f726167653a64656661756c743a01 is a child trie's key;"
              + " dev_setStorage writes top-trie keys only");
      assertThat(call(rpc, "dev_setStorage", "[[[\"0x12\"]]]").get("error").get("code").asInt())
          .isEqualTo(-32602);
      assertThat(node.chain().best()).isEqualTo(new BlockRef(named, 2));
    }
    try (NodeService node = start(dir)) {
      assertThat(node.chain().best()).isEqualTo(new BlockRef(named, 2));
      assertThat(account(node, named, DevAccounts.aliceId()).free()).isEqualTo(rich);
      Hash256 next = hash(call(node.rpcAddress().orElseThrow(), "dev_newBlock", "[]"));
      assertThat(account(node, next, DevAccounts.aliceId()).free()).isEqualTo(rich);
    }
  }

  @Test
  void timeTravelStampsTheNextBlock(@TempDir Path dir) throws Exception {
    try (NodeService node = start(dir)) {
      InetSocketAddress rpc = node.rpcAddress().orElseThrow();
      long at = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
      assertThat(call(rpc, "dev_timeTravel", "[\"2030-01-01T00:00:00Z\"]").get("result").asLong())
          .isEqualTo(at);
      Hash256 block = hash(call(rpc, "dev_newBlock", "[]"));
      Bytes now = read(node, block, StorageKeys.plain("Timestamp", "Now").toHex()).orElseThrow();
      assertThat(new ScaleReader(now.unsafeArray()).readI64()).isEqualTo(at);
      assertError(call(rpc, "dev_timeTravel", "[\"someday\"]"), 1, "Invalid date");
    }
  }

  @Test
  void setHeadMovesTheBestBlockAndTheChainBuildsThere(@TempDir Path dir) throws Exception {
    try (NodeService node = start(dir)) {
      InetSocketAddress rpc = node.rpcAddress().orElseThrow();
      Hash256 three = hash(call(rpc, "dev_newBlock", "[{\"count\": 3}]"));
      Hash256 one = node.chain().canonicalHash(1).orElseThrow();
      assertThat(hash(call(rpc, "dev_setHead", "[1]"))).isEqualTo(one);
      assertThat(node.chain().best()).isEqualTo(new BlockRef(one, 1));
      assertThat(node.chain().finalized()).isEqualTo(new BlockRef(one, 1));

      Hash256 fork = hash(call(rpc, "dev_newBlock", "[]"));
      assertThat(node.chain().requireHeader(fork).parentHash()).isEqualTo(one);
      assertThat(node.chain().best()).isEqualTo(new BlockRef(fork, 2));

      assertThat(hash(call(rpc, "dev_setHead", "[\"" + three + "\"]"))).isEqualTo(three);
      assertThat(node.chain().best()).isEqualTo(new BlockRef(three, 3));
      Hash256 two = node.chain().requireHeader(three).parentHash();
      assertThat(hash(call(rpc, "dev_setHead", "[-1]"))).isEqualTo(two);

      String unknown = "0x" + "ab".repeat(32);
      assertError(
          call(rpc, "dev_setHead", "[\"" + unknown + "\"]"), 1, "Block not found " + unknown);
      assertError(call(rpc, "dev_setHead", "[99]"), 1, "Block not found 99");
      assertThat(call(rpc, "dev_setHead", "[\"0x12\"]").get("error").get("code").asInt())
          .isEqualTo(-32602);
      assertThat(node.chain().best()).isEqualTo(new BlockRef(two, 2));
    }
  }

  @Test
  void setBlockBuildModeSwitchesBlockProductionAtRunTime(@TempDir Path dir) throws Exception {
    try (NodeService node = start(dir)) {
      InetSocketAddress rpc = node.rpcAddress().orElseThrow();
      assertThat(call(rpc, "dev_setBlockBuildMode", "[\"Instant\"]").get("result").isNull())
          .isTrue();
      assertThat(node.sealer().orElseThrow().consensus()).isEqualTo(new Consensus.InstantSeal());
      assertThat(node.pool().submit(TransactionSource.EXTERNAL, transfer(node, 0)))
          .isInstanceOf(Submission.Accepted.class);
      await(() -> node.chain().best().number() == 1, "instant seal to make block #1");

      call(rpc, "dev_setBlockBuildMode", "[\"Manual\"]");
      assertThat(node.sealer().orElseThrow().consensus()).isEqualTo(new Consensus.Manual());
      assertError(call(rpc, "dev_setBlockBuildMode", "[\"Fast\"]"), 1, "Invalid mode Fast");
      assertThat(node.sealer().orElseThrow().consensus()).isEqualTo(new Consensus.Manual());
    }
  }

  @Test
  void anExternalInterfaceRefusesThemAndAnImportOnlyNodeHasNone(@TempDir Path dir)
      throws Exception {
    NodeConfig external =
        DevConfigs.at(dir.resolve("external"))
            .name("rpc-it")
            .rpc(
                RpcServerConfig.builder()
                    .listenAddress(new InetSocketAddress("0.0.0.0", 0))
                    .methods(RpcMethodsPolicy.AUTO)
                    .build())
            .build();
    try (NodeService node =
        NodeService.start(external, ChainSpecs.load("dev"), Clock.systemUTC())) {
      InetSocketAddress rpc = node.rpcAddress().orElseThrow();
      for (String method :
          List.of(
              "engine_createBlock",
              "engine_finalizeBlock",
              "dev_newBlock",
              "dev_setStorage",
              "dev_timeTravel",
              "dev_setHead",
              "dev_setBlockBuildMode")) {
        assertError(call(rpc, method, "[]"), -32601, "RPC call is unsafe to be called externally");
      }
      assertThat(node.chain().best().number()).isZero();
    }
    NodeConfig importOnly =
        DevConfigs.at(dir.resolve("import-only"))
            .name("rpc-it")
            .authority(false)
            .loopbackRpc()
            .build();
    try (NodeService node =
        NodeService.start(importOnly, ChainSpecs.load("dev"), Clock.systemUTC())) {
      InetSocketAddress rpc = node.rpcAddress().orElseThrow();
      assertError(call(rpc, "dev_newBlock", "[]"), -32601, "Method not found");
      assertError(call(rpc, "engine_createBlock", "[true, true]"), -32601, "Method not found");
    }
  }
}
