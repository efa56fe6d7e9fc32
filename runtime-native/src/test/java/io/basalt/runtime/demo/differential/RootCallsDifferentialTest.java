/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.event.EventRecord;
import io.basalt.runtime.demo.event.RuntimeEvent;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.runtime.demo.pallet.sudo.SudoPallet;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The root-only System calls (§6.1: set_storage, kill_storage, kill_prefix,
 * set_code_without_checks, including on {@code :code} and {@code :heappages}) and the Sudo key
 * calls (§6.5: set_key, remove_key) on both implementations, compared call by call.
 */
class RootCallsDifferentialTest {
  private static final Bytes CODE_100 = WasmCode.compressed(100);
  private static final Bytes CODE_101 = WasmCode.compressed(101);
  private static final Bytes OK = Bytes.fromHex("0000");
  private static final Bytes REQUIRE_SUDO = Bytes.fromHex("0001030400000000");

  private final KeyPair alice = DevAccounts.alice();
  private final KeyPair bob = DevAccounts.bob();
  private long time = 1_700_000_000_000L;

  private static LockstepChains chains(String context) {
    return LockstepChains.nativeVsWasm(WasmExecutionMethod.COMPILED, context);
  }

  private static List<RuntimeEvent> events(DemoChain chain) {
    return chain.storage(SystemPallet.EVENTS).map(EventRecord::decodeAll).orElseThrow().stream()
        .map(EventRecord::event)
        .toList();
  }

  private static RuntimeCall sudo(RuntimeCall call) {
    return new RuntimeCall.Sudo(call);
  }

  private static RuntimeCall set(Bytes key, Bytes value) {
    return new RuntimeCall.SetStorage(List.of(new RuntimeCall.KeyValue(key, value)));
  }

  private static RuntimeCall kill(Bytes... keys) {
    return new RuntimeCall.KillStorage(List.of(keys));
  }

  private BuiltBlock block(LockstepChains chains, List<UncheckedExtrinsic> xts) {
    return chains.block(xts, time += 6_000);
  }

  @Test
  void storageCallsOnWellKnownAndOtherKeysAgree() {
    LockstepChains chains = chains("set_storage / kill_storage / kill_prefix");
    DemoChain chain = chains.first();
    ExtrinsicFactory xts = new ExtrinsicFactory(100, chain.genesisHash());
    Bytes pages = new ScaleWriter().writeU64(2048).toBytes();
    BuiltBlock first =
        block(
            chains,
            List.of(
                xts.signed(alice, sudo(set(WellKnownKeys.HEAP_PAGES, pages)), 0),
                xts.signed(alice, sudo(set(Bytes.fromHex("aa"), Bytes.fromHex("bb"))), 1),
                xts.signed(
                    alice,
                    sudo(
                        new RuntimeCall.SetStorage(
                            List.of(
                                new RuntimeCall.KeyValue(
                                    Bytes.fromHex("aa01"), Bytes.fromHex("01")),
                                new RuntimeCall.KeyValue(
                                    Bytes.fromHex("aa02"), Bytes.fromHex("02"))))),
                    2),
                xts.signed(alice, sudo(kill(Bytes.fromHex("aa"), Bytes.fromHex("0102"))), 3)));
    assertThat(first.applyResults()).containsOnly(OK);
    // Only the :heappages write touches the runtime environment.
    assertThat(first.block().header().digest())
        .containsExactly(new DigestItem.RuntimeEnvironmentUpdated());
    assertThat(chain.storage(WellKnownKeys.HEAP_PAGES)).contains(pages);
    assertThat(chain.storage(Bytes.fromHex("aa"))).isEmpty();
    assertThat(chain.storage(Bytes.fromHex("aa01"))).contains(Bytes.fromHex("01"));

    BuiltBlock second =
        block(
            chains,
            List.of(
                xts.signed(alice, sudo(new RuntimeCall.KillPrefix(Bytes.fromHex("aa"), 1)), 4),
                xts.signed(alice, sudo(kill(WellKnownKeys.HEAP_PAGES)), 5),
                xts.signed(alice, sudo(new RuntimeCall.KillPrefix(Bytes.fromHex("3a6865"), 5)), 6),
                xts.signed(bob, sudo(kill(WellKnownKeys.CODE)), 0)));
    assertThat(second.applyResults()).containsExactly(OK, OK, OK, REQUIRE_SUDO);
    assertThat(second.block().header().digest())
        .containsExactly(
            new DigestItem.RuntimeEnvironmentUpdated(), new DigestItem.RuntimeEnvironmentUpdated());
    assertThat(chain.storage(WellKnownKeys.HEAP_PAGES)).isEmpty();
    assertThat(chain.storage(WellKnownKeys.CODE)).contains(CODE_100);
  }

