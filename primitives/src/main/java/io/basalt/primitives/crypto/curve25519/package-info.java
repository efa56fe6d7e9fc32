/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Arithmetic on Curve25519 in its twisted Edwards form: the field GF(2^255-19) ({@link
 * io.basalt.primitives.crypto.curve25519.FieldElement}, limbs from BouncyCastle's constant-time
 * {@code X25519Field}), scalars modulo the group order ({@link
 * io.basalt.primitives.crypto.curve25519.Scalar}), edwards25519 points ({@link
 * io.basalt.primitives.crypto.curve25519.EdwardsPoint}) and the ristretto255 group ({@link
 * io.basalt.primitives.crypto.curve25519.RistrettoPoint}, RFC 9496).
 *
 * <p>It is the curve layer under sr25519 (schnorrkel signs in ristretto255) and under Basalt's
 * ZIP-215 Ed25519 verification. Secret-dependent operations (field arithmetic, scalar arithmetic,
 * {@code multiply}, {@code multiplyBase}) run in constant time; the {@code vartime*} methods are
 * for verification only.
 *
 * <pre>{@code
 * Scalar k = Scalar.fromBytesModOrderWide(sha512(seed));
 * byte[] publicKey = RistrettoPoint.multiplyBase(k).compress();
 * Optional<RistrettoPoint> p = RistrettoPoint.decompress(publicKey); // empty if malformed
 * }</pre>
 */
package io.basalt.primitives.crypto.curve25519;
