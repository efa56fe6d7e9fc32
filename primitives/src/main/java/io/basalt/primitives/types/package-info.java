/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Core chain types: {@link io.basalt.primitives.types.Header} with its {@link
 * io.basalt.primitives.types.DigestItem}s, {@link io.basalt.primitives.types.Block}, {@link
 * io.basalt.primitives.types.SignedBlock} and {@link io.basalt.primitives.types.RuntimeVersion}.
 * Each type that travels in SCALE carries its codec as a {@code CODEC} constant, e.g. {@code
 * Header.CODEC.decode(bytes)}.
 */
package io.basalt.primitives.types;
