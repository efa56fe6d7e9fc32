/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.node.LogCapture;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.log.LogSetup;
import io.basalt.node.log.RuntimeLogLevel;
import io.basalt.node.rpc.HttpRpcClient;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeService;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.ss58.Ss58;
import io.basalt.primitives.crypto.ss58.Ss58AddressFormat;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.storage.StorageKeys;
import io.basalt.storage.block.BlockRef;
import io.basalt.testsupport.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * {@code --wasm-override}, {@code --import-storage} and {@code --runtime-log-level} on a running
 * dev node (real RocksDB, the demo runtime in Chicory), read back over JSON-RPC: the block built at
 * start, the upgrade the next block runs, values set by name in JSON and YAML, bad names refused
 * with the chain left as it was, and the runtime's log lines by level.
 */
class StartOverridesIT {
  private static final String ALICE =
      Ss58.encode(DevAccounts.aliceId().bytes(), Ss58AddressFormat.SUBSTRATE);
  private static final String BOB =
      Ss58.encode(DevAccounts.bobId().bytes(), Ss58AddressFormat.SUBSTRATE);
  private static final Bytes TEMPLATE_VALUE = StorageKeys.plain("Template", "Value");
  private static final Bytes TEMPLATE_VERSION = StorageKeys.storageVersion("Template");

  /** More than a u64 holds, so the u128 balance is encoded in full. */
  private static final BigInteger RICH = BigInteger.TEN.pow(21).add(BigInteger.valueOf(12_345));

  private static NodeService start(Path dir, StartOverrides overrides) {
    return NodeService.start(
        DevConfigs.at(dir).loopbackRpc().build().withStartOverrides(overrides),
        ChainSpecs.load("dev"),
        Clock.systemUTC());
  }

  private static StartOverrides code(Path file) {
    return new StartOverrides(Optional.of(CodeOverride.read(file)), Optional.empty());
  }

  private static StartOverrides storage(Path file) {
    return new StartOverrides(Optional.empty(), Optional.of(StorageImport.read(file)));
  }

  private static HttpRpcClient rpc(NodeService node) {
    return new HttpRpcClient(node.rpcAddress().orElseThrow().getPort());
  }

  private static long specVersion(HttpRpcClient rpc, Object... at) throws Exception {
    return rpc.result("state_getRuntimeVersion", at).get("specVersion").asLong();
  }

  private static Optional<Bytes> storageAt(HttpRpcClient rpc, Bytes key) throws Exception {
    JsonNode value = rpc.result("state_getStorage", key.toHex());
    return value.isNull() ? Optional.empty() : Optional.of(Bytes.fromHex(value.asText()));
  }

