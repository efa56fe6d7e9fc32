/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

/** Stops something a facade started for a subscription (a chain follower, a watcher). */
@FunctionalInterface
public interface Cancellable {
  /** Stops it; nothing is delivered afterwards. Calling it again does nothing. */
  void cancel();
}
