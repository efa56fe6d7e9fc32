/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.api;

import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.dispatch.Weight;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.runtime.demo.pallet.payment.TransactionPaymentPallet;
import java.math.BigInteger;

/**
 * {@code TransactionPaymentApi} version 4 (runtime-spec §9): fee queries that neither verify
 * signatures nor touch storage.
 */
final class TransactionPaymentApi {
  private TransactionPaymentApi() {}

  private record Args(UncheckedExtrinsic xt, long length) {}

  private static Args args(String method, byte[] input) {
    return ApiInput.decode(
        method, input, r -> new Args(UncheckedExtrinsic.decode(r), r.readU32AsLong()));
  }

  static byte[] queryInfo(ApiScope scope, byte[] input) {
    Args args = args("query_info", input);
    Weight weight = args.xt().call().weight();
    BigInteger fee =
        args.xt().isSigned()
            ? TransactionPaymentPallet.inclusionFee(weight, args.length()).total()
            : BigInteger.ZERO;
    ScaleWriter w = new ScaleWriter(32);
    weight.encode(w);
    w.writeU8(args.xt().call().dispatchClass().index());
    w.writeU128(fee);
    return w.toByteArray();
  }

  static byte[] queryFeeDetails(ApiScope scope, byte[] input) {
    Args args = args("query_fee_details", input);
    ScaleWriter w = new ScaleWriter(64);
    if (args.xt().isSigned()) {
      TransactionPaymentPallet.InclusionFee fee =
          TransactionPaymentPallet.inclusionFee(args.xt().call().weight(), args.length());
      w.writeU8(1).writeU128(fee.baseFee()).writeU128(fee.lengthFee()).writeU128(fee.weightFee());
    } else {
      w.writeU8(0);
    }
    w.writeU128(BigInteger.ZERO);
    return w.toByteArray();
  }

  static byte[] queryWeightToFee(ApiScope scope, byte[] input) {
    Weight weight = ApiInput.decode("query_weight_to_fee", input, Weight::decode);
    return new ScaleWriter(16)
        .writeU128(TransactionPaymentPallet.weightToFee(weight))
        .toByteArray();
  }

  static byte[] queryLengthToFee(ApiScope scope, byte[] input) {
    long length = ApiInput.decode("query_length_to_fee", input, ScaleReader::readU32AsLong);
    return new ScaleWriter(16)
        .writeU128(TransactionPaymentPallet.lengthToFee(length))
        .toByteArray();
  }
}
