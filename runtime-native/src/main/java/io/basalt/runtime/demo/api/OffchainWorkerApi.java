/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.api;

/** {@code OffchainWorkerApi} version 2 (runtime-spec §11). */
final class OffchainWorkerApi {
  private OffchainWorkerApi() {}

  static byte[] offchainWorker(ApiScope scope, byte[] input) {
    scope.executive().offchainWorker(ApiInput.decode("offchain_worker", input, ApiInput::header));
    return new byte[0];
  }
}
