/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.api;

import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.account.AccountId;

/** {@code AccountNonceApi} version 1 (runtime-spec §9). */
final class AccountNonceApi {
  private AccountNonceApi() {}

  static byte[] accountNonce(ApiScope scope, byte[] input) {
    AccountId who = ApiInput.decode("account_nonce", input, AccountId::decode);
    long nonce = scope.executive().pallets().system().account(who).nonce();
    return new ScaleWriter(4).writeU32(nonce).toByteArray();
  }
}
