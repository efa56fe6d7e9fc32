/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.Genesis;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.config.BasePath;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.storage.block.BlockRef;
import io.basalt.storage.trie.MerkleTrie;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BlockImporter} on the bundled dev chain, with no fixtures: blocks built by the demo
 * runtime's own block builder (the test harness of runtime-native, on its Wasm twin) are imported
 * into a real RocksDB database opened from the built-in {@code dev} spec, and a tampered block is
 * refused without a trace in the database.
 */
class DevChainImportIT {
  private static final BigInteger UNIT = BigInteger.TEN.pow(12);
  private static final long START = 1_700_000_000_000L;

  @Test
  void importsDevChainBlocksAndRefusesATamperedOne(@TempDir Path dir) {
    ChainSpec spec = ChainSpecs.load("dev");
    Bytes code = ((Genesis.Raw) spec.genesis()).code().orElseThrow();
    DemoChain builder =
        DemoChain.fromPreset(
            WasmCode.runtime(WasmExecutionMethod.COMPILED, 100), "development", Optional.of(code));
    try (Runtimes runtimes =
            Runtimes.create(WasmExecutionMethod.COMPILED, Optional.of(TestCaches.wasmCache()));
        ChainDatabase.Opened chain =
            ChainDatabase.openChain(spec, new BasePath(dir, false), runtimes)) {
      ChainDatabase db = chain.db();
      // The harness and the node agree on the dev chain's genesis before anything is imported.
      assertThat(builder.genesisHash()).isEqualTo(chain.genesis().hash());
      BlockImporter importer = new BlockImporter(db, runtimes, false);
      ExtrinsicFactory extrinsics = new ExtrinsicFactory(100, builder.genesisHash());
      List<Header> imported = new ArrayList<>();
      for (int nonce = 0; nonce < 3; nonce++) {
        RuntimeCall transfer =
            new RuntimeCall.TransferKeepAlive(
                new MultiAddress.Id(DevAccounts.bobId()), UNIT.multiply(BigInteger.valueOf(7)));
        BuiltBlock built =
            builder.buildBlock(
                List.of(extrinsics.signed(DevAccounts.alice(), transfer, nonce).encoded()),
                START + nonce * 6_000L);
        assertThat(built.included()).containsOnly(true);
        Header header = built.block().header();
        assertThat(importer.importBlock(new SignedBlock(built.block(), Optional.empty())))
            .isEqualTo(new BlockImportResult.Imported(header.hash(), header.number(), true));
        assertThat(db.blocks().best()).contains(new BlockRef(header.hash(), header.number()));
        imported.add(header);
      }
      // The stored state is the built chain's: Bob's balance entry reads the same in both.
      Bytes bobAccount = accountKey(DevAccounts.bobId().bytes());
      Header best = imported.get(imported.size() - 1);
      assertThat(new MerkleTrie(db.trieNodes()).get(best.stateRoot(), bobAccount))
          .isEqualTo(builder.storage(bobAccount));

      // A fourth block whose transfer is tampered with after signing: refused, nothing stored.
      BuiltBlock next =
          builder.buildBlock(
              List.of(
                  extrinsics
                      .signed(
                          DevAccounts.alice(),
                          new RuntimeCall.TransferKeepAlive(
                              new MultiAddress.Id(DevAccounts.bobId()), UNIT),
                          3)
                      .encoded()),
              START + 3 * 6_000L);
      List<Bytes> body = new ArrayList<>(next.block().extrinsics());
      byte[] tampered = body.get(body.size() - 1).toArray();
      tampered[tampered.length - 1] ^= 1;
      body.set(body.size() - 1, Bytes.wrap(tampered));
      Block bad = new Block(next.block().header(), body);
      BlockImportResult result = importer.importBlock(new SignedBlock(bad, Optional.empty()));
      assertThat(result).isInstanceOf(BlockImportResult.Invalid.class);
      assertThat(db.blocks().hasHeader(bad.header().hash())).isFalse();
      assertThat(db.blocks().best()).contains(new BlockRef(best.hash(), best.number()));
    }
  }

  /** {@code System.Account} of an account: twox128 ‖ twox128 ‖ blake2_128_concat(id). */
  private static Bytes accountKey(Bytes accountId) {
    return io.basalt.runtime.demo.storage.StorageKeys.mapEntry("System", "Account", accountId);
  }
}
