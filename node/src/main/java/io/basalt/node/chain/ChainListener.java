/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

/**
 * Hears chain events after they are committed, on the thread that committed them, in order. A
 * listener must be quick (hand work to its own thread) and must not throw.
 */
@FunctionalInterface
public interface ChainListener {
  void onEvent(ChainEvent event);
}
