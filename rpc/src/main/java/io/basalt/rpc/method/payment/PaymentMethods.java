/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.payment;

import static io.basalt.rpc.dispatch.Safety.SAFE;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.rpc.api.BlockState;
import io.basalt.rpc.api.RuntimeCallException;
import io.basalt.rpc.api.StateApi;
import io.basalt.rpc.api.UnknownBlockException;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.MethodRegistry;
import io.basalt.rpc.dispatch.ParamType;
import io.basalt.rpc.dispatch.Params;
import io.basalt.rpc.dispatch.RpcException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code payment_*} methods of pallet-transaction-payment-rpc over the runtime's {@code
 * TransactionPaymentApi}: {@code queryInfo} answers {@code {"weight": <ref time>, "class":
 * "normal"|"operational"|"mandatory", "partialFee": "<decimal>"}}, {@code queryFeeDetails} {@code
 * {"inclusionFee": null | {"baseFee", "lenFee", "adjustedWeightFee"}}} with the fees as {@code 0x}
 * hex numbers (sp-rpc's {@code NumberOrHex} of a u128; the tip is not written). Errors: code 2 when
 * the bytes are not one encoded extrinsic, code 1 when the runtime call fails (an unknown block
 * included), both with the reason as data. The weight is always the old, one-number {@code Weight}
 * (sp-weights' {@code OldWeight}: the ref time), whatever the runtime's {@code
 * TransactionPaymentApi} version, as Substrate's RPC answers and polkadot.js decodes it ({@code
 * RuntimeDispatchInfoV1}); clients wanting the proof size call the runtime API.
 */
public final class PaymentMethods implements MethodGroup {
  /** pallet-transaction-payment-rpc's {@code Error::RuntimeError}. */
  static final int RUNTIME_ERROR = 1;

  /** pallet-transaction-payment-rpc's {@code Error::DecodeError}. */
  static final int DECODE_ERROR = 2;

  private static final String API = "TransactionPaymentApi";
  private static final String[] CLASSES = {"normal", "operational", "mandatory"};

  private final StateApi state;

  public PaymentMethods(StateApi state) {
    this.state = state;
  }

  @Override
  public void register(MethodRegistry methods) {
    methods.call("payment_queryInfo", SAFE, this::queryInfo);
    methods.call("payment_queryFeeDetails", SAFE, this::queryFeeDetails);
  }

  private Object queryInfo(Params params) {
    Query query = new Query(params, "query_info", "Unable to query dispatch info.");
    ScaleReader r = query.call();
    return query.decoded(
        () -> {
          long refTime;
          if (query.apiVersion() < 2) {
            refTime = r.readI64();
          } else {
            refTime = r.readCompactLong();
            r.readCompactLong(); // the proof size, which the old weight has not
          }
          String dispatchClass = CLASSES[r.readVariant("DispatchClass", CLASSES.length)];
          BigInteger partialFee = r.readU128();
          Map<String, Object> info = new LinkedHashMap<>();
          info.put("weight", refTime);
          info.put("class", dispatchClass);
          info.put("partialFee", partialFee.toString());
          return info;
        });
  }

  private Object queryFeeDetails(Params params) {
    Query query = new Query(params, "query_fee_details", "Unable to query fee details.");
    ScaleReader r = query.call();
    return query.decoded(
        () -> {
          Map<String, Object> inclusionFee = null;
          if (r.readBool()) {
            inclusionFee = new LinkedHashMap<>();
            inclusionFee.put("baseFee", hex(r.readU128()));
            inclusionFee.put("lenFee", hex(r.readU128()));
            inclusionFee.put("adjustedWeightFee", hex(r.readU128()));
          }
          r.readU128(); // the tip, which serde skips
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("inclusionFee", inclusionFee);
          return details;
        });
  }

  /** A u128 as sp-rpc's {@code NumberOrHex::Hex}: a {@code U256} in minimal hex. */
  private static String hex(BigInteger value) {
    return "0x" + value.toString(16);
  }

  /** One runtime API call with the extrinsic and its length, at the requested block. */
  private final class Query {
    private final String method;
    private final String description;
    private final Bytes input;
    private final BlockState at;

    Query(Params params, String method, String description) {
      this.method = API + "_" + method;
      this.description = description;
      Bytes encoded = params.required(0, "encodedXt", ParamType.BYTES);
      Optional<Hash256> block = params.optional(1, "at", ParamType.HASH);
      Bytes extrinsic;
      try {
        ScaleReader r = new ScaleReader(encoded);
        r.readByteVec();
        extrinsic = encoded.slice(0, r.position());
      } catch (ScaleDecodingException e) {
        throw new RpcException(DECODE_ERROR, description, e.getMessage());
      }
      this.input =
          new ScaleWriter(extrinsic.length() + 4)
              .writeRaw(extrinsic)
              .writeU32(encoded.length())
              .toBytes();
      try {
        this.at = state.at(block);
      } catch (UnknownBlockException e) {
        throw runtimeError(
            "Api called for an unknown Block: Header was not found in the database: "
                + e.block().toHex());
      }
    }

    ScaleReader call() {
      try {
        return new ScaleReader(at.call(method, input));
      } catch (RuntimeCallException e) {
        throw runtimeError("Execution failed: " + e.getMessage());
      }
    }

    long apiVersion() {
      try {
        return at.runtimeVersion().apiVersion(API).orElse(0L);
      } catch (RuntimeCallException e) {
        throw runtimeError("Execution failed: " + e.getMessage());
      }
    }

    <T> T decoded(Decoder<T> decoder) {
      try {
        return decoder.decode();
      } catch (ScaleDecodingException e) {
        throw runtimeError("Failed to decode return value of " + method + ": " + e.getMessage());
      }
    }

    private RpcException runtimeError(String reason) {
      return new RpcException(RUNTIME_ERROR, description, reason);
    }
  }

  /** Reads a runtime answer. */
  @FunctionalInterface
  private interface Decoder<T> {
    T decode();
  }
}
