/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.api;

import io.basalt.executor.api.RuntimeContext;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.runtime.demo.executive.Executive;

/**
 * What one runtime API call works with: its context and the running version.
 *
 * @param context the state and host services of the call
 * @param version the version of the native runtime serving it
 */
record ApiScope(RuntimeContext context, RuntimeVersion version) {

  Executive executive() {
    return new Executive(context, version);
  }

  int specVersion() {
    return (int) version.specVersion();
  }
}
