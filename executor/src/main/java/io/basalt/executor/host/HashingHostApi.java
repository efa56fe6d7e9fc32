/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I32;
import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.vm.WasmSignature;
import io.basalt.primitives.hash.Hashing;
import java.util.function.UnaryOperator;

/**
 * {@code ext_hashing_*}: pure hash functions; input by pointer-size, output written to a fresh
 * allocation returned as a bare pointer. Spec: <a
 * href="https://spec.polkadot.network/chap-host-api#sect-hashing-api">Hashing</a>.
 */
public final class HashingHostApi {
  private HashingHostApi() {}

  static void register(HostFunctionRegistry.Builder b) {
    hash(b, "keccak_256", Hashing::keccak256);
    hash(b, "keccak_512", Hashing::keccak512);
    hash(b, "sha2_256", Hashing::sha256);
    hash(b, "blake2_128", Hashing::blake2b128);
    hash(b, "blake2_256", Hashing::blake2b256);
    hash(b, "twox_64", Hashing::twox64);
    hash(b, "twox_128", Hashing::twox128);
    hash(b, "twox_256", Hashing::twox256);
  }

  private static void hash(
      HostFunctionRegistry.Builder b, String name, UnaryOperator<byte[]> function) {
    b.register(
        "hashing",
        name,
        1,
        WasmSignature.returning(I32, I64),
        (ctx, a) ->
            Integer.toUnsignedLong(
                ctx.memory().allocateAndWrite(function.apply(ctx.memory().read(a[0])))));
  }
}
