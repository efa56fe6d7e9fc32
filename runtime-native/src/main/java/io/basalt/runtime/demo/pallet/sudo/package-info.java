/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The Sudo pallet of basalt-demo (runtime-spec §6.5): {@code sudo}, {@code sudo_unchecked_weight},
 * {@code sudo_as}, {@code set_key} and {@code remove_key}, each inner call dispatched in its own
 * storage transaction through a {@link io.basalt.runtime.demo.call.CallDispatcher}.
 *
 * <pre>{@code
 * sudo.sudo(Origin.signed(alice), new RuntimeCall.SetCode(code), dispatcher); // emits Sudid
 * }</pre>
 */
package io.basalt.runtime.demo.pallet.sudo;