  private static Hash256 newBlock(HttpRpcClient rpc) {
    try {
      return Hash256.fromHex(rpc.result("dev_newBlock").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void wasmOverrideSetsTheCodeInABlockAtStartAndTheNextBlockRunsTheUpgrade(@TempDir Path dir)
      throws Exception {
    Path v101 = ProjectFiles.file(CodeOverrideTest.V101);
    try (NodeService node = start(dir, code(v101))) {
      HttpRpcClient rpc = rpc(node);
      Hash256 genesis = node.chain().genesisHash();
      BlockRef best = node.chain().best();
      assertThat(best.number()).isEqualTo(1);
      assertThat(node.chain().requireHeader(best.hash()).parentHash()).isEqualTo(genesis);
      assertThat(specVersion(rpc, genesis.toString())).isEqualTo(100);
      assertThat(specVersion(rpc)).isEqualTo(101);
      assertThat(storageAt(rpc, WellKnownKeys.CODE)).contains(Bytes.wrap(Files.readAllBytes(v101)));
      assertThat(storageAt(rpc, TEMPLATE_VERSION)).isEmpty(); // no migration has run yet

      LogCapture.Captured<Hash256> next = LogCapture.run(() -> newBlock(rpc));
      assertThat(next.lines())
          .anySatisfy(
              l ->
                  assertThat(l)
                      .contains(
                          "upgraded to basalt-demo/101; template migration translated 0"
                              + " value(s)"));
      assertThat(storageAt(rpc, TEMPLATE_VERSION)).contains(Bytes.fromHex("0x0100"));
      assertThat(node.chain().best()).isEqualTo(new BlockRef(next.result(), 2));
    }
    // The block is stored like any other: a restart without the flag still runs v101.
    try (NodeService node = start(dir, StartOverrides.none())) {
      assertThat(node.chain().best().number()).isEqualTo(2);
      assertThat(specVersion(rpc(node))).isEqualTo(101);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"values.json", "values.yaml"})
  void importStorageSetsValuesByPalletAndItemName(String name, @TempDir Path dir) throws Exception {
    String content =
        name.endsWith(".json")
            ? """
              {"System": {"Account": [[["%s"], {"providers": 1, "data": {"free": %s}}]],
                          "$removePrefix": ["BlockHash"]},
               "Template": {"Value": 7}, "Sudo": {"Key": "%s"}, "0x1234": "0xbeef"}
              """
                .formatted(ALICE, RICH, BOB)
            : """
              System:
                Account:
                  - [[%s], {providers: 1, data: {free: %s}}]
                $removePrefix: [BlockHash]
              Template:
                Value: 7
              Sudo:
                Key: %s
              "0x1234": "0xbeef"
              """
                .formatted(ALICE, RICH, BOB);
    Path file = Files.writeString(dir.resolve(name), content);
    try (NodeService node = start(dir.resolve("base"), storage(file))) {
      HttpRpcClient rpc = rpc(node);
      assertThat(node.chain().best().number()).isEqualTo(1);
      AccountInfo alice =
          AccountInfo.decode(
              new ScaleReader(
                  storageAt(
                          rpc,
                          StorageKeys.mapEntry("System", "Account", DevAccounts.aliceId().bytes()))
                      .orElseThrow()
                      .unsafeArray()));
      assertThat(alice.free()).isEqualTo(RICH);
      assertThat(alice.providers()).isEqualTo(1);
      assertThat(alice.nonce()).isZero();
      Bytes value = storageAt(rpc, TEMPLATE_VALUE).orElseThrow();
      assertThat(new ScaleReader(value.unsafeArray()).readU32AsLong()).isEqualTo(7);
      assertThat(storageAt(rpc, StorageKeys.plain("Sudo", "Key")))
          .contains(DevAccounts.bobId().bytes());
      assertThat(storageAt(rpc, Bytes.fromHex("0x1234"))).contains(Bytes.fromHex("0xbeef"));
      // Block #1 wrote BlockHash[0]; the map was cleared after it was built.
      assertThat(storageAt(rpc, StorageKeys.mapEntry("System", "BlockHash", 0))).isEmpty();
      // The chain goes on from there: the next block starts with these values.
      newBlock(rpc);
      assertThat(storageAt(rpc, TEMPLATE_VALUE)).contains(value);
      assertThat(storageAt(rpc, StorageKeys.mapEntry("System", "BlockHash", 1)))
          .contains(node.chain().canonicalHash(1).orElseThrow().toBytes());
    }
  }

  @Test
  void storageNamesAreReadWithTheOverridingRuntimeAndItsMigrationSeesThem(@TempDir Path dir)
      throws Exception {
    Path base = dir.resolve("base");
    CodeOverride v101 = CodeOverride.read(ProjectFiles.file(CodeOverrideTest.V101));
    // v101's Template.Value is {value, set_at}; v100's a u32: the file is read with v101's types.
    Path plain = Files.writeString(dir.resolve("plain.yml"), "Template:\n  Value: 7\n");
    assertThatThrownBy(
            () ->
                start(
                        base,
                        new StartOverrides(
                            Optional.of(v101), Optional.of(StorageImport.read(plain))))
                    .close())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "--import-storage: "
                + plain
                + ": Template.Value: value: expected an object with fields value, set_at, found"
                + " 7");
    // A v100 value in hex, as a chain at v100 holds it: v101's migration translates it.
    Path raw = Files.writeString(dir.resolve("raw.yml"), "Template:\n  Value: '0x07000000'\n");
    try (NodeService node =
        start(base, new StartOverrides(Optional.of(v101), Optional.of(StorageImport.read(raw))))) {
      HttpRpcClient rpc = rpc(node);
      assertThat(node.chain().best().number()).isEqualTo(1);
      assertThat(specVersion(rpc)).isEqualTo(101);
      assertThat(storageAt(rpc, TEMPLATE_VALUE)).contains(Bytes.fromHex("0x07000000"));
      LogCapture.Captured<Hash256> next = LogCapture.run(() -> newBlock(rpc));
      assertThat(next.lines())
          .anySatisfy(l -> assertThat(l).contains("template migration translated 1 value(s)"));
      ScaleReader migrated =
          new ScaleReader(storageAt(rpc, TEMPLATE_VALUE).orElseThrow().unsafeArray());
      assertThat(migrated.readU32AsLong()).isEqualTo(7);
      // The demo runtime migrates before the block sets System.Number: set_at is the parent's.
      assertThat(migrated.readU32AsLong()).isEqualTo(node.chain().best().number() - 1);
    }
  }

  @Test
  void badNamesAndValuesAreOneLineAndLeaveTheChainAsItWas(@TempDir Path dir) throws Exception {
    Path base = dir.resolve("base");
    Hash256 best;
    Bytes code;
    try (NodeService node = start(base, StartOverrides.none())) {
      best = newBlock(rpc(node));
      code = storageAt(rpc(node), WellKnownKeys.CODE).orElseThrow();
    }
    Path unknownPallet =
        Files.writeString(dir.resolve("pallet.json"), "{\"Staking\": {\"Ledger\": []}}");
    Path unknownItem = Files.writeString(dir.resolve("item.yaml"), "System:\n  Acount: []\n");
    Path badValue =
        Files.writeString(
            dir.resolve("value.yaml"),
            "System:\n  Account:\n    - [[" + ALICE + "], {data: {free: lots}}]\n");
    Path childKey =
        Files.writeString(
            dir.resolve("child.json"),
            "{\"0x3a6368696c645f73746f726167653a64656661756c743a01\": \"0x01\"}");
    List<List<Object>> cases =
        List.of(
            List.of(storage(unknownPallet), unknownPallet + ": Cannot find pallet Staking"),
            List.of(
                storage(unknownItem),
                unknownItem + ": Cannot find storage Acount in pallet System"),
            List.of(
                storage(badValue),
                badValue
                    + ": System.Account: value.data.free: expected an integer, found \"lots\""),
            List.of(
                // With a new runtime too: neither is written.
                new StartOverrides(
                    Optional.of(CodeOverride.read(ProjectFiles.file(CodeOverrideTest.V101))),
                    Optional.of(StorageImport.read(badValue))),
                badValue
                    + ": System.Account: value.data.free: expected an integer, found \"lots\""),
            List.of(
                storage(childKey),
                childKey
                    + ": 0x3a6368696c645f73746f726167653a64656661756c743a01 is a child trie's key;"
                    + " only top-trie keys can be set"));
    for (List<Object> c : cases) {
      assertThatThrownBy(() -> start(base, (StartOverrides) c.get(0)).close())
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessage("--import-storage: " + c.get(1));
    }
    try (NodeService node = start(base, StartOverrides.none())) {
      assertThat(node.chain().best()).isEqualTo(new BlockRef(best, 1));
      assertThat(storageAt(rpc(node), WellKnownKeys.CODE)).contains(code);
      assertThat(storageAt(rpc(node), TEMPLATE_VALUE)).isEmpty();
    }
  }

  @Test
  void theRuntimeLogLevelDecidesWhichRuntimeLinesShowAndWhatTheRuntimeAsks(@TempDir Path dir)
      throws Exception {
    Logger runtime = (Logger) LoggerFactory.getLogger(RuntimeLogLevel.TARGET);
    try (NodeService node = start(dir, code(ProjectFiles.file(CodeOverrideTest.V101)))) {
      HttpRpcClient rpc = rpc(node);
      LogSetup.apply(List.of(RuntimeLogLevel.of(2).directive()));
      LogCapture.Captured<Hash256> warn = LogCapture.run(() -> newBlock(rpc));
      // The migration ran, but its info line is below the level.
      assertThat(storageAt(rpc, TEMPLATE_VERSION)).contains(Bytes.fromHex("0x0100"));
      assertThat(warn.text()).doesNotContain("upgraded to basalt-demo/101");

      // The runtime logs "finalized block #N" only when ext_logging_max_level says debug.
      LogSetup.apply(List.of(RuntimeLogLevel.of(3).directive()));
      assertThat(LogCapture.run(() -> newBlock(rpc)).text()).doesNotContain("finalized block #");
      LogSetup.apply(List.of(RuntimeLogLevel.of(4).directive()));
      assertThat(LogCapture.run(() -> newBlock(rpc)).text()).contains("finalized block #4 with ");
      LogSetup.apply(List.of(RuntimeLogLevel.of(0).directive()));
      assertThat(LogCapture.run(() -> newBlock(rpc)).text()).doesNotContain("finalized block #");
    } finally {
      runtime.setLevel(null);
    }
  }
}
