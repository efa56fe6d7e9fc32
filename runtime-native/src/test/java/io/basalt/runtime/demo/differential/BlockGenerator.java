/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.differential;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.chain.FakeRuntimeCode;
import io.basalt.runtime.demo.dispatch.Weight;
import io.basalt.runtime.demo.extrinsic.Era;
import io.basalt.runtime.demo.extrinsic.ExtrinsicSignature;
import io.basalt.runtime.demo.extrinsic.MultiSignature;
import io.basalt.runtime.demo.extrinsic.SignedExtra;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random blocks for the differential test: valid transfers of every kind, remarks, Template
 * values, sudo calls, and the failing cases of the acceptance criteria (insufficient balance, bad
 * nonce, bad signature, below ED, sudo from a non-sudo account, set_code with a lower version),
 * plus unsigned calls, signed inherents, mortal eras and non-Id addresses. Half of the sudo calls
 * are signed by Alice, the sudo key. The first block generated starts with one extrinsic of each
 * failing kind of the acceptance criteria, so every seed covers them all.
 */
final class BlockGenerator {
  static final BigInteger UNIT = BigInteger.TEN.pow(12);
  static final BigInteger ED = BigInteger.TEN.pow(9);

  // Kinds 0..19 are drawn at random; 20.. only start the first block.
  private static final int SUDO_FORCE_TRANSFER = 6;
  private static final int SUDO_REMARK = 11;
  private static final int SUDO_SET_CODE = 12;
  private static final int SUDO_AS = 13;
  private static final int FUTURE_NONCE = 14;
  private static final int STALE_NONCE = 15;
  private static final int BAD_SIGNATURE = 16;
  private static final int UNSIGNED = 17;
  private static final int MORTAL = 18;
  private static final int ODD = 19;
  private static final int INSUFFICIENT_BALANCE = 20;
  private static final int BELOW_ED = 21;
  private static final int NON_SUDO = 22;
  private static final int LOWER_SET_CODE = 23;

  private final SplittableRandom random;
  private final ExtrinsicFactory xts;
  private final List<KeyPair> signers = new ArrayList<>();
  private final List<AccountId> destinations = new ArrayList<>();
  private final List<Bytes> rejectedCodes;
  private final Bytes lowerCode = FakeRuntimeCode.declaring("basalt-demo", 99);
  private final Deque<Integer> firstKinds =
      new ArrayDeque<>(
          List.of(
              LOWER_SET_CODE,
              NON_SUDO,
              INSUFFICIENT_BALANCE,
              BELOW_ED,
              BAD_SIGNATURE,
              FUTURE_NONCE,
              STALE_NONCE));
  private int fresh;

  /**
   * @param currentCode the chain's {@code :code}: one of the codes a {@code set_code} is refused
   */
  BlockGenerator(long seed, long spec, Hash256 genesis, Bytes currentCode) {
    this.random = new SplittableRandom(seed);
    this.xts = new ExtrinsicFactory(spec, genesis);
    this.rejectedCodes =
        List.of(
            lowerCode,
            currentCode,
            FakeRuntimeCode.declaring("other-demo", spec + 1),
            Bytes.fromHex("0061736d01000000"));
    for (String name : DevAccounts.NAMES) {
      signers.add(DevAccounts.sr25519(name));
    }
    signers.add(DevAccounts.pair(KeyScheme.ED25519, "Alice"));
    signers.add(DevAccounts.pair(KeyScheme.ECDSA, "Alice"));
    for (KeyPair p : signers) {
      destinations.add(DevAccounts.account(p));
    }
  }

  /** Block 1: Alice funds the ed25519 and ecdsa signers. */
  List<UncheckedExtrinsic> fundingBlock() {
    KeyPair alice = DevAccounts.alice();
    List<UncheckedExtrinsic> out = new ArrayList<>();
    long nonce = 0;
    for (KeyPair p : signers.subList(DevAccounts.NAMES.size(), signers.size())) {
      out.add(
          xts.signed(
              alice,
              new RuntimeCall.TransferKeepAlive(
                  MultiAddress.id(DevAccounts.account(p)),
                  UNIT.multiply(BigInteger.valueOf(1_000))),
              nonce++));
    }
    return out;
  }

