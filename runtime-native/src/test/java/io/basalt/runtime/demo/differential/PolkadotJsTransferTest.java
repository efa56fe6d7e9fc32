/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Bytes;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.PolkadotJs;
import io.basalt.runtime.demo.chain.RuntimeUnderTest;
import io.basalt.runtime.demo.chain.TestRuntimes;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.extrinsic.Era;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import io.basalt.runtime.metadata.MetadataBlobs;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A real client against both implementations: polkadot.js ({@code @polkadot/api}, offline) decodes
 * the metadata, builds and signs (sr25519) {@code balances.transferKeepAlive(Bob, amount)} for
 * Alice; the Java and the Wasm runtime both validate and apply it, and the transfer happens.
 */
class PolkadotJsTransferTest {
  private static final BigInteger AMOUNT = new BigInteger("1234500000000");

  private static Bytes sign(String metadata, DemoChain chain, long nonce, List<String> era) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--metadata",
            Path.of(MetadataBlobs.SOURCE_FOLDER, metadata).toAbsolutePath().toString(),
            "--genesis",
            chain.genesisHash().toHex(),
            "--spec",
            "100",
            "--tx-version",
            "1",
            "--nonce",
            Long.toString(nonce),
            "--amount",
            AMOUNT.toString()));
    args.addAll(era);
    return PolkadotJs.runForHex("sign-transfer.mjs", args);
  }

  private static Bytes validate(DemoChain chain, Bytes xt) {
    byte[] input =
        new ScaleWriter().writeU8(2).writeRaw(xt).writeHash(chain.head().hash()).toByteArray();
    return chain.call("TaggedTransactionQueue_validate_transaction", input).output();
  }

  private static BigInteger bobFree(DemoChain chain) {
    return chain
        .storage(SystemPallet.accountKey(DevAccounts.bobId()))
        .map(b -> AccountInfo.decode(new ScaleReader(b)).free())
        .orElseThrow();
  }

  @Test
  void polkadotJsTransfersAreAcceptedAndAppliedByBothImplementations() {
    List<RuntimeUnderTest> runtimes =
        List.of(
            TestRuntimes.nativeRuntime(100),
            WasmCode.runtime(WasmExecutionMethod.COMPILED, 100),
            WasmCode.runtime(WasmExecutionMethod.INTERPRETED, 100));
    List<DemoChain> chains = new ArrayList<>();
    for (RuntimeUnderTest runtime : runtimes) {
      chains.add(
          DemoChain.fromPreset(runtime, "development", Optional.of(WasmCode.compressed(100))));
    }
    DemoChain reference = chains.get(0);
    BigInteger bob = bobFree(reference);

    // Immortal, signed against the V15 metadata (which the API fetches via
    // Metadata_metadata_at_version).
    Bytes immortal = sign("v100-v15.scale", reference, 0, List.of("--era", "immortal"));
    assertThat(UncheckedExtrinsic.decode(immortal).signature().orElseThrow().extra().era())
        .isEqualTo(Era.IMMORTAL);
    applyEverywhere(chains, immortal, 1_700_000_006_000L);
    for (DemoChain chain : chains) {
      assertThat(bobFree(chain)).as(chain.runtime().name()).isEqualTo(bob.add(AMOUNT));
    }

    // Mortal (period 64 from block 1), signed against the V14 metadata.
    Bytes mortal =
        sign(
            "v100-v14.scale",
            reference,
            1,
            List.of(
                "--era", "64",
                "--block-hash", reference.head().hash().toHex(),
                "--block-number", Long.toString(reference.head().number())));
    assertThat(UncheckedExtrinsic.decode(mortal).signature().orElseThrow().extra().era())
        .isEqualTo(Era.mortal(64, 1));
    applyEverywhere(chains, mortal, 1_700_000_012_000L);
    for (DemoChain chain : chains) {
      assertThat(bobFree(chain)).as(chain.runtime().name()).isEqualTo(bob.add(AMOUNT).add(AMOUNT));
    }
  }

  /** Validates and applies the same extrinsic on every chain; all must agree byte for byte. */
  private static void applyEverywhere(List<DemoChain> chains, Bytes xt, long timestamp) {
    Bytes validity = validate(chains.get(0), xt);
    assertThat(validity.get(0)).as("validate_transaction(%s) = %s", xt, validity).isZero();
    List<BuiltBlock> blocks = new ArrayList<>();
    for (DemoChain chain : chains) {
      assertThat(validate(chain, xt)).as(chain.runtime().name()).isEqualTo(validity);
      BuiltBlock block = chain.buildBlock(List.of(xt), timestamp);
      assertThat(block.applyResults())
          .as(chain.runtime().name())
          .containsExactly(Bytes.fromHex("0000"));
      blocks.add(block);
    }
    for (BuiltBlock block : blocks) {
      assertThat(block.block()).isEqualTo(blocks.get(0).block());
    }
  }
}
