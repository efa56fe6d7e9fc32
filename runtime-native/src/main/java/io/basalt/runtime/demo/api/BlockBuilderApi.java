/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.api;

import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Header;
import io.basalt.runtime.demo.executive.InherentData;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import java.util.List;

/** {@code BlockBuilder} version 6 (runtime-spec §7.2, §7.3, §7.5). */
final class BlockBuilderApi {
  private BlockBuilderApi() {}

  static byte[] applyExtrinsic(ApiScope scope, byte[] input) {
    UncheckedExtrinsic xt = ApiInput.decode("apply_extrinsic", input, UncheckedExtrinsic::decode);
    return scope.executive().applyExtrinsic(xt).encode().toArray();
  }

  static byte[] finalizeBlock(ApiScope scope, byte[] input) {
    ApiInput.none("finalize_block", input);
    Header header = scope.executive().finalizeBlock();
    return Header.CODEC.encode(header);
  }

  static byte[] inherentExtrinsics(ApiScope scope, byte[] input) {
    InherentData data = ApiInput.decode("inherent_extrinsics", input, InherentData::decode);
    List<UncheckedExtrinsic> inherents = scope.executive().inherentExtrinsics(data);
    ScaleWriter w = new ScaleWriter().writeCompact(inherents.size());
    for (UncheckedExtrinsic xt : inherents) {
      w.writeRaw(xt.encoded());
    }
    return w.toByteArray();
  }

  static byte[] checkInherents(ApiScope scope, byte[] input) {
    record Args(ApiInput.DecodedBlock block, InherentData data) {}
    Args args =
        ApiInput.decode(
            "check_inherents", input, r -> new Args(ApiInput.block(r), InherentData.decode(r)));
    return scope
        .executive()
        .checkInherents(args.block().extrinsics(), args.data())
        .encode()
        .toArray();
  }
}
