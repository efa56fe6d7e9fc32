/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.scale;

/** A SCALE pair {@code (A, B)}. */
public record Tuple2<A, B>(A first, B second) {}