  private static AccountInfo account(DemoChain chain, AccountId who) {
    return chain
        .storage(SystemPallet.accountKey(who))
        .map(b -> AccountInfo.decode(new ScaleReader(b)))
        .orElse(AccountInfo.EMPTY);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private AccountId destination() {
    if (random.nextInt(6) == 0) {
      return DevAccounts.account(DevAccounts.sr25519("Fresh" + fresh++));
    }
    return pick(destinations);
  }

  private BigInteger amount(BigInteger free) {
    return switch (random.nextInt(5)) {
      case 0 -> BigInteger.valueOf(random.nextLong(1, ED.longValue()));
      case 1 -> ED.add(BigInteger.valueOf(random.nextLong(0, 1_000)));
      case 2 -> UNIT.multiply(BigInteger.valueOf(random.nextLong(1, 100)));
      case 3 -> free.signum() > 0 ? free.shiftRight(random.nextInt(1, 4)) : UNIT;
      default -> free.add(BigInteger.ONE); // more than the signer has
    };
  }

  /** A block's worth of extrinsics against the chain's head state. */
  List<UncheckedExtrinsic> next(DemoChain chain, int count) {
    Map<KeyPair, Long> nonces = new HashMap<>();
    List<UncheckedExtrinsic> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int kind = firstKinds.isEmpty() ? random.nextInt(20) : firstKinds.poll();
      KeyPair signer = signer(kind);
      AccountInfo info = account(chain, DevAccounts.account(signer));
      long nonce = nonces.getOrDefault(signer, info.nonce());
      RuntimeCall call = call(kind, info.free());
      UncheckedExtrinsic xt;
      switch (kind) {
        case FUTURE_NONCE -> xt = xts.signed(signer, call, nonce + 1 + random.nextInt(3));
        case STALE_NONCE -> xt = xts.signed(signer, call, Math.max(0, nonce - 1)); // or valid at 0
        case BAD_SIGNATURE -> xt = corrupt(xts.signed(signer, call, nonce));
        case UNSIGNED ->
            xt =
                UncheckedExtrinsic.unsigned(
                    random.nextBoolean() ? call : new RuntimeCall.TimestampSet(1));
        case MORTAL -> {
          long current = chain.head().number();
          long birth = Math.max(0, current - random.nextInt(3));
          Era era = Era.mortal(random.nextBoolean() ? 4 : 64, birth);
          Hash256 hash = random.nextBoolean() ? chain.head().hash() : chain.genesisHash();
          xt =
              xts.signed(signer, call, nonce, BigInteger.valueOf(random.nextInt(1_000)), era, hash);
        }
        default ->
            xt =
                xts.signed(
                    signer,
                    call,
                    nonce,
                    random.nextInt(4) == 0
                        ? BigInteger.valueOf(random.nextLong(0, 1L << 40))
                        : BigInteger.ZERO,
                    Era.IMMORTAL,
                    chain.genesisHash());
      }
      if (kind < FUTURE_NONCE || kind > UNSIGNED) {
        nonces.put(signer, nonce + 1); // the kinds above are never applied (stale: rarely)
      }
      out.add(xt);
    }
    return out;
  }

  private KeyPair signer(int kind) {
    return switch (kind) {
      case LOWER_SET_CODE, STALE_NONCE -> DevAccounts.alice(); // Alice's nonce is > 0 by now
      case NON_SUDO -> signers.get(random.nextInt(1, signers.size()));
      case SUDO_FORCE_TRANSFER, SUDO_REMARK, SUDO_SET_CODE, SUDO_AS, ODD ->
          random.nextBoolean() ? DevAccounts.alice() : pick(signers);
      default -> pick(signers);
    };
  }

