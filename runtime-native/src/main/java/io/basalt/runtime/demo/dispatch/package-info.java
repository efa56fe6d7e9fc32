/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Dispatch vocabulary of the basalt-demo runtime (runtime-spec §5): {@link
 * io.basalt.runtime.demo.dispatch.Origin origins}, {@link io.basalt.runtime.demo.dispatch.Weight
 * weights} and {@link io.basalt.runtime.demo.dispatch.DispatchClass classes}, and the {@link
 * io.basalt.runtime.demo.dispatch.DispatchError errors} a call fails with. Pallet code fails a call
 * by throwing {@link io.basalt.runtime.demo.dispatch.DispatchException}, the Java form of FRAME's
 * {@code Err(..)?}; the dispatcher turns it back into a value.
 *
 * <pre>{@code
 * AccountId who = origin.ensureSigned(); // BadOrigin for Root and None
 * throw new DispatchException(new DispatchError.Token(TokenError.FUNDS_UNAVAILABLE));
 * }</pre>
 */
package io.basalt.runtime.demo.dispatch;