  @Test
  void codeWrittenWithoutChecksRunsFromTheNextBlock() {
    List<RuntimeCall> writes =
        List.of(
            new RuntimeCall.SetCodeWithoutChecks(CODE_101),
            set(WellKnownKeys.CODE, CODE_101),
            new RuntimeCall.SetCodeWithoutChecks(CODE_100));
    for (RuntimeCall write : writes) {
      LockstepChains chains = chains(write.getClass().getSimpleName());
      DemoChain chain = chains.first();
      ExtrinsicFactory xts = new ExtrinsicFactory(100, chain.genesisHash());
      BuiltBlock written = block(chains, List.of(xts.signed(alice, sudo(write), 0)));
      assertThat(written.applyResults()).containsExactly(OK);
      assertThat(written.block().header().digest())
          .containsExactly(new DigestItem.RuntimeEnvironmentUpdated());
      boolean viaSetCode = write instanceof RuntimeCall.SetCodeWithoutChecks;
      assertThat(events(chain).contains(new RuntimeEvent.CodeUpdated())).isEqualTo(viaSetCode);
      Bytes newCode = chain.storage(WellKnownKeys.CODE).orElseThrow();
      chains.call("Core_version", new byte[0]);

      block(chains, List.of());
      boolean upgraded = newCode.equals(CODE_101);
      assertThat(events(chain).contains(new RuntimeEvent.Migrated(0, 1, 0)))
          .as("%s", write)
          .isEqualTo(upgraded);
      ExtrinsicFactory next = new ExtrinsicFactory(upgraded ? 101 : 100, chain.genesisHash());
      BuiltBlock after =
          block(
              chains,
              List.of(
                  next.signed(
                      bob,
                      new RuntimeCall.TransferKeepAlive(
                          MultiAddress.id(DevAccounts.aliceId()), BlockGenerator.UNIT),
                      0)));
      assertThat(after.applyResults()).containsExactly(OK);
    }
  }

  @Test
  void killingTheCodeIsAppliedAlike() {
    LockstepChains chains = chains("kill_storage(:code)");
    DemoChain chain = chains.first();
    ExtrinsicFactory xts = new ExtrinsicFactory(100, chain.genesisHash());
    // The block itself still runs (and re-executes) with its parent's code.
    BuiltBlock block =
        block(
            chains,
            List.of(
                xts.signed(alice, sudo(kill(WellKnownKeys.CODE)), 0),
                xts.signed(alice, new RuntimeCall.Remark(Bytes.EMPTY), 1)));
    assertThat(block.applyResults()).containsExactly(OK, OK);
    assertThat(block.block().header().digest())
        .containsExactly(new DigestItem.RuntimeEnvironmentUpdated());
    assertThat(chain.storage(WellKnownKeys.CODE)).isEmpty();
  }

  @Test
  void sudoKeyChangesAgree() {
    LockstepChains chains = chains("set_key / remove_key");
    DemoChain chain = chains.first();
    ExtrinsicFactory xts = new ExtrinsicFactory(100, chain.genesisHash());
    AccountId aliceId = DevAccounts.aliceId();
    AccountId bobId = DevAccounts.bobId();
    RuntimeCall remark = sudo(new RuntimeCall.Remark(Bytes.EMPTY));
    BuiltBlock handOver =
        block(
            chains,
            List.of(
                xts.signed(alice, new RuntimeCall.SetKey(new MultiAddress.Index()), 0),
                xts.signed(alice, new RuntimeCall.SetKey(MultiAddress.id(bobId)), 1),
                xts.signed(alice, remark, 2),
                xts.signed(bob, remark, 0),
                xts.signed(bob, new RuntimeCall.SetKey(MultiAddress.id(aliceId)), 1)));
    assertThat(handOver.applyResults())
        .containsExactly(Bytes.fromHex("000101"), OK, REQUIRE_SUDO, OK, OK);
    assertThat(events(chain))
        .contains(
            new RuntimeEvent.KeyChanged(Optional.of(aliceId), bobId),
            new RuntimeEvent.KeyChanged(Optional.of(bobId), aliceId));
    assertThat(chain.storage(SudoPallet.KEY)).contains(aliceId.bytes());

    BuiltBlock removed =
        block(
            chains,
            List.of(
                xts.signed(bob, new RuntimeCall.RemoveKey(), 2),
                xts.signed(alice, new RuntimeCall.RemoveKey(), 3),
                xts.signed(alice, remark, 4),
                xts.signed(alice, new RuntimeCall.SetKey(MultiAddress.id(aliceId)), 5),
                xts.signed(alice, new RuntimeCall.RemoveKey(), 6)));
    assertThat(removed.applyResults())
        .containsExactly(REQUIRE_SUDO, OK, REQUIRE_SUDO, REQUIRE_SUDO, REQUIRE_SUDO);
    assertThat(events(chain)).contains(new RuntimeEvent.KeyRemoved());
    assertThat(chain.storage(SudoPallet.KEY)).isEmpty();
    List<RuntimeEvent> failures =
        events(chain).stream().filter(e -> e instanceof RuntimeEvent.ExtrinsicFailed).toList();
    assertThat(failures)
        .hasSize(4)
        .allMatch(
            e -> ((RuntimeEvent.ExtrinsicFailed) e).error().equals(new DispatchError.Module(4, 0)));
  }
}
