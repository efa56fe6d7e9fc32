/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.dev;

import static io.basalt.rpc.dispatch.Safety.UNSAFE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.rpc.api.BuildBlockMode;
import io.basalt.rpc.api.DevApi;
import io.basalt.rpc.api.StorageValues;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.MethodRegistry;
import io.basalt.rpc.dispatch.ParamType;
import io.basalt.rpc.dispatch.Params;
import io.basalt.rpc.dispatch.RpcException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Chopsticks' development methods, with its parameter shapes and results (chopsticks-core {@code
 * rpc/dev/*.ts}), all unsafe:
 *
 * <ul>
 *   <li>{@code dev_newBlock({count?, to?, transactions?, unsafeBlockHeight?})}: {@code max(to -
 *       best, 1)} blocks when {@code to} is given (and not 0), else {@code max(count, 1)}, else
 *       one; {@code transactions} (hex extrinsics) go into each block instead of the pool's. The
 *       last block's hash. Parachain fields ({@code dmp}, {@code ump}, {@code hrmp}, {@code
 *       relayChainStateOverrides}, {@code relayParentNumber}) and {@code unsafeBlockHeight} (Basalt
 *       numbers every block after its parent) are refused.
 *   <li>{@code dev_setStorage(values, blockHash?)}: a list of {@code [key, value | null]} or an
 *       object by pallet and item name; the hash of the block holding the values.
 *   <li>{@code dev_timeTravel(date)}: milliseconds or a date string as {@code Date.parse} reads it;
 *       the timestamp.
 *   <li>{@code dev_setHead(hashOrNumber)}: a hash, a number, or a number {@code <= 0} relative to
 *       the best block; the new head's hash.
 *   <li>{@code dev_setBlockBuildMode(mode)}: {@code "Batch"}, {@code "Instant"} or {@code
 *       "Manual"}; {@code null}.
 * </ul>
 *
 * <p>Failures Chopsticks reports as its {@code ResponseError} have code 1 and its message ({@code
 * "Block not found 7"}, {@code "Invalid date"}, {@code "Invalid mode Fast"}); malformed params are
 * {@code -32602} naming what was wrong.
 */
public final class DevMethods implements MethodGroup {
  private static final List<String> PARACHAIN_FIELDS =
      List.of("dmp", "ump", "hrmp", "relayChainStateOverrides", "relayParentNumber");

  private final DevApi dev;
  private final ZoneId localZone;

  /**
   * @param localZone the zone of date strings without one, as JavaScript's local time
   */
  public DevMethods(DevApi dev, ZoneId localZone) {
    this.dev = dev;
    this.localZone = localZone;
  }

  public DevMethods(DevApi dev) {
    this(dev, ZoneId.systemDefault());
  }

  @Override
  public void register(MethodRegistry methods) {
    methods.call("dev_newBlock", UNSAFE, this::newBlock);
    methods.call("dev_setStorage", UNSAFE, this::setStorage);
    methods.call("dev_timeTravel", UNSAFE, this::timeTravel);
    methods.call("dev_setHead", UNSAFE, this::setHead);
    methods.call("dev_setBlockBuildMode", UNSAFE, this::setBlockBuildMode);
  }

  private Object newBlock(Params params) {
    JsonNode options =
        params.optional(0, "params", OBJECT).orElseGet(JsonNodeFactory.instance::objectNode);
    for (String field : PARACHAIN_FIELDS) {
      if (options.hasNonNull(field)) {
        throw RpcException.invalidParams(
            "param 0 (params): " + field + " is not supported: Basalt runs no parachain");
      }
    }
    OptionalLong count = integer(options, "count");
    OptionalLong to = integer(options, "to");
    OptionalLong unsafeHeight = integer(options, "unsafeBlockHeight");
    Optional<List<Bytes>> transactions = transactions(options);
    long best = dev.bestNumber();
    OptionalLong diff =
        to.isPresent() && to.getAsLong() != 0 ? OptionalLong.of(to.getAsLong() - best) : count;
    long blocks = diff.isPresent() ? Math.max(diff.getAsLong(), 1) : 1;
    if (unsafeHeight.isPresent()) {
      throw DevApi.error(
          unsafeHeight.getAsLong() <= best
              ? "unsafeBlockHeight must be greater than current block height"
              : "unsafeBlockHeight is not supported: Basalt numbers every block after its parent");
    }
    Hash256 last = null;
    for (long i = 0; i < blocks; i++) {
      last = dev.newBlock(transactions);
    }
    return last;
  }