  private RuntimeCall call(int kind, BigInteger free) {
    MultiAddress dest = MultiAddress.id(destination());
    return switch (kind) {
      case 0, 1, 2 -> new RuntimeCall.TransferAllowDeath(dest, amount(free));
      case 3, 4 -> new RuntimeCall.TransferKeepAlive(dest, amount(free));
      case 5 -> new RuntimeCall.TransferAll(dest, random.nextBoolean());
      case SUDO_FORCE_TRANSFER ->
          new RuntimeCall.Sudo(
              new RuntimeCall.ForceTransfer(
                  MultiAddress.id(pick(destinations)), dest, amount(UNIT)));
      case 7 -> new RuntimeCall.Remark(randomBytes(random.nextInt(0, 400)));
      case 8 -> new RuntimeCall.RemarkWithEvent(randomBytes(random.nextInt(0, 40)));
      case 9 -> new RuntimeCall.SetValue(random.nextLong(0, 1L << 32));
      case 10 ->
          new RuntimeCall.TransferAllowDeath(
              dest, ED.subtract(BigInteger.valueOf(random.nextLong(1, 1_000)))); // below ED if new
      case SUDO_REMARK, NON_SUDO ->
          new RuntimeCall.Sudo(new RuntimeCall.Remark(Bytes.EMPTY)); // non-sudo unless Alice
      case SUDO_SET_CODE ->
          new RuntimeCall.Sudo(
              new RuntimeCall.SetCode(
                  random.nextInt(5) == 0 ? randomBytes(16) : pick(rejectedCodes)));
      case SUDO_AS ->
          new RuntimeCall.SudoAs(
              MultiAddress.id(pick(destinations)),
              new RuntimeCall.TransferKeepAlive(dest, amount(UNIT)));
      case ODD ->
          random.nextBoolean()
              ? new RuntimeCall.TransferKeepAlive(new MultiAddress.Address32(randomBytes(32)), UNIT)
              : new RuntimeCall.SudoUncheckedWeight(
                  new RuntimeCall.Remark(Bytes.EMPTY),
                  new Weight(
                      random.nextBoolean() ? random.nextLong(0, 1L << 32) : random.nextLong(),
                      random.nextLong())); // the proof size must be ignored (§5.5)
      case INSUFFICIENT_BALANCE ->
          new RuntimeCall.TransferAllowDeath(
              MultiAddress.id(pick(destinations)), free.add(BigInteger.ONE));
      case BELOW_ED ->
          new RuntimeCall.TransferAllowDeath(
              MultiAddress.id(DevAccounts.account(DevAccounts.sr25519("Fresh" + fresh++))),
              ED.subtract(BigInteger.valueOf(random.nextLong(1, 1_000))));
      case LOWER_SET_CODE -> new RuntimeCall.Sudo(new RuntimeCall.SetCode(lowerCode));
      default -> new RuntimeCall.TransferKeepAlive(dest, amount(free));
    };
  }

  private UncheckedExtrinsic corrupt(UncheckedExtrinsic xt) {
    ExtrinsicSignature sig = xt.signature().orElseThrow();
    byte[] flipped =
        switch (sig.signature()) {
          case MultiSignature.Ed25519(Bytes b) -> b.toArray();
          case MultiSignature.Sr25519(Bytes b) -> b.toArray();
          case MultiSignature.Ecdsa(Bytes b) -> b.toArray();
        };
    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
    MultiSignature bad =
        switch (sig.signature()) {
          case MultiSignature.Ed25519 e -> new MultiSignature.Ed25519(Bytes.wrap(flipped));
          case MultiSignature.Sr25519 s -> new MultiSignature.Sr25519(Bytes.wrap(flipped));
          case MultiSignature.Ecdsa e -> new MultiSignature.Ecdsa(Bytes.wrap(flipped));
        };
    SignedExtra extra = sig.extra();
    return UncheckedExtrinsic.signed(sig.address(), bad, extra, xt.call());
  }

  private Bytes randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return Bytes.wrap(b);
  }
}
