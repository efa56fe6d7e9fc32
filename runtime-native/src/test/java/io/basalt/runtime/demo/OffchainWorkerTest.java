/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.api.OffchainStorage;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Header;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.CallOutcome;
import io.basalt.runtime.demo.executive.Executive;
import org.junit.jupiter.api.Test;

/** The offchain index written at finalization and the offchain worker (§7.3, §11). */
class OffchainWorkerTest {
  private final Scenario s = Scenario.dev(100);

  @Test
  void finalizationIndexesTheBlockAndTheWorkerRecordsIt() {
    BuiltBlock block = s.block();
    Bytes indexed = Bytes.fromHex("0100000001000000"); // block 1, one extrinsic (the inherent)
    assertThat(block.offchainIndex())
        .containsExactly(
            io.basalt.executor.state.StorageChange.set(Executive.OFFCHAIN_BLOCK_KEY, indexed));
    Header header = block.block().header();
    CallOutcome outcome =
        s.chain.callOffchain("OffchainWorkerApi_offchain_worker", Header.CODEC.encode(header));
    assertThat(outcome).isEqualTo(new CallOutcome.Returned(Bytes.EMPTY));
    Bytes expected =
        new ScaleWriter()
            .writeU32(1)
            .writeHash(header.hash())
            .writeU8(1)
            .writeByteVec(indexed)
            .toBytes();
    assertThat(
            s.chain.offchain().get(OffchainStorage.Kind.PERSISTENT, Executive.OFFCHAIN_WORKER_KEY))
        .contains(expected);
  }

  @Test
  void withoutAnIndexedEntryTheWorkerRecordsNone() {
    BuiltBlock block = s.block();
    s.chain.offchain().clear(OffchainStorage.Kind.PERSISTENT, Executive.OFFCHAIN_BLOCK_KEY);
    Header header = block.block().header();
    s.chain.callOffchain("OffchainWorkerApi_offchain_worker", Header.CODEC.encode(header));
    assertThat(
            s.chain.offchain().get(OffchainStorage.Kind.PERSISTENT, Executive.OFFCHAIN_WORKER_KEY))
        .contains(new ScaleWriter().writeU32(1).writeHash(header.hash()).writeU8(0).toBytes());
  }

  @Test
  void theWorkerNeedsOffchainStorage() {
    Header header = s.block().block().header();
    assertThat(s.chain.call("OffchainWorkerApi_offchain_worker", Header.CODEC.encode(header)))
        .isInstanceOf(CallOutcome.Panicked.class);
  }
}
