/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.differential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
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
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real client against both implementations: polkadot.js ({@code @polkadot/api}, offline) is fed
 * each runtime's own {@code Core_version} and metadata answers, decodes them (the version must be
 * runtime-spec §1's), builds and signs (sr25519) {@code balances.transferKeepAlive(Bob, amount)}
 * for Alice; the Java and the Wasm runtime both validate and apply every such extrinsic, and the
 * transfers happen.
 */
class PolkadotJsTransferTest {
  private static final BigInteger AMOUNT = new BigInteger("1234500000000");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** runtime-spec §1 for spec 100, in the JSON form of polkadot.js' {@code RuntimeVersion}. */
  private static final String SPEC_VERSION_100 =
      """
      {"specName":"basalt-demo","implName":"basalt-demo","authoringVersion":1,"specVersion":100,
       "implVersion":0,"apis":[["0xdf6acb689907609b",4],["0x37e397fc7c91f5e4",2],
       ["0x40fe3ad401f8959a",6],["0xd2bc9897eed08f15",3],["0xf78b278be53f454c",2],
       ["0xbc9d89904f5b923f",1],["0x37c8bb1350a9a2a8",4],["0xfbc577b9d747efd6",1],
       ["0xab3c0572291feb8b",1]],"transactionVersion":1,"stateVersion":1}
      """;

  @TempDir Path temp;

  /**
   * The runtime calls polkadot.js makes at start-up, answered by the chain's runtime at its head:
   * {@code "Method:0xinput" → "0xoutput"}.
   */
  private Path runtimeAnswers(DemoChain chain) throws IOException {
    Map<String, String> answers = new LinkedHashMap<>();
    for (String method :
        List.of("Core_version", "Metadata_metadata", "Metadata_metadata_versions")) {
      answers.put(method + ":0x", chain.call(method, new byte[0]).output().toHex());
    }
    for (long v = 13; v <= 16; v++) {
      Bytes input = new ScaleWriter().writeU32(v).toBytes();
      answers.put(
          "Metadata_metadata_at_version:" + input.toHex(),
          chain.call("Metadata_metadata_at_version", input.toArray()).output().toHex());
    }
    Path file = temp.resolve(chain.runtime().name() + "-" + chain.head().number() + ".json");
    JSON.writeValue(file.toFile(), answers);
    return file;
  }

  private Bytes sign(DemoChain chain, int metadataVersion, long nonce, List<String> era)
      throws IOException {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--runtime",
            runtimeAnswers(chain).toAbsolutePath().toString(),
            "--metadata-version",
            Integer.toString(metadataVersion),
            "--genesis",
            chain.genesisHash().toHex(),
            "--spec",
            "100",
            "--nonce",
            Long.toString(nonce),
            "--amount",
            AMOUNT.toString()));
    args.addAll(era);
    List<String> lines = PolkadotJs.run("sign-transfer.mjs", args);
    String version =
        lines.stream()
            .filter(l -> l.startsWith("runtime-version "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no runtime version printed: " + lines))
            .substring("runtime-version ".length());
    assertThat(JSON.readTree(version))
        .as("%s's Core_version as polkadot.js decoded it", chain.runtime().name())
        .isEqualTo(JSON.readTree(SPEC_VERSION_100));
    String last = lines.get(lines.size() - 1);
    assertThat(last).startsWith("0x");
    return Bytes.fromHex(last);
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
  void polkadotJsTransfersAreAcceptedAndAppliedByBothImplementations() throws IOException {
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
    // Metadata_metadata_at_version), once per runtime from that runtime's answers.
    List<Bytes> immortal = new ArrayList<>();
    for (DemoChain chain : chains) {
      Bytes xt = sign(chain, 15, immortal.size(), List.of("--era", "immortal"));
      assertThat(UncheckedExtrinsic.decode(xt).signature().orElseThrow().extra().era())
          .isEqualTo(Era.IMMORTAL);
      immortal.add(xt);
    }
    applyEverywhere(chains, immortal, 1_700_000_006_000L);
    BigInteger sent = AMOUNT.multiply(BigInteger.valueOf(chains.size()));
    for (DemoChain chain : chains) {
      assertThat(bobFree(chain)).as(chain.runtime().name()).isEqualTo(bob.add(sent));
    }

    // Mortal (period 64 from block 1), signed against the V14 metadata (state_getMetadata).
    List<Bytes> mortal = new ArrayList<>();
    for (DemoChain chain : chains) {
      Bytes xt =
          sign(
              chain,
              14,
              immortal.size() + mortal.size(),
              List.of(
                  "--era", "64",
                  "--block-hash", chain.head().hash().toHex(),
                  "--block-number", Long.toString(chain.head().number())));
      assertThat(UncheckedExtrinsic.decode(xt).signature().orElseThrow().extra().era())
          .isEqualTo(Era.mortal(64, 1));
      mortal.add(xt);
    }
    applyEverywhere(chains, mortal, 1_700_000_012_000L);
    for (DemoChain chain : chains) {
      assertThat(bobFree(chain)).as(chain.runtime().name()).isEqualTo(bob.add(sent).add(sent));
    }
  }

  /**
   * Validates each extrinsic on every chain (all must agree byte for byte) and applies them all in
   * one block on every chain; the blocks must be identical.
   */
  private static void applyEverywhere(List<DemoChain> chains, List<Bytes> xts, long timestamp) {
    Bytes first = xts.get(0);
    Bytes validity = validate(chains.get(0), first);
    assertThat(validity.get(0)).as("validate_transaction(%s) = %s", first, validity).isZero();
    for (DemoChain chain : chains) {
      assertThat(validate(chain, first)).as(chain.runtime().name()).isEqualTo(validity);
    }
    List<BuiltBlock> blocks = new ArrayList<>();
    for (DemoChain chain : chains) {
      BuiltBlock block = chain.buildBlock(xts, timestamp);
      assertThat(block.applyResults())
          .as(chain.runtime().name())
          .containsOnly(Bytes.fromHex("0000"))
          .hasSameSizeAs(xts);
      blocks.add(block);
    }
    for (BuiltBlock block : blocks) {
      assertThat(block.block()).isEqualTo(blocks.get(0).block());
    }
  }
}
