/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I32;
import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.api.CryptoProvider;
import io.basalt.executor.vm.WasmSignature;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.ecdsa.EcdsaVerifyError;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.crypto.keystore.Keystore;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.Result;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code ext_crypto_*}: key management through the {@link Keystore}, verification and recovery
 * through the {@link CryptoProvider}; this class only marshals. Deprecated batch verification is
 * emulated as polkadot-sdk does: {@code *_batch_verify} verifies at once with the current rules
 * (those of {@code sr25519_verify}/{@code ecdsa_verify} version 2) and returns the result, and
 * inside {@code start/finish_batch_verify} the result is also recorded; finish reports the
 * conjunction. Spec: <a
 * href="https://spec.polkadot.network/chap-host-api#sect-crypto-api">Crypto</a>.
 */
public final class CryptoHostApi {
  private static final String NS = "crypto";
  private static final String VERIFY_NOTE = "Basalt crypto (CryptoProvider)";
  private static final String KEYSTORE_NOTE = "node keystore, where the call is granted one";
  // Registration order, as the host API lists the schemes.
  private static final List<KeyScheme> SCHEMES =
      List.of(KeyScheme.ED25519, KeyScheme.SR25519, KeyScheme.ECDSA);
  private static final ScaleCodec<Optional<Bytes>> SEED = ScaleCodec.option(ScaleCodec.BYTES);

  private CryptoHostApi() {}

  private static int publicKeyLength(KeyScheme scheme) {
    return scheme.publicKeyLength();
  }

  private static int signatureLength(KeyScheme scheme) {
    return scheme.signatureLength();
  }

  static void register(HostFunctionRegistry.Builder b) {
    for (KeyScheme scheme : SCHEMES) {
      String s = scheme.name().toLowerCase(java.util.Locale.ROOT);
      b.register(
          NS,
          s + "_public_keys",
          1,
          WasmSignature.returning(I64, I32),
          HostFunctionRegistry.Status.DELEGATED,
          KEYSTORE_NOTE,
          (ctx, a) -> publicKeys(ctx, scheme, (int) a[0]));
      b.register(
          NS,
          s + "_generate",
          1,
          WasmSignature.returning(I32, I32, I64),
          HostFunctionRegistry.Status.DELEGATED,
          KEYSTORE_NOTE,
          (ctx, a) -> generate(ctx, scheme, (int) a[0], a[1]));
      b.register(
          NS,
          s + "_sign",
          1,
          WasmSignature.returning(I64, I32, I32, I64),
          HostFunctionRegistry.Status.DELEGATED,
          KEYSTORE_NOTE,
          (ctx, a) -> {
            KeyTypeId id = keyType(ctx, (int) a[0]);
            Bytes pub = ctx.memory().readFixed((int) a[1], publicKeyLength(scheme));
            Optional<byte[]> sig =
                keystore(ctx).sign(id, scheme, pub, ctx.memory().readBytes(a[2]).toArray());
            return returnSignature(ctx, scheme, sig);
          });
      b.register(
          NS,
          s + "_batch_verify",
          1,
          WasmSignature.returning(I32, I32, I64, I32),
          HostFunctionRegistry.Status.IMPLEMENTED,
          VERIFY_NOTE,
          (ctx, a) -> {
            boolean valid = verify(ctx, scheme, a, 2);
            if (ctx.batchActive()) {
              ctx.addToBatch(valid);
            }
            return valid ? 1 : 0;
          });
    }
    b.register(
        NS,
        "ed25519_verify",
        1,
        WasmSignature.returning(I32, I32, I64, I32),
        HostFunctionRegistry.Status.IMPLEMENTED,
        VERIFY_NOTE,
        (ctx, a) -> verify(ctx, KeyScheme.ED25519, a, 1) ? 1 : 0);
    for (int version = 1; version <= 2; version++) {
      int v = version;
      b.register(
          NS,
          "sr25519_verify",
          version,
          WasmSignature.returning(I32, I32, I64, I32),
          HostFunctionRegistry.Status.IMPLEMENTED,
          VERIFY_NOTE,
          (ctx, a) -> verify(ctx, KeyScheme.SR25519, a, v) ? 1 : 0);
      b.register(
          NS,
          "ecdsa_verify",
          version,
          WasmSignature.returning(I32, I32, I64, I32),
          HostFunctionRegistry.Status.IMPLEMENTED,
          VERIFY_NOTE,
          (ctx, a) -> verify(ctx, KeyScheme.ECDSA, a, v) ? 1 : 0);
      b.register(
          NS,
          "secp256k1_ecdsa_recover",
          version,
          WasmSignature.returning(I64, I32, I32),
          HostFunctionRegistry.Status.IMPLEMENTED,
          VERIFY_NOTE,
          (ctx, a) -> recover(ctx, a, false, v == 2));
      b.register(
          NS,
          "secp256k1_ecdsa_recover_compressed",
          version,
          WasmSignature.returning(I64, I32, I32),
          HostFunctionRegistry.Status.IMPLEMENTED,
          VERIFY_NOTE,
          (ctx, a) -> recover(ctx, a, true, v == 2));
    }
    b.register(
        NS,
        "ecdsa_verify_prehashed",
        1,
        WasmSignature.returning(I32, I32, I32, I32),
        HostFunctionRegistry.Status.IMPLEMENTED,
        VERIFY_NOTE,
        (ctx, a) -> {
          Bytes sig = ctx.memory().readFixed((int) a[0], 65);
          Hash256 hash = Hash256.wrap(ctx.memory().read((int) a[1], 32));
          Bytes pub = ctx.memory().readFixed((int) a[2], 33);
          return ctx.services().crypto().ecdsaVerifyPrehashed(sig, hash, pub, true) ? 1 : 0;
        });
    b.register(
        NS,
        "ecdsa_sign_prehashed",
        1,
        WasmSignature.returning(I64, I32, I32, I32),
        HostFunctionRegistry.Status.DELEGATED,
        KEYSTORE_NOTE,
        (ctx, a) -> {
          KeyTypeId id = keyType(ctx, (int) a[0]);
          Bytes pub = ctx.memory().readFixed((int) a[1], 33);
          byte[] hash = ctx.memory().read((int) a[2], 32);
          return returnSignature(ctx, KeyScheme.ECDSA, keystore(ctx).signPrehashed(id, pub, hash));
        });
    b.register(
        NS,
        "start_batch_verify",
        1,
        WasmSignature.of(),
        (ctx, a) -> {
          ctx.startBatch();
          return 0;
        });
    b.register(
        NS,
        "finish_batch_verify",
        1,
        WasmSignature.returning(I32),
        (ctx, a) -> ctx.finishBatch() ? 1 : 0);
  }

