/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.chain;

import static io.basalt.rpc.dispatch.Safety.SAFE;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.Cancellable;
import io.basalt.rpc.api.ChainApi;
import io.basalt.rpc.api.HeadKind;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.MethodRegistry;
import io.basalt.rpc.dispatch.ParamType;
import io.basalt.rpc.dispatch.Params;
import io.basalt.rpc.dispatch.RpcException;
import io.basalt.rpc.dispatch.SubscriptionHandler;
import io.basalt.rpc.dispatch.SubscriptionNames;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code chain_*} methods (sc-rpc-api's {@code ChainApi}): headers and blocks by hash ({@code
 * null} for a block the node does not have, the best block when no hash is given), block hashes by
 * number or list of numbers, the finalized head, and the three head subscriptions, each starting
 * with the current head as Substrate sends it. Errors: {@code 3001} for a block number above {@code
 * u32::MAX}.
 */
public final class ChainMethods implements MethodGroup {
  /** sc-rpc-api's {@code error::base::CHAIN} + 1: {@code Error::Other}. */
  static final int OTHER_ERROR = 3001;

  private static final BigInteger U32_MAX = BigInteger.valueOf(0xFFFF_FFFFL);
  private static final Pattern HEX_U256 = Pattern.compile("[0-9a-fA-F]{1,64}");
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** sp-rpc's {@code NumberOrHex}: a u64 number or a {@code 0x} hex U256. */
  private record NumberOrHex(BigInteger value, boolean hex) {
    @Override
    public String toString() {
      return (hex ? "Hex(" : "Number(") + value + ")";
    }
  }

  /** sp-rpc's {@code ListOrValue<NumberOrHex>}. */
  private record BlockNumbers(List<NumberOrHex> numbers, boolean list) {}

  private static final ParamType<BlockNumbers> BLOCK_NUMBERS =
      new ParamType<>(
          "a block number (an integer or a 0x-prefixed hex number) or a list of them",
          ChainMethods::blockNumbers);

  private final ChainApi chain;

  public ChainMethods(ChainApi chain) {
    this.chain = chain;
  }

  @Override
  public void register(MethodRegistry methods) {
    methods.call("chain_getHeader", SAFE, this::header);
    methods.call("chain_getBlock", SAFE, this::block);
    methods.call("chain_getBlockHash", SAFE, this::blockHash, "chain_getHead");
    methods.call(
        "chain_getFinalizedHead", SAFE, params -> chain.finalizedHash(), "chain_getFinalisedHead");
    methods.subscription(
        SubscriptionNames.of(
            "chain_subscribeAllHeads", "chain_allHead", "chain_unsubscribeAllHeads"),
        SAFE,
        heads(HeadKind.ALL));
    methods.subscription(
        SubscriptionNames.of(
                "chain_subscribeNewHeads", "chain_newHead", "chain_unsubscribeNewHeads")
            .withSubscribeAliases("subscribe_newHead", "chain_subscribeNewHead")
            .withUnsubscribeAliases("unsubscribe_newHead", "chain_unsubscribeNewHead"),
        SAFE,
        heads(HeadKind.BEST));
    methods.subscription(
        SubscriptionNames.of(
                "chain_subscribeFinalizedHeads",
                "chain_finalizedHead",
                "chain_unsubscribeFinalizedHeads")
            .withSubscribeAliases("chain_subscribeFinalisedHeads")
            .withUnsubscribeAliases("chain_unsubscribeFinalisedHeads"),
        SAFE,
        heads(HeadKind.FINALIZED));
  }

  private Object header(Params params) {
    return chain.header(hashOrBest(params)).orElse(null);
  }

  private Object block(Params params) {
    return chain.block(hashOrBest(params)).orElse(null);
  }

  private Hash256 hashOrBest(Params params) {
    return params.optional(0, "hash", ParamType.HASH).orElseGet(chain::bestHash);
  }

  private Object blockHash(Params params) {
    Optional<BlockNumbers> numbers = params.optional(0, "hash", BLOCK_NUMBERS);
    if (numbers.isEmpty()) {
      return chain.bestHash();
    }
    List<Hash256> hashes = new ArrayList<>();
    for (NumberOrHex number : numbers.get().numbers()) {
      if (number.value().compareTo(U32_MAX) > 0) {
        throw new RpcException(
            OTHER_ERROR, "`" + number + "` > u32::MAX, the max block number is u32.", null);
      }
      hashes.add(chain.canonicalHash(number.value().longValueExact()).orElse(null));
    }
    return numbers.get().list() ? hashes : hashes.get(0);
  }

  private SubscriptionHandler heads(HeadKind kind) {
    return (params, sink) -> {
      Cancellable follower = chain.follow(kind, sink::send);
      sink.onClose(follower::cancel);
    };
  }

  private static Optional<BlockNumbers> blockNumbers(JsonNode node) {
    if (!node.isArray()) {
      return numberOrHex(node).map(n -> new BlockNumbers(List.of(n), false));
    }
    List<NumberOrHex> numbers = new ArrayList<>(node.size());
    for (JsonNode element : node) {
      Optional<NumberOrHex> number = numberOrHex(element);
      if (number.isEmpty()) {
        return Optional.empty();
      }
      numbers.add(number.get());
    }
    return Optional.of(new BlockNumbers(numbers, true));
  }

  private static Optional<NumberOrHex> numberOrHex(JsonNode node) {
    if (node.isIntegralNumber()) {
      BigInteger value = node.bigIntegerValue();
      return value.signum() < 0 || value.compareTo(U64_MAX) > 0
          ? Optional.empty()
          : Optional.of(new NumberOrHex(value, false));
    }
    String text = node.isTextual() ? node.textValue() : "";
    if (!text.startsWith("0x") || !HEX_U256.matcher(text.substring(2)).matches()) {
      return Optional.empty();
    }
    return Optional.of(new NumberOrHex(new BigInteger(text.substring(2), 16), true));
  }
}
