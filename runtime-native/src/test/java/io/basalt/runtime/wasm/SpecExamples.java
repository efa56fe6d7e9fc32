/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import io.basalt.primitives.bytes.Hex;

/** Byte strings copied from docs/runtime-spec.md §15. */
final class SpecExamples {
  private SpecExamples() {}

  /** {@code transfer_keep_alive(Bob, 1 UNIT)} signed by ed25519 //Alice, genesis 0x11…11. */
  static final byte[] ED25519_TRANSFER =
      Hex.decode(
          "3d02"
              + "84"
              + "0088dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee"
              + "0057039248d6ef271367246b71faae7665c0a65e3341c55cc8c7638fce2f4008a4"
              + "32d55ebe82e9e369cf53c45e5ff33f8b5ef6c9fbbafc32ac856b33652a9dce08"
              + "000000"
              + "0203008eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48070010a5d4e8");
}