  private static KeyTypeId keyType(HostCallContext ctx, int ptr) {
    return new KeyTypeId(ctx.memory().readFixed(ptr, 4));
  }

  private static Keystore keystore(HostCallContext ctx) {
    return ctx.services()
        .keystore()
        .orElseThrow(
            () -> new HostFunctionException("no keystore is associated with this runtime call"));
  }

  private static long publicKeys(HostCallContext ctx, KeyScheme scheme, int keyTypePtr) {
    List<Bytes> keys = keystore(ctx).publicKeys(keyType(ctx, keyTypePtr), scheme);
    return ctx.memory()
        .returnScale(keys, ScaleCodec.vec(ScaleCodec.fixedBytes(publicKeyLength(scheme))));
  }

  private static long generate(HostCallContext ctx, KeyScheme scheme, int keyTypePtr, long seedPs) {
    KeyTypeId id = keyType(ctx, keyTypePtr);
    Optional<Bytes> rawSeed = ctx.memory().readScale(seedPs, SEED);
    Optional<String> seed = rawSeed.map(CryptoHostApi::utf8Seed);
    Bytes pub = keystore(ctx).generate(id, scheme, seed);
    if (pub.length() != publicKeyLength(scheme)) {
      throw new HostFunctionException(
          "keystore returned a " + pub.length() + "-byte " + scheme + " public key");
    }
    return Integer.toUnsignedLong(ctx.memory().allocateAndWrite(pub.toArray()));
  }

  private static String utf8Seed(Bytes seed) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(seed.unsafeArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new HostFunctionException("key generation seed is not valid UTF-8", e);
    }
  }

  private static long returnSignature(HostCallContext ctx, KeyScheme scheme, Optional<byte[]> sig) {
    return ctx.memory()
        .returnScale(
            sig.map(Bytes::wrap),
            ScaleCodec.option(ScaleCodec.fixedBytes(signatureLength(scheme))));
  }

  /** Arguments (sig ptr, msg ps, pub ptr). */
  private static boolean verify(HostCallContext ctx, KeyScheme scheme, long[] a, int version) {
    Bytes sig = ctx.memory().readFixed((int) a[0], signatureLength(scheme));
    Bytes msg = ctx.memory().readBytes(a[1]);
    Bytes pub = ctx.memory().readFixed((int) a[2], publicKeyLength(scheme));
    CryptoProvider crypto = ctx.services().crypto();
    return switch (scheme) {
      case ED25519 -> crypto.ed25519Verify(sig, msg, pub);
      case SR25519 -> crypto.sr25519Verify(sig, msg, pub, version == 1);
      case ECDSA ->
          crypto.ecdsaVerifyPrehashed(
              sig, Hashing.blake2b256Hash(msg.unsafeArray()), pub, version == 2);
    };
  }

  private static long recover(HostCallContext ctx, long[] a, boolean compressed, boolean strict) {
    Bytes sig = ctx.memory().readFixed((int) a[0], 65);
    Hash256 msg = Hash256.wrap(ctx.memory().read((int) a[1], 32));
    Result<Bytes, EcdsaVerifyError> result =
        ctx.services().crypto().secp256k1Recover(sig, msg, compressed, strict);
    ScaleWriter w = new ScaleWriter(66);
    switch (result) {
      case Result.Ok<Bytes, EcdsaVerifyError>(Bytes key) -> {
        int expected = compressed ? 33 : 64;
        if (key.length() != expected) {
          throw new HostFunctionException(
              "crypto provider recovered a " + key.length() + "-byte key, expected " + expected);
        }
        w.writeU8(0).writeRaw(key);
      }
      case Result.Err<Bytes, EcdsaVerifyError>(EcdsaVerifyError error) ->
          w.writeU8(1).writeU8(error.index());
    }
    return ctx.memory().allocateAndWritePointerSize(w.toByteArray());
  }
}
