/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Key stores: the {@link io.basalt.primitives.crypto.keystore.Keystore} seam the host API's crypto
 * functions and block authoring use, Substrate's file layout ({@link
 * io.basalt.primitives.crypto.keystore.FileKeystore}, one JSON-string file per key named hex(key
 * type) ++ hex(public key)), an in-memory variant for tests, and the {@code //Alice} .. {@code
 * //Ferdie} dev keys.
 *
 * <pre>{@code
 * Keystore ks = new FileKeystore(FileKeystore.directory(basePath, "dev"));
 * Bytes pub = ks.generate(KeyTypeId.BABE, KeyScheme.SR25519, Optional.of("//Alice"));
 * Optional<byte[]> sig = ks.sign(KeyTypeId.BABE, KeyScheme.SR25519, pub, message);
 * }</pre>
 */
package io.basalt.primitives.crypto.keystore;
