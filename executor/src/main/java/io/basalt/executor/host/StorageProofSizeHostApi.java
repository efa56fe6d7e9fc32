/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.vm.WasmSignature;

/**
 * {@code ext_storage_proof_size_storage_proof_size_version_1} (Cumulus parachains): without a proof
 * recorder the answer is {@code u64::MAX}, as in Cumulus.
 */
public final class StorageProofSizeHostApi {
  private StorageProofSizeHostApi() {}

  static void register(HostFunctionRegistry.Builder b) {
    b.register(
        "storage_proof_size",
        "storage_proof_size",
        1,
        WasmSignature.returning(I64),
        (ctx, a) -> -1L);
  }
}
