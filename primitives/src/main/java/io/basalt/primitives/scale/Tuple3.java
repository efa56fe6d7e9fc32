/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.scale;

/** A SCALE triple {@code (A, B, C)}. */
public record Tuple3<A, B, C>(A first, B second, C third) {}
