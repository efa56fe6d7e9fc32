/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

/**
 * The runtime misused a host function (an out-of-bounds pointer, a malformed SCALE argument, an
 * allocator error, a commit without a transaction) or called one that is unavailable here. The VM
 * turns it into a trap; the executor reports a {@link io.basalt.executor.vm.RuntimeTrapException}.
 */
public class HostFunctionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HostFunctionException(String message) {
    super(message);
  }

  public HostFunctionException(String message, Throwable cause) {
    super(message, cause);
  }
}
