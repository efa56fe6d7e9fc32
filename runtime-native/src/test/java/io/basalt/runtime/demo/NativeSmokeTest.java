/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.types.Bytes;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.CallOutcome;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.chain.TestRuntimes;
import io.basalt.runtime.metadata.BasaltDemoRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeSmokeTest {
  @Test
  void buildsAndReexecutesATransferBlock() {
    DemoChain chain = TestRuntimes.nativeDevChain(100);
    DemoChain verifier = chain.fork(TestRuntimes.nativeRuntime(100));
    ExtrinsicFactory xts = new ExtrinsicFactory(100, chain.genesisHash());
    RuntimeCall call =
        new RuntimeCall.TransferKeepAlive(
            MultiAddress.id(DevAccounts.bobId()), BasaltDemoRuntime.UNIT);
    Bytes xt = xts.signed(DevAccounts.alice(), call, 0).encoded();
    BuiltBlock block = chain.buildBlock(List.of(xt), 1_700_000_000_000L);
    assertThat(block.applyResults()).containsExactly(Bytes.fromHex("0000"));
    assertThat(verifier.importBlock(block.block()))
        .isEqualTo(new CallOutcome.Returned(Bytes.EMPTY));
    assertThat(verifier.head().hash()).isEqualTo(chain.head().hash());
  }
}
