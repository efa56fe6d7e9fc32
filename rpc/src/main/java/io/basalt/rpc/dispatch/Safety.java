/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

/**
 * Whether a method may be called through an interface that denies unsafe methods ({@code
 * --rpc-methods safe}, or {@code auto} on a non-loopback address). Unsafe methods stay in {@code
 * rpc_methods} and are refused per call, as Substrate does.
 */
public enum Safety {
  SAFE,
  UNSAFE
}
