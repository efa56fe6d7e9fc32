/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import java.math.BigInteger;

/**
 * Calls and extrinsics of basalt-demo, encoded as spec §3 and §6 say: the Wasm conformance tests'
 * own reading of the spec, deliberately not runtime-native's {@code RuntimeCall}/{@code
 * ExtrinsicFactory} (which the differential tests use), so that a misreading shared by the Java
 * runtime and this suite's expectations cannot hide.
 */
final class Tx {
  private Tx() {}

  static final BigInteger UNIT = BigInteger.TEN.pow(12);

  static byte[] id(Bytes account) {
    return new ScaleWriter().writeU8(0).writeRaw(account).toByteArray();
  }

  static byte[] transferAllowDeath(Bytes dest, BigInteger value) {
    return new ScaleWriter()
        .writeU8(2)
        .writeU8(0)
        .writeRaw(id(dest))
        .writeCompact(value)
        .toByteArray();
  }

  static byte[] transferKeepAlive(Bytes dest, BigInteger value) {
    return new ScaleWriter()
        .writeU8(2)
        .writeU8(3)
        .writeRaw(id(dest))
        .writeCompact(value)
        .toByteArray();
  }

  static byte[] transferAll(Bytes dest, boolean keepAlive) {
    return new ScaleWriter()
        .writeU8(2)
        .writeU8(4)
        .writeRaw(id(dest))
        .writeBool(keepAlive)
        .toByteArray();
  }

  static byte[] remark(byte[] text) {
    return new ScaleWriter().writeU8(0).writeU8(0).writeByteVec(text).toByteArray();
  }

  static byte[] remarkWithEvent(byte[] text) {
    return new ScaleWriter().writeU8(0).writeU8(7).writeByteVec(text).toByteArray();
  }

  static byte[] setCode(byte[] code) {
    return new ScaleWriter().writeU8(0).writeU8(2).writeByteVec(code).toByteArray();
  }

  static byte[] setHeapPages(long pages) {
    return new ScaleWriter().writeU8(0).writeU8(1).writeU64(pages).toByteArray();
  }

  static byte[] timestampSet(long now) {
    return new ScaleWriter().writeU8(1).writeU8(0).writeCompact(now).toByteArray();
  }

  static byte[] setValue(long value) {
    return new ScaleWriter().writeU8(5).writeU8(0).writeU32(value).toByteArray();
  }

  static byte[] sudo(byte[] call) {
    return new ScaleWriter().writeU8(4).writeU8(0).writeRaw(call).toByteArray();
  }

  static byte[] sudoAs(Bytes who, byte[] call) {
    return new ScaleWriter().writeU8(4).writeU8(3).writeRaw(id(who)).writeRaw(call).toByteArray();
  }

  /** An unsigned (bare) extrinsic: {@code compact(L) ‖ 04 ‖ call}. */
  static byte[] unsigned(byte[] call) {
    byte[] body = new ScaleWriter().writeU8(0x04).writeRaw(call).toByteArray();
    return new ScaleWriter().writeByteVec(body).toByteArray();
  }

  /** Signing parameters: era bytes ({@code 00} = immortal), nonce, tip and the signed context. */
  record Signing(
      Bytes era, long nonce, BigInteger tip, int specVersion, Hash256 genesis, Hash256 eraBlock) {
    static Signing immortal(long nonce, int specVersion, Hash256 genesis) {
      return new Signing(Bytes.of((byte) 0), nonce, BigInteger.ZERO, specVersion, genesis, genesis);
    }

    Signing withTip(BigInteger newTip) {
      return new Signing(era, nonce, newTip, specVersion, genesis, eraBlock);
    }

    Signing withSpecVersion(int spec) {
      return new Signing(era, nonce, tip, spec, genesis, eraBlock);
    }

    Signing mortal(byte[] newEra, Hash256 birthBlock) {
      return new Signing(Bytes.wrap(newEra), nonce, tip, specVersion, genesis, birthBlock);
    }
  }

  /** The signed payload of spec §3.2 (hashed when longer than 256 bytes). */
  static byte[] payload(byte[] call, Signing s) {
    byte[] payload =
        new ScaleWriter()
            .writeRaw(call)
            .writeRaw(extra(s))
            .writeU32(s.specVersion())
            .writeU32(1)
            .writeHash(s.genesis())
            .writeHash(s.eraBlock())
            .toByteArray();
    return payload.length > 256 ? Hashing.blake2b256(payload) : payload;
  }

  private static byte[] extra(Signing s) {
    return new ScaleWriter()
        .writeRaw(s.era())
        .writeCompact(s.nonce())
        .writeCompact(s.tip())
        .toByteArray();
  }

  /** A signed v4 extrinsic; the signer's account is its address. */
  static byte[] signed(KeyPair signer, byte[] call, Signing s) {
    return signedWithSignature(signer.accountId(), signer, signer.sign(payload(call, s)), call, s);
  }

  /** A signed extrinsic with a given signature (e.g. a corrupted one). */
  static byte[] signedWithSignature(
      Bytes address, KeyPair scheme, byte[] signature, byte[] call, Signing s) {
    int variant =
        switch (scheme.scheme()) {
          case ED25519 -> 0;
          case SR25519 -> 1;
          case ECDSA -> 2;
        };
    byte[] body =
        new ScaleWriter()
            .writeU8(0x84)
            .writeRaw(id(address))
            .writeU8(variant)
            .writeRaw(signature)
            .writeRaw(extra(s))
            .writeRaw(call)
            .toByteArray();
    return new ScaleWriter().writeByteVec(body).toByteArray();
  }
}
