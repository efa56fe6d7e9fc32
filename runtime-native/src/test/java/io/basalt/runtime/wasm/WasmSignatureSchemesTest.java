/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.ss58.Ss58;
import io.basalt.primitives.crypto.ss58.Ss58AddressFormat;
import io.basalt.primitives.types.Header;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.storage.StorageKeys;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Signatures of all three schemes, and the polkadot.js-signed example of spec §15. */
class WasmSignatureSchemesTest {
  private static final KeyPair ED_ALICE =
      KeyScheme.ED25519.fromSuri("//Alice", Optional.empty()).pair();
  private static final KeyPair ECDSA_ALICE =
      KeyScheme.ECDSA.fromSuri("//Alice", Optional.empty()).pair();

  private static String address(KeyPair pair) {
    return Ss58.encode(pair.accountId(), Ss58AddressFormat.SUBSTRATE);
  }

  private static SteppedChain chain(WasmExecutionMethod m) {
    List<String> addresses = new ArrayList<>(Arrays.asList(Genesis.DEV_ADDRESSES));
    addresses.add(address(ED_ALICE));
    addresses.add(address(ECDSA_ALICE));
    return SteppedChain.genesis(
        WasmCode.executor(m),
        WasmCode.compressed(100).toArray(),
        Genesis.endowing(addresses.toArray(String[]::new)));
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void specExampleSignedByPolkadotJsAppliesWithTheSpecsFeeAndEvents(WasmExecutionMethod m) {
    assertThat(ED_ALICE.accountId())
        .isEqualTo(
            Bytes.fromHex("88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee"));
    SteppedChain chain = chain(m);
    // Block 1 whose parent is 0x11…11: initialize_block records it as BlockHash[0], the genesis
    // hash the example was signed for.
    Hash256 genesis = Hash256.wrap(Hex.decode("11".repeat(32)));
    chain.call(
        "Core_initialize_block",
        Header.CODEC.encode(new Header(genesis, 1, Hash256.ZERO, Hash256.ZERO, List.of())));

    assertThat(chain.call("BlockBuilder_apply_extrinsic", SpecExamples.ED25519_TRANSFER))
        .containsExactly(0, 0);

    BigInteger fee = BigInteger.valueOf(345_000_000L);
    Bytes alice = ED_ALICE.accountId();
    Bytes bob = WasmBlockTest.BOB.accountId();
    assertThat(chain.state().get(StorageKeys.plain("System", "Events")).toArray())
        .isEqualTo(
            Events.all(
                List.of(
                    Events.record(Events.applyExtrinsic(0), Events.withdraw(alice, fee)),
                    Events.record(Events.applyExtrinsic(0), Events.transfer(alice, bob, Tx.UNIT)),
                    Events.record(
                        Events.applyExtrinsic(0), Events.feePaid(alice, fee, BigInteger.ZERO)),
                    Events.record(
                        Events.applyExtrinsic(0),
                        Events.extrinsicSuccess(200_000_000L, Events.NORMAL)))));
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void ed25519AndEcdsaSignersWithShortAndHashedPayloads(WasmExecutionMethod m) {
    SteppedChain chain = chain(m);
    SteppedChain replay = chain.fork();
    byte[] longRemark = new byte[300]; // payload > 256 bytes: the signed message is its blake2-256
    Arrays.fill(longRemark, (byte) 7);
    List<byte[]> txs = new ArrayList<>();
    for (KeyPair signer : List.of(ED_ALICE, ECDSA_ALICE, WasmBlockTest.ALICE)) {
      txs.add(
          Tx.signed(
              signer,
              Tx.transferKeepAlive(WasmBlockTest.BOB.accountId(), Tx.UNIT),
              Tx.Signing.immortal(0, 100, chain.genesisHash())));
      txs.add(
          Tx.signed(
              signer,
              Tx.remarkWithEvent(longRemark),
              Tx.Signing.immortal(1, 100, chain.genesisHash())));
    }
    SteppedChain.BuiltBlock block = chain.build(1_700_000_000_000L, txs);
    assertThat(block.results()).extracting(Hex::encodeBare).containsOnly("0000");
    assertThat(block.extrinsics()).hasSize(7);
    replay.execute(block);
    assertThat(replay.state()).isEqualTo(chain.state());

    // A signature that recovers another ecdsa key, and a wrong recovery id.
    byte[] call = Tx.remark(new byte[] {1});
    Tx.Signing s = Tx.Signing.immortal(2, 100, chain.genesisHash());
    byte[] signature = ECDSA_ALICE.sign(Tx.payload(call, s));
    signature[64] ^= 1;
    byte[] otherKey =
        Tx.signedWithSignature(ECDSA_ALICE.accountId(), ECDSA_ALICE, signature, call, s);
    byte[] garbage =
        Tx.signedWithSignature(ECDSA_ALICE.accountId(), ECDSA_ALICE, new byte[65], call, s);
    SteppedChain next = chain.fork();
    next.call(
        "Core_initialize_block",
        Header.CODEC.encode(new Header(block.hash(), 2, Hash256.ZERO, Hash256.ZERO, List.of())));
    assertThat(Hex.encodeBare(next.call("BlockBuilder_apply_extrinsic", otherKey)))
        .isEqualTo("010004");
    assertThat(Hex.encodeBare(next.call("BlockBuilder_apply_extrinsic", garbage)))
        .isEqualTo("010004");
    assertThat(
            Hex.encodeBare(
                next.call("BlockBuilder_apply_extrinsic", Tx.signed(ECDSA_ALICE, call, s))))
        .isEqualTo("0000");
  }
}
