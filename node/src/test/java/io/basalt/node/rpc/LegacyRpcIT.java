/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.node.authoring.CreatedBlock;
import io.basalt.node.authoring.DevSealer;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.service.NodeService;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.runtime.demo.storage.StorageKeys;
import io.basalt.storage.trie.TrieProof;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The legacy JSON-RPC API on a real dev chain (blocks made on request), over one WebSocket: what
 * the golden files check with fakes, checked here against the chain, the runtime and the pool.
 */
class LegacyRpcIT {
  private static final BigInteger UNIT = BigInteger.TEN.pow(12);
  private static final Bytes ALICE_ACCOUNT =
      StorageKeys.mapEntry("System", "Account", DevAccounts.aliceId().bytes());
  private static final Bytes BOB_ACCOUNT =
      StorageKeys.mapEntry("System", "Account", DevAccounts.bobId().bytes());
  private static final String UNKNOWN = "0x" + "ab".repeat(32);

  private static NodeService start(Path dir) {
    return NodeService.start(
        NodeSystemRpcIT.devConfig(dir), ChainSpecs.load("dev"), Clock.systemUTC());
  }

  private static Hash256 hash(JsonNode node) {
    return Hash256.fromHex(node.asText());
  }

  private static Bytes bytes(JsonNode node) {
    return Bytes.fromHex(node.asText());
  }

  private static CreatedBlock block(NodeService node, boolean finalize) {
    return node.sealer().orElseThrow().createBlock(true, finalize, Optional.empty()).join();
  }

  /**
   * Blocks until the pool's ready transactions are in one: the first block of a JVM may run out of
   * its proposal time while the runtime compiles, and leave them for the next.
   */
  private static CreatedBlock blockWithTheReadyTransactions(NodeService node, boolean finalize) {
    for (int attempt = 0; attempt < 5; attempt++) {
      CreatedBlock block = block(node, finalize);
      if (node.pool().status().ready() == 0) {
        return block;
      }
    }
    throw new AssertionError("the ready transactions stay out of the blocks");
  }

  private static UncheckedExtrinsic transfer(NodeService node, long nonce, BigInteger amount) {
    return new ExtrinsicFactory(100, node.chain().genesisHash())
        .signed(
            DevAccounts.alice(),
            new RuntimeCall.TransferKeepAlive(MultiAddress.id(DevAccounts.bobId()), amount),
            nonce);
  }

  private static AccountInfo account(JsonNode value) {
    return AccountInfo.decode(new ScaleReader(bytes(value)));
  }