  private Object setStorage(Params params) {
    JsonNode values = params.required(0, "values", ParamType.JSON);
    Optional<Hash256> at = params.optional(1, "blockHash", ParamType.HASH);
    StorageValues parsed;
    if (values.isArray()) {
      List<StorageValues.Entry> entries = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        entries.add(entry(values.get(i), i));
      }
      parsed = new StorageValues.Raw(entries);
    } else if (values.isObject()) {
      for (Map.Entry<String, JsonNode> pallet : values.properties()) {
        if (!pallet.getValue().isObject()) {
          throw RpcException.invalidParams(
              "param 0 (values): "
                  + pallet.getKey()
                  + ": expected an object of storage items, found "
                  + abbreviate(pallet.getValue()));
        }
      }
      parsed = new StorageValues.ByName(values.deepCopy());
    } else {
      throw RpcException.invalidParams(
          "param 0 (values): expected a list of [key, value] pairs or an object keyed by pallet,"
              + " found "
              + abbreviate(values));
    }
    return dev.setStorage(parsed, at);
  }

  private static StorageValues.Entry entry(JsonNode pair, int index) {
    String at = "param 0 (values): entry " + index;
    if (!pair.isArray() || pair.size() != 2) {
      throw RpcException.invalidParams(
          at + ": expected [key, value | null], found " + abbreviate(pair));
    }
    Bytes key =
        ParamType.BYTES
            .parse(pair.get(0))
            .orElseThrow(
                () ->
                    RpcException.invalidParams(
                        at + ": the key is not hex bytes: " + abbreviate(pair.get(0))));
    Optional<Bytes> value =
        pair.get(1).isNull()
            ? Optional.empty()
            : Optional.of(
                ParamType.BYTES
                    .parse(pair.get(1))
                    .orElseThrow(
                        () ->
                            RpcException.invalidParams(
                                at
                                    + ": the value is neither hex bytes nor null: "
                                    + abbreviate(pair.get(1)))));
    return new StorageValues.Entry(key, value);
  }

  private Object timeTravel(Params params) {
    JsonNode date = params.required(0, "date", ParamType.JSON);
    long millis;
    if (date.isTextual()) {
      millis =
          JsDate.parse(date.textValue(), localZone).orElseThrow(() -> DevApi.error("Invalid date"));
    } else {
      millis =
          ParamType.U64
              .parse(date)
              .orElseThrow(
                  () ->
                      RpcException.invalidParams(
                          "param 0 (date): expected milliseconds since 1970 or a date string,"
                              + " found "
                              + abbreviate(date)));
    }
    if (millis < 0) {
      throw DevApi.error("Invalid date"); // before 1970: no u64 timestamp
    }
    dev.timeTravel(millis);
    return millis;
  }

  private Object setHead(Params params) {
    JsonNode target = params.required(0, "hashOrNumber", ParamType.JSON);
    if (target.isTextual()) {
      Hash256 hash =
          ParamType.HASH
              .parse(target)
              .filter(h -> target.textValue().startsWith("0x"))
              .orElseThrow(
                  () ->
                      RpcException.invalidParams(
                          "param 0 (hashOrNumber): expected a 0x-prefixed 32-byte hash or a block"
                              + " number, found "
                              + abbreviate(target)));
      if (!dev.setHead(hash)) {
        throw DevApi.error("Block not found " + target.textValue());
      }
      return hash;
    }
    if (!target.isIntegralNumber() || !target.canConvertToLong()) {
      throw RpcException.invalidParams(
          "param 0 (hashOrNumber): expected a 0x-prefixed 32-byte hash or a block number, found "
              + abbreviate(target));
    }
    long given = target.longValue();
    long number = given > 0 ? given : dev.bestNumber() + given;
    Optional<Hash256> hash = number < 0 ? Optional.empty() : dev.blockHash(number);
    if (hash.isEmpty() || !dev.setHead(hash.get())) {
      throw DevApi.error("Block not found " + given);
    }
    return hash.get();
  }

  private Object setBlockBuildMode(Params params) {
    JsonNode mode = params.required(0, "mode", ParamType.JSON);
    BuildBlockMode parsed =
        (mode.isTextual()
                ? BuildBlockMode.named(mode.textValue())
                : Optional.<BuildBlockMode>empty())
            .orElseThrow(
                () -> DevApi.error("Invalid mode " + (mode.isTextual() ? mode.textValue() : mode)));
    dev.setBlockBuildMode(parsed);
    return null;
  }

  private static final ParamType<JsonNode> OBJECT =
      new ParamType<>(
          "an object such as {\"count\": 2}",
          n -> n.isObject() ? Optional.of(n) : Optional.empty());

  private static OptionalLong integer(JsonNode options, String field) {
    JsonNode n = options.get(field);
    if (n == null || n.isNull()) {
      return OptionalLong.empty();
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw RpcException.invalidParams(
          "param 0 (params): " + field + ": expected an integer, found " + abbreviate(n));
    }
    return OptionalLong.of(n.longValue());
  }

  private static Optional<List<Bytes>> transactions(JsonNode options) {
    JsonNode list = options.get("transactions");
    if (list == null || list.isNull()) {
      return Optional.empty();
    }
    if (!list.isArray() || list.isEmpty()) {
      throw RpcException.invalidParams(
          "param 0 (params): transactions: expected a non-empty list of hex extrinsics, found "
              + abbreviate(list));
    }
    List<Bytes> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String at = "param 0 (params): transactions[" + i + "]";
      Bytes bytes =
          ParamType.BYTES
              .parse(item)
              .orElseThrow(
                  () -> RpcException.invalidParams(at + ": not hex bytes: " + abbreviate(item)));
      try {
        ScaleReader r = new ScaleReader(bytes.unsafeArray());
        r.readByteVec();
        r.expectEnd("extrinsic");
      } catch (ScaleDecodingException e) {
        throw RpcException.invalidParams(
            at + ": not an encoded extrinsic (compact length, then the body): " + e.getMessage());
      }
      out.add(bytes);
    }
    return Optional.of(out);
  }

  private static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
