/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.dispatch;

import io.basalt.runtime.demo.account.AccountId;

/** Who dispatches a call (runtime-spec §5.1). */
public sealed interface Origin {

  /** The superuser ({@code Sudo.sudo*}). */
  record Root() implements Origin {}

  /** A signed extrinsic's signer, or {@code sudo_as}'s target. */
  record Signed(AccountId who) implements Origin {}

  /** An unsigned extrinsic (the timestamp inherent). */
  record None() implements Origin {}

  static Origin root() {
    return new Root();
  }

  static Origin none() {
    return new None();
  }

  static Origin signed(AccountId who) {
    return new Signed(who);
  }

  /**
   * The signer, or {@code BadOrigin}.
   *
   * @throws DispatchException with {@code BadOrigin} unless signed
   */
  default AccountId ensureSigned() {
    if (this instanceof Signed(AccountId who)) {
      return who;
    }
    throw new DispatchException(DispatchError.badOrigin());
  }

  /**
   * Requires {@code Root}.
   *
   * @throws DispatchException with {@code BadOrigin} otherwise
   */
  default void ensureRoot() {
    if (!(this instanceof Root)) {
      throw new DispatchException(DispatchError.badOrigin());
    }
  }

  /**
   * Requires {@code None} (an inherent).
   *
   * @throws DispatchException with {@code BadOrigin} otherwise
   */
  default void ensureNone() {
    if (!(this instanceof None)) {
      throw new DispatchException(DispatchError.badOrigin());
    }
  }
}