  @Test
  void shouldServeBlocksAndEveryHeadOfEachKindInOrder(@TempDir Path dir) {
    try (NodeService node = start(dir);
        WsRpcClient rpc = new WsRpcClient(node.rpcAddress().orElseThrow())) {
      Hash256 genesis = node.chain().genesisHash();
      assertThat(hash(rpc.result("chain_getBlockHash", 0))).isEqualTo(genesis);
      String all = rpc.subscribe("chain_subscribeAllHeads");
      String best = rpc.subscribe("chain_subscribeNewHeads");
      String finalized = rpc.subscribe("chain_subscribeFinalizedHeads");
      for (String subscription : List.of(all, best, finalized)) {
        assertThat(rpc.next(subscription).get("number").asText())
            .as("the current head first")
            .isEqualTo("0x0");
      }
      DevSealer sealer = node.sealer().orElseThrow();
      List<Hash256> made = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        made.add(block(node, false).hash());
      }
      sealer.finalizeBlock(made.get(2), Optional.empty()).join();

      for (int i = 0; i < 3; i++) {
        JsonNode header = rpc.next(finalized);
        assertThat(header.get("number").asText()).isEqualTo("0x" + (i + 1));
        assertThat(Hashing.blake2b256Hash(Header.CODEC.encode(parse(header))))
            .as("finalized #%d, filled in though only #3 was finalized", i + 1)
            .isEqualTo(made.get(i));
        assertThat(parse(rpc.next(best)).hash()).isEqualTo(made.get(i));
        assertThat(parse(rpc.next(all)).hash()).isEqualTo(made.get(i));
      }
      JsonNode header = rpc.result("chain_getHeader", made.get(1).toHex());
      assertThat(hash(header.get("parentHash"))).isEqualTo(made.get(0));
      assertThat(parse(rpc.result("chain_getHeader")).hash()).isEqualTo(made.get(2));
      JsonNode block = rpc.result("chain_getBlock", made.get(1).toHex());
      assertThat(block.get("block").get("extrinsics")).hasSize(1); // the timestamp inherent
      assertThat(block.get("justifications").isNull()).isTrue();
      assertThat(rpc.result("chain_getBlockHash", List.of(1, "0x2", 3, 4)))
          .extracting(JsonNode::asText)
          .containsExactly(made.get(0).toHex(), made.get(1).toHex(), made.get(2).toHex(), "null");
      assertThat(hash(rpc.result("chain_getFinalizedHead"))).isEqualTo(made.get(2));
      assertThat(rpc.result("chain_getBlock", UNKNOWN).isNull()).isTrue();
      assertThat(rpc.error("chain_getBlockHash", 4294967296L).get("code").asInt()).isEqualTo(3001);
      assertThat(rpc.result("chain_unsubscribeNewHeads", best).asBoolean()).isTrue();
      assertThat(rpc.result("chain_unsubscribeNewHeads", best).asBoolean()).isFalse();
    }
  }

  private static Header parse(JsonNode json) {
    List<io.basalt.primitives.types.DigestItem> logs = new ArrayList<>();
    json.get("digest")
        .get("logs")
        .forEach(
            log ->
                logs.add(io.basalt.primitives.types.DigestItem.CODEC.decode(bytes(log).toArray())));
    return new Header(
        hash(json.get("parentHash")),
        Long.parseLong(json.get("number").asText().substring(2), 16),
        hash(json.get("stateRoot")),
        hash(json.get("extrinsicsRoot")),
        logs);
  }

  @Test
  void shouldReadStateProofsMetadataAndVersionsAtAnyBlock(@TempDir Path dir) throws IOException {
    try (NodeService node = start(dir);
        WsRpcClient rpc = new WsRpcClient(node.rpcAddress().orElseThrow())) {
      Hash256 genesis = node.chain().genesisHash();
      JsonNode version = rpc.result("state_getRuntimeVersion");
      assertThat(version.get("specName").asText()).isEqualTo("basalt-demo");
      assertThat(version.get("specVersion").asLong()).isEqualTo(100);
      RuntimeVersion called =
          RuntimeVersion.decode(
              bytes(rpc.result("state_call", "Core_version", "0x")).toArray(),
              java.util.OptionalLong.empty());
      assertThat(called.specVersion()).isEqualTo(100);
      assertThat(rpc.result("chain_getRuntimeVersion", genesis.toHex())).isEqualTo(version);
      try (InputStream committed =
          AccountInfo.class.getResourceAsStream("/io/basalt/runtime/metadata/v100-v14.scale")) {
        assertThat(bytes(rpc.result("state_getMetadata")).toArray())
            .as("the committed V14 metadata of spec 100")
            .isEqualTo(committed.readAllBytes());
      }
      String versions = rpc.subscribe("state_subscribeRuntimeVersion");
      assertThat(rpc.next(versions)).isEqualTo(version);

      String storage = rpc.subscribe("state_subscribeStorage", List.of(ALICE_ACCOUNT, BOB_ACCOUNT));
      JsonNode initial = rpc.next(storage);
      assertThat(initial.get("changes")).hasSize(2);
      AccountInfo aliceBefore = account(rpc.result("state_getStorage", ALICE_ACCOUNT));

      UncheckedExtrinsic transfer = transfer(node, 0, UNIT);
      rpc.result("author_submitExtrinsic", transfer.encoded());
      CreatedBlock one = blockWithTheReadyTransactions(node, true);

      JsonNode changed = rpc.next(storage);
      assertThat(hash(changed.get("block"))).isEqualTo(one.hash());
      assertThat(changed.get("changes")).hasSize(2);
      AccountInfo aliceAfter = account(rpc.result("state_getStorage", ALICE_ACCOUNT));
      assertThat(aliceAfter.nonce()).isEqualTo(1);
      assertThat(rpc.result("state_getStorage", ALICE_ACCOUNT, genesis.toHex()).asText())
          .isEqualTo(initial.get("changes").get(0).get(1).asText());
      Bytes aliceValue = bytes(rpc.result("state_getStorage", ALICE_ACCOUNT));
      assertThat(hash(rpc.result("state_getStorageHash", ALICE_ACCOUNT)))
          .isEqualTo(Hashing.blake2b256Hash(aliceValue.toArray()));
      assertThat(rpc.result("state_getStorageSize", ALICE_ACCOUNT).asLong())
          .isEqualTo(AccountInfo.ENCODED_LENGTH);

      // Read proofs verify against the block's state root.
      Header header = node.chain().requireHeader(one.hash());
      JsonNode proof = rpc.result("state_getReadProof", List.of(ALICE_ACCOUNT, "0x0badc0de"));
      assertThat(hash(proof.get("at"))).isEqualTo(one.hash());
      List<Bytes> nodes = new ArrayList<>();
      proof.get("proof").forEach(n -> nodes.add(bytes(n)));
      assertThat(
              TrieProof.verify(header.stateRoot(), nodes, ALICE_ACCOUNT, Optional.of(aliceValue)))
          .isTrue();
      assertThat(
              TrieProof.verify(
                  header.stateRoot(), nodes, Bytes.fromHex("0x0badc0de"), Optional.empty()))
          .isTrue();

      // Paging: two pages of System.Account add up to the whole map.
      Bytes accounts = StorageKeys.plain("System", "Account");
      List<String> everyKey = texts(rpc.result("state_getKeys", accounts));
      List<String> first = texts(rpc.result("state_getKeysPaged", accounts, 2));
      List<String> rest = texts(rpc.result("state_getKeysPaged", accounts, 1000, first.get(1)));
      List<String> paged = new ArrayList<>(first);
      paged.addAll(rest);
      assertThat(everyKey).hasSizeGreaterThan(2).contains(ALICE_ACCOUNT.toHex());
      assertThat(paged).isEqualTo(everyKey);
      assertThat(rpc.result("state_getStorageSize", accounts).asLong())
          .isEqualTo((long) AccountInfo.ENCODED_LENGTH * everyKey.size());

      // queryStorage: the value at genesis, then the change in block #1.
      JsonNode history =
          rpc.result(
              "state_queryStorage", List.of(ALICE_ACCOUNT), genesis.toHex(), one.hash().toHex());
      assertThat(history).hasSize(2);
      assertThat(hash(history.get(1).get("block"))).isEqualTo(one.hash());
      assertThat(account(history.get(1).get("changes").get(0).get(1)).free())
          .isEqualTo(aliceAfter.free())
          .isLessThan(aliceBefore.free().subtract(UNIT));

      // No child tries on the dev chain: an absent child trie reads as empty.
      String child = "0x" + hex(":child_storage:default:absent");
      assertThat(rpc.result("childstate_getKeys", child, "0x")).isEmpty();
      assertThat(rpc.result("childstate_getStorage", child, "0x01").isNull()).isTrue();

      // Unknown blocks and bad params: Substrate's errors.
      assertThat(rpc.error("state_getStorage", ALICE_ACCOUNT, UNKNOWN).get("message").asText())
          .isEqualTo(
              "Client error: UnknownBlock: Header was not found in the database: " + UNKNOWN);
      assertThat(rpc.error("state_getRuntimeVersion", UNKNOWN).get("message").asText())
          .isEqualTo(
              "Client error: Api called for an unknown Block: Header was not found in the"
                  + " database: "
                  + UNKNOWN);
      assertThat(rpc.error("state_call", "Nope_nothing", "0x").get("message").asText())
          .isEqualTo(
              "Client error: Execution failed: Other: Exported method Nope_nothing is not found");
      assertThat(rpc.error("state_getKeysPaged", accounts, 1001).get("code").asInt())
          .isEqualTo(4002);
      assertThat(rpc.error("state_getStorage", 42).get("code").asInt()).isEqualTo(-32602);
      assertThat(rpc.error("state_traceBlock", one.hash().toHex()).get("code").asInt())
          .isEqualTo(4001);
      assertThat(node.chain().best().hash()).as("nothing changed").isEqualTo(one.hash());
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String hex(String ascii) {
    return Bytes.wrap(ascii.getBytes(StandardCharsets.US_ASCII)).toHex().substring(2);
  }

  @Test
  void shouldWatchATransferToFinalityQuoteItsFeeAndRefuseBadOnes(@TempDir Path dir) {
    try (NodeService node = start(dir);
        WsRpcClient rpc = new WsRpcClient(node.rpcAddress().orElseThrow())) {
      UncheckedExtrinsic transfer = transfer(node, 0, UNIT);
      long length = transfer.length();
      JsonNode info = rpc.result("payment_queryInfo", transfer.encoded());
      long fee = 100_000_000L + length * 1_000_000L + 100_000_000L; // runtime-spec §5.6
      assertThat(info.get("partialFee").asText()).isEqualTo(Long.toString(fee));
      assertThat(info.get("class").asText()).isEqualTo("normal");
      assertThat(info.get("weight").asLong())
          .as("the old one-number weight (ref time), as Substrate's RPC answers")
          .isEqualTo(100_000_000L);
      JsonNode details = rpc.result("payment_queryFeeDetails", transfer.encoded());
      assertThat(details.get("inclusionFee").get("baseFee").asText()).isEqualTo("0x5f5e100");
      assertThat(details.get("inclusionFee").get("lenFee").asText())
          .isEqualTo("0x" + Long.toHexString(length * 1_000_000L));
      assertThat(rpc.error("payment_queryInfo", "0x4502aa").get("code").asInt()).isEqualTo(2);

      AccountInfo before = account(rpc.result("state_getStorage", ALICE_ACCOUNT));
      String watch = rpc.subscribe("author_submitAndWatchExtrinsic", transfer.encoded());
      assertThat(rpc.next(watch).asText()).isEqualTo("ready");
      assertThat(texts(rpc.result("author_pendingExtrinsics")))
          .containsExactly(transfer.encoded().toHex());
      CreatedBlock one = blockWithTheReadyTransactions(node, false);
      assertThat(rpc.next(watch)).isEqualTo(json(Map.of("inBlock", one.hash().toHex())));
      node.sealer().orElseThrow().finalizeBlock(one.hash(), Optional.empty()).join();
      assertThat(rpc.next(watch)).isEqualTo(json(Map.of("finalized", one.hash().toHex())));
      AccountInfo after = account(rpc.result("state_getStorage", ALICE_ACCOUNT));
      assertThat(before.free().subtract(after.free()))
          .as("the transfer and the fee payment_queryInfo quoted")
          .isEqualTo(UNIT.add(BigInteger.valueOf(fee)));

      // Refusals carry the runtime's reason; the pool stays empty.
      JsonNode stale =
          rpc.error("author_submitExtrinsic", transfer(node, 0, UNIT.add(UNIT)).encoded());
      assertThat(stale.get("code").asInt()).isEqualTo(1010);
      assertThat(stale.get("data").asText()).isEqualTo("Transaction is outdated");
      Bytes forged = transfer(node, 1, UNIT).encoded();
      byte[] tampered = forged.toArray();
      tampered[tampered.length - 10] ^= 1; // the amount, after signing
      JsonNode badProof = rpc.error("author_submitExtrinsic", Bytes.wrap(tampered));
      assertThat(badProof.get("message").asText()).isEqualTo("Invalid Transaction");
      assertThat(badProof.get("data").asText()).isEqualTo("Transaction has a bad signature");
      assertThat(rpc.error("author_submitExtrinsic", "0x0c01").get("code").asInt()).isEqualTo(1040);
      assertThat(rpc.error("author_submitAndWatchExtrinsic", "0x0c01").get("code").asInt())
          .isEqualTo(1001);
      assertThat(rpc.result("author_pendingExtrinsics")).isEmpty();

      // Removal takes the dependent transaction too.
      Bytes second = transfer(node, 1, UNIT).encoded();
      Bytes third = transfer(node, 2, UNIT).encoded();
      Hash256 secondHash = hash(rpc.result("author_submitExtrinsic", second));
      Hash256 thirdHash = hash(rpc.result("author_submitExtrinsic", third));
      assertThat(secondHash).isEqualTo(Hashing.blake2b256Hash(second.toArray()));
      assertThat(rpc.result("author_removeExtrinsic", List.of(Map.of("hash", secondHash.toHex()))))
          .extracting(JsonNode::asText)
          .containsExactlyInAnyOrder(secondHash.toHex(), thirdHash.toHex());
      assertThat(rpc.result("author_pendingExtrinsics")).isEmpty();
      assertThat(node.pool().status().ready()).isZero();
    }
  }

  private static JsonNode json(Object value) {
    return io.basalt.rpc.dispatch.RpcJson.MAPPER.valueToTree(value);
  }

  @Test
  void shouldKeepKeysAndOffchainValuesInTheNodesStores(@TempDir Path dir) {
    try (NodeService node = start(dir);
        WsRpcClient rpc = new WsRpcClient(node.rpcAddress().orElseThrow())) {
      String charlie = DevAccounts.account(DevAccounts.sr25519("Charlie")).bytes().toHex();
      assertThat(rpc.result("author_hasKey", charlie, "aura").asBoolean()).isFalse();
      assertThat(rpc.result("author_insertKey", "aura", "//Charlie", charlie).isNull()).isTrue();
      assertThat(rpc.result("author_hasKey", charlie, "aura").asBoolean()).isTrue();
      assertThat(rpc.error("author_insertKey", "aur", "//Charlie", charlie).get("code").asInt())
          .isEqualTo(1040);
      assertThat(rpc.result("author_rotateKeys").asText())
          .as("the demo runtime has no session keys")
          .isEqualTo("0x");
      assertThat(rpc.result("author_hasSessionKeys", "0x").asBoolean()).isTrue();
      assertThat(rpc.error("author_hasSessionKeys", "0x0102").get("message").asText())
          .isEqualTo("Session keys are not encoded correctly");

      assertThat(rpc.result("offchain_localStorageSet", "PERSISTENT", "0x0102", "0xbeef").isNull())
          .isTrue();
      assertThat(
              node.database()
                  .offchainStorage()
                  .get(
                      io.basalt.executor.api.OffchainStorage.Kind.PERSISTENT,
                      Bytes.fromHex("0x0102")))
          .contains(Bytes.fromHex("0xbeef"));
      assertThat(rpc.result("offchain_localStorageGet", "PERSISTENT", "0x0102").asText())
          .isEqualTo("0xbeef");
      assertThat(rpc.error("offchain_localStorageGet", "LOCAL", "0x0102").get("code").asInt())
          .isEqualTo(5001);
      rpc.result("offchain_localStorageClear", "PERSISTENT", "0x0102");
      assertThat(rpc.result("offchain_localStorageGet", "PERSISTENT", "0x0102").isNull()).isTrue();
    }
  }
}
