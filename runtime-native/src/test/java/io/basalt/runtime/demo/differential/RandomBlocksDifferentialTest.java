/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.event.EventRecord;
import io.basalt.runtime.demo.event.RuntimeEvent;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import io.basalt.testsupport.RandomCases;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
  private static final DispatchError SPEC_VERSION_NEEDS_TO_INCREASE =
      new DispatchError.Module(0, 1);
  private static final String LOWER_CODE = "Sudid(Err(SpecVersionNeedsToIncrease))";

  /** The apply results the acceptance lists (runtime-spec §15), and success. */
  private static final Map<Bytes, String> OUTCOMES =
      Map.of(
          Bytes.fromHex("0000"), "applied",
          Bytes.fromHex("00010700"), "Token(FundsUnavailable)",
          Bytes.fromHex("00010702"), "Token(BelowMinimum)",
          Bytes.fromHex("0001030400000000"), "Sudo::RequireSudo",
          Bytes.fromHex("010004"), "Invalid(BadProof)",
          Bytes.fromHex("010002"), "Invalid(Future)",
          Bytes.fromHex("010003"), "Invalid(Stale)");

  private static void run(WasmExecutionMethod method, int blocks, int perBlock) {
    long seed = RandomCases.seed();
    String context = "seed " + seed + ", native vs " + method;
    LockstepChains chains = LockstepChains.nativeVsWasm(method, context);
    BlockGenerator generator =
        new BlockGenerator(seed, 100, chains.first().genesisHash(), WasmCode.compressed(100));
    long time = START;
    Map<String, Integer> outcomes = new TreeMap<>();
    chains.block(generator.fundingBlock(), time += 6_000);
    for (int n = 0; n < blocks; n++) {
      List<UncheckedExtrinsic> xts = generator.next(chains.first(), perBlock);
      for (UncheckedExtrinsic xt : xts) {
        chains.transactionQueries(xt);
      }
      BuiltBlock block = chains.block(xts, time += 6_000);
      for (Bytes result : block.applyResults()) {
        outcomes.merge(OUTCOMES.getOrDefault(result, "other " + result), 1, Integer::sum);
      }
      for (EventRecord record :
          chains.first().storage(SystemPallet.EVENTS).map(EventRecord::decodeAll).orElseThrow()) {
        if (record.event() instanceof RuntimeEvent.Sudid(Optional<DispatchError> error)) {
          String name =
              error
                  .map(e -> e.equals(SPEC_VERSION_NEEDS_TO_INCREASE) ? LOWER_CODE : "Sudid(Err)")
                  .orElse("Sudid(Ok)");
          outcomes.merge(name, 1, Integer::sum);
        }
      }
    }
    // The mix exercised every outcome the acceptance lists, and successes; sudo set_code with a
    // lower version shows as an applied extrinsic whose Sudid event carries the error.
    assertThat(outcomes)
        .as("%s: outcomes", context)
        .containsKeys(OUTCOMES.values().toArray(String[]::new))
        .containsKey(LOWER_CODE);
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
