/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Bytes;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.TestRuntimes;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.testsupport.RandomCases;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptance's differential test: seeded random blocks execute on the Java runtime and on the
 * Wasm runtime side by side from the same genesis, with identical results for every runtime call
 * (validation, block building, re-execution) and identical storage changes and state roots block
 * after block. {@code -Dbasalt.seed=N} explores other sequences, {@code
 * -Dbasalt.differential.blocks=N} longer ones.
 */
class RandomBlocksDifferentialTest {
  private static final long START = 1_700_000_000_000L;

  private static void run(WasmExecutionMethod method, int blocks, int perBlock) {
    long seed = RandomCases.seed();
    String context = "seed " + seed + ", native vs " + method;
    LockstepChains chains =
        new LockstepChains(
            TestRuntimes.nativeRuntime(100),
            WasmCode.runtime(method, 100),
            "development",
            WasmCode.compressed(100),
            context);
    BlockGenerator generator =
        new BlockGenerator(seed, 100, chains.first().genesisHash(), WasmCode.compressed(100));
    long time = START;
    int applied = 0;
    int failedCalls = 0;
    int invalid = 0;
    chains.block(generator.fundingBlock(), time += 6_000);
    for (int n = 0; n < blocks; n++) {
      List<UncheckedExtrinsic> xts = generator.next(chains.first(), perBlock);
      for (UncheckedExtrinsic xt : xts) {
        byte[] input =
            new ScaleWriter()
                .writeU8(2)
                .writeRaw(xt.encoded())
                .writeHash(chains.first().head().hash())
                .toByteArray();
        chains.call("TaggedTransactionQueue_validate_transaction", input);
        byte[] query = new ScaleWriter().writeRaw(xt.encoded()).writeU32(xt.length()).toByteArray();
        chains.call("TransactionPaymentApi_query_info", query);
      }
      BuiltBlock block = chains.block(xts, time += 6_000);
      for (Bytes result : block.applyResults()) {
        if (result.equals(Bytes.fromHex("0000"))) {
          applied++;
        } else if (result.length() > 1 && result.get(0) == 0) {
          failedCalls++;
        } else {
          invalid++;
        }
      }
    }
    // The mix exercised all three outcomes.
    assertThat(applied).as(context).isPositive();
    assertThat(failedCalls).as(context).isPositive();
    assertThat(invalid).as(context).isPositive();
  }

  @Test
  void randomBlocksAgreeOnCompiledWasm() {
    run(WasmExecutionMethod.COMPILED, Integer.getInteger("basalt.differential.blocks", 12), 14);
  }

  @Test
  void randomBlocksAgreeOnInterpretedWasm() {
    run(WasmExecutionMethod.INTERPRETED, 3, 10);
  }
}
