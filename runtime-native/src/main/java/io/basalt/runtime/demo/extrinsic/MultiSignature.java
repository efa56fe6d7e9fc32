/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.extrinsic;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;

/**
 * {@code sp_runtime::MultiSignature}: {@code Ed25519([u8;64])=0, Sr25519([u8;64])=1,
 * Ecdsa([u8;65])=2}.
 */
public sealed interface MultiSignature {

  /** An ed25519 signature over the signing message. */
  record Ed25519(Bytes signature) implements MultiSignature {}

  /** An sr25519 signature (context {@code substrate}) over the signing message. */
  record Sr25519(Bytes signature) implements MultiSignature {}

  /** A recoverable secp256k1 signature over BLAKE2b-256 of the signing message. */
  record Ecdsa(Bytes signature) implements MultiSignature {}

  static MultiSignature decode(ScaleReader r) {
    return switch (r.readVariant("MultiSignature", 3)) {
      case 0 -> new Ed25519(r.readFixed(64));
      case 1 -> new Sr25519(r.readFixed(64));
      default -> new Ecdsa(r.readFixed(65));
    };
  }

  default void encode(ScaleWriter w) {
    switch (this) {
      case Ed25519(Bytes s) -> w.writeU8(0).writeRaw(s);
      case Sr25519(Bytes s) -> w.writeU8(1).writeRaw(s);
      case Ecdsa(Bytes s) -> w.writeU8(2).writeRaw(s);
    }
  }
}
