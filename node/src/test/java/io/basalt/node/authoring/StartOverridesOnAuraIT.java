/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpecParser;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeService;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.ss58.Ss58;
import io.basalt.primitives.crypto.ss58.Ss58AddressFormat;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.storage.StorageKeys;
import io.basalt.testsupport.Fixtures;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --wasm-override} and {@code --import-storage} on a real chain with fast-forward sealing
 * (the node-template fixture: Aura + GRANDPA, FRAME's metadata): the block built at start is
 * claimed and sealed by Aura like any other, the names resolve with FRAME's metadata, and the chain
 * builds on.
 */
class StartOverridesOnAuraIT {
  /** //Bob's sr25519 public key (fixtures/README.md). */
  private static final Bytes BOB =
      Bytes.fromHex("0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");

  @Test
  void theBlockAtStartIsSealedByAuraAndTheChainBuildsOn(@TempDir Path dir) throws Exception {
    var spec = ChainSpecParser.parse(Fixtures.file("chainspecs/node-template-local.json"));
    DevConfigs configs = DevConfigs.at(dir.resolve("base")).consensus(new Consensus.Manual());
    Bytes code;
    try (NodeService node = NodeService.start(configs.build(), spec, Clock.systemUTC())) {
      code = node.chain().stateAt(genesis(node)).get(WellKnownKeys.CODE).orElseThrow();
    }
    // The chain's own runtime as 0x-hex text: set at start although its version is the same.
    Path hex = Files.writeString(dir.resolve("runtime.hex"), code.toHex());
    BigInteger free = BigInteger.TEN.pow(25).add(BigInteger.valueOf(7));
    Path values =
        Files.writeString(
            dir.resolve("values.json"),
            "{\"Balances\": {\"TotalIssuance\": \"%s\"}, \"System\": {\"Account\": [[[\"%s\"], {\"providers\": 1, \"data\": {\"free\": \"%s\"}}]]}}"
                .formatted(free, Ss58.encode(BOB, Ss58AddressFormat.SUBSTRATE), free));
    StartOverrides overrides =
        new StartOverrides(
            Optional.of(CodeOverride.read(hex)), Optional.of(StorageImport.read(values)));
    try (NodeService node =
        NodeService.start(configs.build().withStartOverrides(overrides), spec, Clock.systemUTC())) {
      Header first = node.chain().requireHeader(node.chain().best().hash());
      assertThat(first.number()).isEqualTo(1);
      assertThat(first.seal().orElseThrow().engine()).isEqualTo(EngineId.AURA);
      AccountInfo bob =
          AccountInfo.decode(
              new ScaleReader(
                  node.chain()
                      .stateAt(first)
                      .get(StorageKeys.mapEntry("System", "Account", BOB))
                      .orElseThrow()
                      .unsafeArray()));
      assertThat(bob.free()).isEqualTo(free);
      assertThat(bob.providers()).isEqualTo(1);
      Bytes issuance =
          node.chain()
              .stateAt(first)
              .get(StorageKeys.plain("Balances", "TotalIssuance"))
              .orElseThrow();
      assertThat(new ScaleReader(issuance.unsafeArray()).readU128()).isEqualTo(free);
      assertThat(node.chain().stateAt(first).get(WellKnownKeys.CODE)).contains(code);

      CreatedBlock next =
          node.sealer().orElseThrow().createBlock(true, false, Optional.empty()).join();
      assertThat(next.number()).isEqualTo(2);
      Header second = node.chain().requireHeader(next.hash());
      assertThat(second.seal().orElseThrow().engine()).isEqualTo(EngineId.AURA);
      assertThat(node.chain().stateAt(second).get(StorageKeys.plain("Balances", "TotalIssuance")))
          .contains(issuance);
    }
  }

  private static Header genesis(NodeService node) {
    return node.chain().requireHeader(node.chain().genesisHash());
  }
}
