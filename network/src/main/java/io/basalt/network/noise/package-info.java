/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The libp2p Noise channel: the {@code Noise_XX_25519_ChaChaPoly_SHA256} handshake ({@link
 * io.basalt.network.noise.NoiseXX}) with the libp2p identity payload ({@link
 * io.basalt.network.noise.NoiseHandshakePayload}), run on a Netty channel by {@link
 * io.basalt.network.noise.NoiseHandshakeHandler}, then 2-byte-length-prefixed ChaCha20-Poly1305
 * frames ({@link io.basalt.network.noise.NoiseFrameDecoder}, {@link
 * io.basalt.network.noise.NoiseFrameEncoder}). All primitives come from the JDK.
 */
package io.basalt.network.noise;
