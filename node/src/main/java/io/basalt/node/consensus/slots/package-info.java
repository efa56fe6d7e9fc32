/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Block production with a slot-based engine ({@link io.basalt.node.consensus.SlotAuthorship}): on
 * the wall clock ({@link io.basalt.node.consensus.slots.SlotWorker}, Substrate's slot worker) or on
 * demand through the dev sealer ({@link io.basalt.node.consensus.slots.FastForward}, the next slot
 * a local key may claim, as Chopsticks fast-forwards). Apart from {@code consensus} so that the
 * engine interfaces do not depend on the import pipeline that calls them.
 */
package io.basalt.node.consensus.slots;
