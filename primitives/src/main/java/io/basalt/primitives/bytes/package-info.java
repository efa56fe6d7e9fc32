/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Immutable byte values with value equality, the leaf every other package builds on: {@link
 * io.basalt.primitives.bytes.Bytes} (any length, unsigned lexicographic order), {@link
 * io.basalt.primitives.bytes.Hash256} (exactly 32 bytes) and {@link io.basalt.primitives.bytes.Hex}
 * ({@code 0x}-prefixed lower-case hex). This package depends on nothing else in the project.
 *
 * <pre>{@code
 * Bytes key = Bytes.fromHex("0x3a636f6465"); // ":code"
 * Hash256 root = Hash256.wrap(thirtyTwoBytes);
 * String text = Hex.encode(key.toArray());
 * }</pre>
 */
package io.basalt.primitives.bytes;
