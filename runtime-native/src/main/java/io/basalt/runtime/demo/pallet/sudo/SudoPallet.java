/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.pallet.sudo;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.CallDispatcher;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.dispatch.DispatchException;
import io.basalt.runtime.demo.dispatch.Origin;
import io.basalt.runtime.demo.event.RuntimeEvent;
import io.basalt.runtime.demo.pallet.balances.BalancesPallet;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import io.basalt.runtime.demo.storage.RuntimeStorage;
import io.basalt.runtime.demo.storage.StorageKeys;
import java.util.Optional;

/**
 * The Sudo pallet (index 4, runtime-spec §6.5): one superuser key that may dispatch any call as
 * Root or as another account. Every call requires {@code Signed(Sudo.Key)}.
 */
public final class SudoPallet {
  public static final int INDEX = 4;

  public static final Bytes KEY = StorageKeys.plain("Sudo", "Key");

  /** Error {@code RequireSudo}. */
  public static final int REQUIRE_SUDO = 0;

  private final RuntimeStorage storage;
  private final SystemPallet system;

  public SudoPallet(RuntimeStorage storage, SystemPallet system) {
    this.storage = storage;
    this.system = system;
  }

  /** {@code Sudo.Key}. */
  public Optional<AccountId> key() {
    return storage.read(KEY, AccountId::decode);
  }

  public void setKey(AccountId key) {
    storage.set(KEY, key.bytes());
  }

  /**
   * Requires {@code Signed(Sudo.Key)}.
   *
   * @throws DispatchException {@code BadOrigin} for Root and None, {@code RequireSudo} for any
   *     other signer or when no key is set
   */
  private void ensureSudo(Origin origin) {
    AccountId sender = origin.ensureSigned();
    if (!key().map(sender::equals).orElse(false)) {
      throw new DispatchException(new DispatchError.Module(INDEX, REQUIRE_SUDO));
    }
  }

  /** {@code sudo(call)}: dispatches {@code call} as Root; succeeds whatever the inner result. */
  public void sudo(Origin origin, RuntimeCall call, CallDispatcher dispatcher) {
    ensureSudo(origin);
    Optional<DispatchError> result = dispatcher.dispatch(call, Origin.root());
    system.depositEvent(new RuntimeEvent.Sudid(result));
  }

  /** {@code set_key(new)}. */
  public void setKey(Origin origin, MultiAddress newKey) {
    ensureSudo(origin);
    AccountId next = BalancesPallet.lookup(newKey);
    Optional<AccountId> old = key();
    setKey(next);
    system.depositEvent(new RuntimeEvent.KeyChanged(old, next));
  }

  /** {@code sudo_as(who, call)}: dispatches {@code call} as {@code Signed(who)}. */
  public void sudoAs(Origin origin, MultiAddress who, RuntimeCall call, CallDispatcher dispatcher) {
    ensureSudo(origin);
    AccountId target = BalancesPallet.lookup(who);
    Optional<DispatchError> result = dispatcher.dispatch(call, Origin.signed(target));
    system.depositEvent(new RuntimeEvent.SudoAsDone(result));
  }

  /** {@code remove_key()}. */
  public void removeKey(Origin origin) {
    ensureSudo(origin);
    storage.clear(KEY);
    system.depositEvent(new RuntimeEvent.KeyRemoved());
  }
}
