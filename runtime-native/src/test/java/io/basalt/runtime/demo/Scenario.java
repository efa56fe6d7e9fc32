/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.chain.TestRuntimes;
import io.basalt.runtime.demo.event.EventRecord;
import io.basalt.runtime.demo.event.Phase;
import io.basalt.runtime.demo.event.RuntimeEvent;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.runtime.demo.pallet.balances.BalancesPallet;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/** A dev chain on the Java runtime with shortcuts for behaviour tests. */
final class Scenario {
  static final long GENESIS_TIME = 1_700_000_000_000L;
  static final BigInteger UNIT = BigInteger.TEN.pow(12);
  static final BigInteger ED = BalancesPallet.EXISTENTIAL_DEPOSIT;
  static final BigInteger ENDOWMENT = BigInteger.ONE.shiftLeft(60);

  final DemoChain chain;
  final ExtrinsicFactory xts;
  private long time = GENESIS_TIME;

  Scenario(DemoChain chain, long spec) {
    this.chain = chain;
    this.xts = new ExtrinsicFactory(spec, chain.genesisHash());
  }

  static Scenario dev(long spec) {
    return new Scenario(TestRuntimes.nativeDevChain(spec), spec);
  }

  /** The next nonce of a signer, from the head state. */
  long nonce(KeyPair signer) {
    return account(DevAccounts.account(signer)).nonce();
  }

  /** A signed extrinsic with the signer's next nonce. */
  UncheckedExtrinsic signed(KeyPair signer, RuntimeCall call) {
    return xts.signed(signer, call, nonce(signer));
  }

  /** Builds a block with these extrinsics; the timestamp advances 6 s per block. */
  BuiltBlock block(UncheckedExtrinsic... extrinsics) {
    time += 6_000;
    return chain.buildBlock(
        Arrays.stream(extrinsics).map(UncheckedExtrinsic::encoded).toList(), time);
  }

  /** Signs and applies one call in its own block; returns the apply result. */
  Bytes apply(KeyPair signer, RuntimeCall call) {
    return block(signed(signer, call)).applyResults().get(0);
  }

  AccountInfo account(AccountId who) {
    return chain
        .storage(SystemPallet.accountKey(who))
        .map(b -> AccountInfo.decode(new ScaleReader(b)))
        .orElse(AccountInfo.EMPTY);
  }

  boolean exists(AccountId who) {
    return chain.storage(SystemPallet.accountKey(who)).isPresent();
  }

  BigInteger free(AccountId who) {
    return account(who).free();
  }

  BigInteger totalIssuance() {
    return chain
        .storage(BalancesPallet.TOTAL_ISSUANCE)
        .map(b -> new ScaleReader(b).readU128())
        .orElse(BigInteger.ZERO);
  }

  /** The events of the head block. */
  List<EventRecord> events() {
    return chain.storage(SystemPallet.EVENTS).map(EventRecord::decodeAll).orElse(List.of());
  }

  /** The events of the head block deposited while applying extrinsic {@code index}. */
  List<RuntimeEvent> eventsOf(long index) {
    return events().stream()
        .filter(e -> e.phase().equals(new Phase.ApplyExtrinsic(index)))
        .map(EventRecord::event)
        .toList();
  }

  /** The fee of an extrinsic: base + length + call weight + tip (§5.6). */
  static BigInteger fee(UncheckedExtrinsic xt) {
    return BigInteger.valueOf(100_000_000L)
        .add(BigInteger.valueOf(xt.length() * 1_000_000L))
        .add(BigInteger.valueOf(xt.call().weight().refTime()))
        .add(xt.signature().orElseThrow().extra().tip());
  }
}
