/* SPDX-License-Identifier: Apache-2.0 */
/** Bounded in-memory caches. */
package io.basalt.primitives.cache;
