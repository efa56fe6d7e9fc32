/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.call;

import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.dispatch.Origin;
import java.util.Optional;

/**
 * Dispatches a call in its own storage transaction (runtime-spec §5.4): what {@code Sudo} uses for
 * its inner call.
 */
@FunctionalInterface
public interface CallDispatcher {

  /**
   * Dispatches {@code call} as {@code origin}.
   *
   * @return the error, after rolling back everything the call wrote; empty on success
   */
  Optional<DispatchError> dispatch(RuntimeCall call, Origin origin);
}
