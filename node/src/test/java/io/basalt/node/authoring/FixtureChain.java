/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.config.BasePath;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.importer.TestCaches;
import io.basalt.node.metadata.RuntimeMetadata;
import io.basalt.node.metrics.NodeMetrics;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A fixture chain spec opened in its own RocksDB database (genesis in place), with an importer and
 * a proposer: what a node has, without the node service.
 */
final class FixtureChain implements AutoCloseable {
  final Runtimes runtimes;
  final ChainDatabase.Opened opened;
  final Blockchain chain;
  final BlockImporter importer;
  final BlockProposer proposer;

  private FixtureChain(String spec, Path dir, InherentDataProvider inherents) {
    ChainSpec chainSpec = ChainSpecParser.parse(Fixtures.file("chainspecs/" + spec));
    runtimes = Runtimes.create(WasmExecutionMethod.COMPILED, Optional.of(TestCaches.wasmCache()));
    opened = ChainDatabase.openChain(chainSpec, new BasePath(dir, false), runtimes);
    chain = new Blockchain(opened.db());
    importer = new BlockImporter(chain, runtimes, false);
    proposer =
        new BlockProposer(chain, runtimes, Runtimes.services(), NodeMetrics.disabled(), inherents);
  }

  /** {@code chainspecs/<spec>} in {@code dir}, blocks built with the node's inherent data. */
  static FixtureChain open(String spec, Path dir) {
    return new FixtureChain(spec, dir, RuntimeInherents::complete);
  }

  /** The same, blocks built with only the caller's inherent data. */
  static FixtureChain withoutRuntimeInherents(String spec, Path dir) {
    return new FixtureChain(spec, dir, InherentDataProvider.callersOnly());
  }

  Header genesis() {
    return chain.requireHeader(chain.genesisHash());
  }

  Header best() {
    return chain.requireHeader(chain.best().hash());
  }

  RuntimeVersion version(Header at) {
    return new RuntimeCalls(chain, runtimes).codeAt(at).version();
  }

  RuntimeMetadata metadata(Header at) {
    Bytes encoded = new RuntimeCalls(chain, runtimes).call(at, "Metadata_metadata", Bytes.EMPTY);
    return RuntimeMetadata.decode(new ScaleReader(encoded.unsafeArray()).readByteVec());
  }

  Optional<Bytes> storage(Header at, Bytes key) {
    return chain.stateAt(at).get(key);
  }

  /** {@code epoch_length} of {@code BabeApi_configuration} (after the u64 slot duration). */
  long babeEpochLength(Header at) {
    Bytes config = new RuntimeCalls(chain, runtimes).call(at, "BabeApi_configuration", Bytes.EMPTY);
    ScaleReader r = new ScaleReader(config.unsafeArray());
    r.readI64();
    return r.readI64();
  }

  /** BABE's {@code SecondaryPlain} pre-digest of authority 0 at {@code slot}. */
  static DigestItem babeSecondaryPlain(long slot) {
    return new DigestItem.PreRuntime(
        EngineId.BABE, new ScaleWriter().writeU8(2).writeU32(0).writeU64(slot).toBytes());
  }

  @Override
  public void close() {
    opened.close();
    runtimes.close();
  }
}
