/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.api;

/** One exported runtime API function: SCALE input to SCALE output. */
@FunctionalInterface
interface ApiMethod {
  byte[] call(ApiScope scope, byte[] input);
}
