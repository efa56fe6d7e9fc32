/* SPDX-License-Identifier: Apache-2.0 */
/**
 * SCALE, the Substrate binary codec: little-endian fixed-width integers, compact integers (mode in
 * the low two bits), length-prefixed vectors and strings, one-byte tags for Option, Result and
 * enums.
 *
 * <p>{@link io.basalt.primitives.scale.ScaleReader} and {@link
 * io.basalt.primitives.scale.ScaleWriter} do the byte work; a {@link
 * io.basalt.primitives.scale.ScaleCodec} per type composes them, for example {@code
 * ScaleCodec.vec(ScaleCodec.tuple(ScaleCodec.BYTES, ScaleCodec.BYTES))} for {@code Vec<(Vec<u8>,
 * Vec<u8>)>}. Decoding never reads past the input and reports the offset and type on failure. Spec:
 * <a href="https://spec.polkadot.network/id-cryptography-encoding">Polkadot spec, SCALE</a>.
 */
package io.basalt.primitives.scale;
