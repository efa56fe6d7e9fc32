/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.storage.StorageKeys;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The calls of §6 beyond transfers: sudo family, System calls, Template on spec 100. */
class WasmDispatchTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final KeyPair ALICE = WasmBlockTest.ALICE;
  private static final KeyPair BOB = WasmBlockTest.BOB;

  private static String events(SteppedChain chain) {
    return Hex.encodeBare(chain.state().get(StorageKeys.plain("System", "Events")).toArray());
  }

  private static String record(int index, byte[] event) {
    return Hex.encodeBare(Events.record(Events.applyExtrinsic(index), event));
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void sudoFamilySystemCallsAndTemplate(WasmExecutionMethod m) {
    SteppedChain chain =
        SteppedChain.genesis(
            WasmCode.executor(m), WasmCode.compressed(100).toArray(), Genesis.development("null"));
    SteppedChain replay = chain.fork();
    byte[] remark = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] failingTransfer =
        new ScaleWriter()
            .writeU8(2)
            .writeU8(2)
            .writeRaw(Tx.id(ALICE.accountId()))
            .writeRaw(Tx.id(BOB.accountId()))
            .writeCompact(BigInteger.ONE.shiftLeft(70))
            .toByteArray();
    byte[] setStorage =
        new ScaleWriter()
            .writeU8(0)
            .writeU8(4)
            .writeCompact(1)
            .writeByteVec(SteppedChain.ascii("custom").toArray())
            .writeByteVec(new byte[] {1, 2})
            .toByteArray();
    byte[] killPrefix =
        new ScaleWriter()
            .writeU8(0)
            .writeU8(6)
            .writeByteVec(SteppedChain.ascii("cust").toArray())
            .writeU32(10)
            .toByteArray();
    List<byte[]> calls =
        List.of(
            Tx.setValue(5), // 1
            Tx.remarkWithEvent(remark), // 2
            Tx.sudo(
                Tx.sudoAs(BOB.accountId(), Tx.setValue(6))), // 3: sudo(sudo_as) needs Root → Err
            Tx.sudoAs(BOB.accountId(), Tx.setValue(6)), // 4
            Tx.sudo(failingTransfer), // 5: force_transfer fails: FundsUnavailable
            Tx.sudo(Tx.setHeapPages(4096)), // 6
            Tx.sudo(setStorage), // 7
            Tx.sudo(killPrefix), // 8
            Tx.sudo(Tx.remarkWithEvent(remark)) // 9: Root may not remark_with_event → BadOrigin
            );
    List<byte[]> txs = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      txs.add(Tx.signed(ALICE, calls.get(i), Tx.Signing.immortal(i, 100, chain.genesisHash())));
    }
    SteppedChain.BuiltBlock block = chain.build(T0, txs);
    assertThat(block.results()).extracting(Hex::encodeBare).containsOnly("0000");
    String events = events(chain);
    Bytes alice = ALICE.accountId();
    Bytes bob = BOB.accountId();
    assertThat(events)
        .contains(record(1, Events.valueSet(5, alice)))
        .contains(
            record(
                2,
                new ScaleWriter()
                    .writeU8(0)
                    .writeU8(5)
                    .writeRaw(alice)
                    .writeRaw(Hashing.blake2b256(remark))
                    .toByteArray()))
        .contains(
            record(
                3, Events.sudid(Hex.decode("0102")))) // Err(BadOrigin): sudo_as needs the sudo key
        .contains(record(4, Events.valueSet(6, bob)))
        .contains(record(4, new byte[] {4, 3, 0})) // SudoAsDone(Ok)
        .contains(record(5, Events.sudid(Hex.decode("010700")))) // Err(Token(FundsUnavailable))
        .contains(record(9, Events.sudid(Hex.decode("0102"))));
    // Template.Value is a plain u32 on spec 100, last written by Bob through sudo_as.
    assertThat(chain.state().get(StorageKeys.plain("Template", "Value")))
        .isEqualTo(Bytes.fromHex("06000000"));
    assertThat(chain.state().get(WellKnownKeys.HEAP_PAGES))
        .isEqualTo(new ScaleWriter().writeU64(4096).toBytes());
    assertThat(chain.state()).doesNotContainKey(SteppedChain.ascii("custom"));
    // set_heap_pages appends one RuntimeEnvironmentUpdated; set_storage/kill_prefix touch neither
    // key.
    assertThat(block.header().digest()).containsExactly(new DigestItem.RuntimeEnvironmentUpdated());

    replay.execute(block);
    assertThat(replay.state()).isEqualTo(chain.state());
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void setKeyAndRemoveKey(WasmExecutionMethod m) {
    SteppedChain chain =
        SteppedChain.genesis(
            WasmCode.executor(m), WasmCode.compressed(100).toArray(), Genesis.development("null"));
    byte[] setKey =
        new ScaleWriter().writeU8(4).writeU8(2).writeRaw(Tx.id(BOB.accountId())).toByteArray();
    byte[] removeKey = new byte[] {4, 4};
    List<byte[]> txs =
        List.of(
            Tx.signed(ALICE, setKey, Tx.Signing.immortal(0, 100, chain.genesisHash())),
            Tx.signed(ALICE, removeKey, Tx.Signing.immortal(1, 100, chain.genesisHash())),
            Tx.signed(BOB, removeKey, Tx.Signing.immortal(0, 100, chain.genesisHash())));
    SteppedChain.BuiltBlock block = chain.build(T0, txs);
    assertThat(block.results())
        .extracting(Hex::encodeBare)
        .containsExactly("0000", "0000", "0001" + "03" + "04" + "00000000", "0000");
    assertThat(events(chain))
        .contains(
            record(
                1,
                new ScaleWriter()
                    .writeU8(4)
                    .writeU8(1)
                    .writeU8(1)
                    .writeRaw(ALICE.accountId())
                    .writeRaw(BOB.accountId())
                    .toByteArray()))
        .contains(record(3, new byte[] {4, 2}));
    assertThat(chain.state()).doesNotContainKey(StorageKeys.plain("Sudo", "Key"));
  }
}
