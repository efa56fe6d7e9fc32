/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.extrinsic;

import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import java.math.BigInteger;

/**
 * The extra bytes of a signed extrinsic: {@code era ‖ compact(nonce) ‖ compact(tip)}; the other
 * signed extensions add none (runtime-spec §3.3).
 *
 * @param era CheckMortality's era
 * @param nonce CheckNonce's nonce (u32)
 * @param tip ChargeTransactionPayment's tip (u128)
 */
public record SignedExtra(Era era, long nonce, BigInteger tip) {

  public static SignedExtra decode(ScaleReader r) {
    return new SignedExtra(Era.decode(r), r.readCompactU32(), r.readCompact());
  }

  public void encode(ScaleWriter w) {
    era.encode(w);
    w.writeCompact(nonce);
    w.writeCompact(tip);
  }
}
