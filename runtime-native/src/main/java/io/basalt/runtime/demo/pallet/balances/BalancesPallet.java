/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.pallet.balances;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.dispatch.ArithmeticError;
import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.dispatch.DispatchException;
import io.basalt.runtime.demo.dispatch.Origin;
import io.basalt.runtime.demo.dispatch.TokenError;
import io.basalt.runtime.demo.event.RuntimeEvent;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import io.basalt.runtime.demo.storage.RuntimeStorage;
import io.basalt.runtime.demo.storage.StorageKeys;
import io.basalt.runtime.metadata.demo.BalancesPalletDescription;
import java.math.BigInteger;

/**
 * The Balances pallet (index 2, runtime-spec §5.7, §6.3): free balances in {@code System.Account},
 * {@code TotalIssuance}, account creation and reaping, and the transfer calls.
 *
 * <p>Invariant kept: every existing account has {@code free ≥ ED} and {@code TotalIssuance = Σ
 * free}.
 */
public final class BalancesPallet {
  public static final int INDEX = 2;

  public static final Bytes TOTAL_ISSUANCE = StorageKeys.plain("Balances", "TotalIssuance");

  /** The existential deposit: 10^9 planck. */
  public static final BigInteger EXISTENTIAL_DEPOSIT =
      BalancesPalletDescription.EXISTENTIAL_DEPOSIT;

  /** 2^128 − 1. */
  public static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private final RuntimeStorage storage;
  private final SystemPallet system;

  public BalancesPallet(RuntimeStorage storage, SystemPallet system) {
    this.storage = storage;
    this.system = system;
  }

  /** The free balance (0 for an account that does not exist). */
  public BigInteger free(AccountId who) {
    return system.account(who).free();
  }

  /** {@code Balances.TotalIssuance}. */
  public BigInteger totalIssuance() {
    return storage.readU128(TOTAL_ISSUANCE).orElse(BigInteger.ZERO);
  }

  public void setTotalIssuance(BigInteger amount) {
    storage.writeU128(TOTAL_ISSUANCE, amount);
  }

  /**
   * Burns {@code amount} from an existing account that keeps at least ED: free and total issuance
   * both drop. The caller has checked that this is allowed (fees, §5.6).
   */
  public void burnFrom(AccountId who, BigInteger amount) {
    AccountInfo info = system.account(who);
    system.putAccount(who, info.withFree(info.free().subtract(amount)));
    reduceTotalIssuance(amount);
  }

  /**
   * {@code TotalIssuance −= amount}, saturating at 0 (§5.6, §5.7): the invariant {@code
   * TotalIssuance = Σ free} holds unless root broke it with {@code set_storage}/{@code
   * kill_storage}, and then the runtime goes on as FRAME's saturating balance arithmetic does.
   */
  private void reduceTotalIssuance(BigInteger amount) {
    setTotalIssuance(totalIssuance().subtract(amount).max(BigInteger.ZERO));
  }

  /**
   * Moves {@code value} from {@code source} to {@code dest} (§5.7).
   *
   * @param keepAlive refuse to take {@code source} below ED
   * @throws DispatchException with the first failing check's error; nothing is written then
   */
  public void transfer(AccountId source, AccountId dest, BigInteger value, boolean keepAlive) {
    if (value.signum() == 0 || source.equals(dest)) {
      return;
    }
    AccountInfo from = system.account(source);
    if (from.free().compareTo(value) < 0) {
      throw token(TokenError.FUNDS_UNAVAILABLE);
    }
    BigInteger remaining = from.free().subtract(value);
    if (keepAlive && remaining.compareTo(EXISTENTIAL_DEPOSIT) < 0) {
      throw token(TokenError.NOT_EXPENDABLE);
    }
    boolean destExists = system.accountExists(dest);
    if (!destExists && value.compareTo(EXISTENTIAL_DEPOSIT) < 0) {
      throw token(TokenError.BELOW_MINIMUM);
    }
    AccountInfo to = system.account(dest);
    BigInteger credited = to.free().add(value);
    if (credited.compareTo(U128_MAX) > 0) {
      throw new DispatchException(new DispatchError.Arithmetic(ArithmeticError.OVERFLOW));
    }
    if (destExists) {
      system.putAccount(dest, to.withFree(credited));
    } else {
      system.putAccount(dest, AccountInfo.created(value));
      system.depositEvent(new RuntimeEvent.NewAccount(dest));
      system.depositEvent(new RuntimeEvent.Endowed(dest, value));
    }
    // Re-read: the source is unchanged by the credit (source != dest).
    if (remaining.compareTo(EXISTENTIAL_DEPOSIT) < 0) {
      system.removeAccount(source);
      if (remaining.signum() > 0) {
        reduceTotalIssuance(remaining);
        system.depositEvent(new RuntimeEvent.DustLost(source, remaining));
      }
      system.depositEvent(new RuntimeEvent.KilledAccount(source));
    } else {
      system.putAccount(source, from.withFree(remaining));
    }
    system.depositEvent(new RuntimeEvent.Transfer(source, dest, value));
  }

  // ---------------------------------------------------------------------------------------------
  // Calls

  /** {@code transfer_allow_death(dest, value)}: Signed. */
  public void transferAllowDeath(Origin origin, MultiAddress dest, BigInteger value) {
    AccountId source = origin.ensureSigned();
    transfer(source, lookup(dest), value, false);
  }

  /** {@code force_transfer(source, dest, value)}: Root. */
  public void forceTransfer(
      Origin origin, MultiAddress source, MultiAddress dest, BigInteger value) {
    origin.ensureRoot();
    AccountId from = lookup(source);
    transfer(from, lookup(dest), value, false);
  }

  /** {@code transfer_keep_alive(dest, value)}: Signed. */
  public void transferKeepAlive(Origin origin, MultiAddress dest, BigInteger value) {
    AccountId source = origin.ensureSigned();
    transfer(source, lookup(dest), value, true);
  }

  /** {@code transfer_all(dest, keep_alive)}: Signed; moves everything (or all but ED). */
  public void transferAll(Origin origin, MultiAddress dest, boolean keepAlive) {
    AccountId source = origin.ensureSigned();
    AccountId to = lookup(dest);
    BigInteger free = free(source);
    BigInteger value = keepAlive ? free.subtract(EXISTENTIAL_DEPOSIT).max(BigInteger.ZERO) : free;
    transfer(source, to, value, keepAlive);
  }

  /**
   * Resolves a call argument's address.
   *
   * @throws DispatchException with {@code CannotLookup} unless it is {@code MultiAddress::Id}
   */
  public static AccountId lookup(MultiAddress address) {
    return address.lookup().orElseThrow(() -> new DispatchException(DispatchError.cannotLookup()));
  }

  private static DispatchException token(TokenError error) {
    return new DispatchException(new DispatchError.Token(error));
  }
}
