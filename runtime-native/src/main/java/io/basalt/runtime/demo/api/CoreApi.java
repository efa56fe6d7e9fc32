/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.api;

/** {@code Core} version 4 (runtime-spec §1, §7). */
final class CoreApi {
  private CoreApi() {}

  static byte[] version(ApiScope scope, byte[] input) {
    ApiInput.none("version", input);
    return scope.version().encode();
  }

  static byte[] executeBlock(ApiScope scope, byte[] input) {
    ApiInput.DecodedBlock block = ApiInput.decode("execute_block", input, ApiInput::block);
    scope.executive().executeBlock(block.header(), block.extrinsics());
    return new byte[0];
  }

  static byte[] initializeBlock(ApiScope scope, byte[] input) {
    scope.executive().initializeBlock(ApiInput.decode("initialize_block", input, ApiInput::header));
    return new byte[0];
  }
}
