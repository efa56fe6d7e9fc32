/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Accounts of the basalt-demo runtime: {@link io.basalt.runtime.demo.account.AccountId} (32 bytes),
 * the {@link io.basalt.runtime.demo.account.MultiAddress} that calls and signed extrinsics name
 * accounts with, and the stored {@link io.basalt.runtime.demo.account.AccountInfo} (runtime-spec
 * §2, §4).
 *
 * <pre>{@code
 * AccountId bob = AccountId.fromHex("8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");
 * MultiAddress dest = MultiAddress.id(bob);
 * dest.lookup(); // Optional[bob]; any other variant is empty (CannotLookup)
 * }</pre>
 */
package io.basalt.runtime.demo.account;
