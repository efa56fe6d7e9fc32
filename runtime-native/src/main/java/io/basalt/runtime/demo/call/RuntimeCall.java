/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.call;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.dispatch.DispatchClass;
import io.basalt.runtime.demo.dispatch.Weight;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code basalt_demo_runtime::RuntimeCall}: every call of the runtime, encoded {@code pallet_index
 * ‖ call_index ‖ arguments} (runtime-spec §6). Each call knows its weight and dispatch class
 * (§5.5).
 *
 * <pre>{@code
 * RuntimeCall call = new RuntimeCall.TransferKeepAlive(MultiAddress.id(bob), UNIT);
 * Bytes encoded = call.encode();          // 0203 00 8eaf… 070010a5d4e8
 * RuntimeCall back = RuntimeCall.decode(new ScaleReader(encoded));
 * }</pre>
 */
public sealed interface RuntimeCall {

  /**
   * The deepest nesting of calls that decodes: the outermost call has depth 1, each call inside a
   * {@code sudo*} call one more (runtime-spec §3.1, FRAME's {@code MAX_EXTRINSIC_DEPTH} counted on
   * calls only).
   */
  int MAX_DEPTH = 256;

  long REMARK_WEIGHT = 10_000_000L;
  long SET_HEAP_PAGES_WEIGHT = 20_000_000L;
  long SET_CODE_WEIGHT = 1_000_000_000L;
  long STORAGE_ITEM_WEIGHT = 10_000_000L;
  long REMARK_WITH_EVENT_WEIGHT = 20_000_000L;
  long TIMESTAMP_SET_WEIGHT = 10_000_000L;
  long TRANSFER_WEIGHT = 100_000_000L;
  long SUDO_WEIGHT = 10_000_000L;
  long SET_VALUE_WEIGHT = 20_000_000L;

  // ---- System (0) ----

  /** {@code System.remark(remark)}: Signed or Root; does nothing. */
  record Remark(Bytes remark) implements RuntimeCall {}

  /** {@code System.set_heap_pages(pages: u64)}: Root. */
  record SetHeapPages(long pages) implements RuntimeCall {}

  /** {@code System.set_code(code)}: Root, with version checks. */
  record SetCode(Bytes code) implements RuntimeCall {}

  /** {@code System.set_code_without_checks(code)}: Root. */
  record SetCodeWithoutChecks(Bytes code) implements RuntimeCall {}

  /** {@code System.set_storage(items)}: Root; raw writes in order. */
  record SetStorage(List<KeyValue> items) implements RuntimeCall {
    public SetStorage {
      items = List.copyOf(items);
    }
  }

  /** {@code System.kill_storage(keys)}: Root; raw deletions. */
  record KillStorage(List<Bytes> keys) implements RuntimeCall {
    public KillStorage {
      keys = List.copyOf(keys);
    }
  }

  /** {@code System.kill_prefix(prefix, subkeys: u32)}: Root. */
  record KillPrefix(Bytes prefix, long subkeys) implements RuntimeCall {}

  /** {@code System.remark_with_event(remark)}: Signed; emits {@code Remarked}. */
  record RemarkWithEvent(Bytes remark) implements RuntimeCall {}

  // ---- Timestamp (1) ----

  /** {@code Timestamp.set(now: Compact<u64>)}: the inherent (origin None). */
  record TimestampSet(long now) implements RuntimeCall {}

  // ---- Balances (2) ----

  /** {@code Balances.transfer_allow_death(dest, value)}: Signed. */
  record TransferAllowDeath(MultiAddress dest, BigInteger value) implements RuntimeCall {}

  /** {@code Balances.force_transfer(source, dest, value)}: Root. */
  record ForceTransfer(MultiAddress source, MultiAddress dest, BigInteger value)
      implements RuntimeCall {}

  /** {@code Balances.transfer_keep_alive(dest, value)}: Signed. */
  record TransferKeepAlive(MultiAddress dest, BigInteger value) implements RuntimeCall {}

  /** {@code Balances.transfer_all(dest, keep_alive)}: Signed. */
  record TransferAll(MultiAddress dest, boolean keepAlive) implements RuntimeCall {}

  // ---- Sudo (4) ----

  /** {@code Sudo.sudo(call)}: dispatches {@code call} as Root. */
  record Sudo(RuntimeCall call) implements RuntimeCall {}

  /**
   * {@code Sudo.sudo_unchecked_weight(call, weight)}: {@code sudo} weighing {@code
   * uncheckedWeight.refTime()} (§5.5; its proof size is ignored like every proof size).
   *
   * <p>The component is not called {@code weight}: that accessor would override {@link
   * RuntimeCall#weight()}, the call's computed weight.
   */
  record SudoUncheckedWeight(RuntimeCall call, Weight uncheckedWeight) implements RuntimeCall {}

  /** {@code Sudo.set_key(new)}. */
  record SetKey(MultiAddress newKey) implements RuntimeCall {}

  /** {@code Sudo.sudo_as(who, call)}: dispatches {@code call} as {@code Signed(who)}. */
  record SudoAs(MultiAddress who, RuntimeCall call) implements RuntimeCall {}

  /** {@code Sudo.remove_key()}. */
  record RemoveKey() implements RuntimeCall {}

  // ---- Template (5) ----

  /** {@code Template.set_value(value: u32)}: Signed. */
  record SetValue(long value) implements RuntimeCall {}

  /**
   * One {@code (key, value)} pair of {@code set_storage}.
   *
   * @param key the raw storage key
   * @param value the raw value
   */
  record KeyValue(Bytes key, Bytes value) {}

  /** The call's weight (runtime-spec §5.5); {@code proof_size} is always 0. */
  default Weight weight() {
    long refTime =
        switch (this) {
          case Remark r -> REMARK_WEIGHT;
          case SetHeapPages s -> SET_HEAP_PAGES_WEIGHT;
          case SetCode s -> SET_CODE_WEIGHT;
          case SetCodeWithoutChecks s -> SET_CODE_WEIGHT;
          case SetStorage(List<KeyValue> items) -> STORAGE_ITEM_WEIGHT * items.size();
          case KillStorage(List<Bytes> keys) -> STORAGE_ITEM_WEIGHT * keys.size();
          case KillPrefix(Bytes prefix, long subkeys) -> STORAGE_ITEM_WEIGHT * subkeys;
          case RemarkWithEvent r -> REMARK_WITH_EVENT_WEIGHT;
          case TimestampSet t -> TIMESTAMP_SET_WEIGHT;
          case TransferAllowDeath t -> TRANSFER_WEIGHT;
          case ForceTransfer t -> TRANSFER_WEIGHT;
          case TransferKeepAlive t -> TRANSFER_WEIGHT;
          case TransferAll t -> TRANSFER_WEIGHT;
          case Sudo(RuntimeCall inner) ->
              Weight.saturatingAdd(SUDO_WEIGHT, inner.weight().refTime());
          case SudoUncheckedWeight(RuntimeCall inner, Weight w) -> w.refTime();
          case SetKey s -> SUDO_WEIGHT;
          case SudoAs(MultiAddress who, RuntimeCall inner) ->
              Weight.saturatingAdd(SUDO_WEIGHT, inner.weight().refTime());
          case RemoveKey r -> SUDO_WEIGHT;
          case SetValue s -> SET_VALUE_WEIGHT;
        };
    return Weight.ofRefTime(refTime);
  }

  /** The call's dispatch class (runtime-spec §5.5). */
  default DispatchClass dispatchClass() {
    return switch (this) {
      case SetHeapPages s -> DispatchClass.OPERATIONAL;
      case SetCode s -> DispatchClass.OPERATIONAL;
      case SetCodeWithoutChecks s -> DispatchClass.OPERATIONAL;
      case SetStorage s -> DispatchClass.OPERATIONAL;
      case KillStorage s -> DispatchClass.OPERATIONAL;
      case KillPrefix s -> DispatchClass.OPERATIONAL;
      case TimestampSet t -> DispatchClass.MANDATORY;
      case Sudo(RuntimeCall inner) -> inner.dispatchClass();
      case SudoUncheckedWeight(RuntimeCall inner, Weight w) -> inner.dispatchClass();
      case SudoAs(MultiAddress who, RuntimeCall inner) -> inner.dispatchClass();
      default -> DispatchClass.NORMAL;
    };
  }

  /** The SCALE encoding. */
  default Bytes encode() {
    ScaleWriter w = new ScaleWriter(64);
    encode(w);
    return w.toBytes();
  }

  /** Writes the SCALE encoding. */
  default void encode(ScaleWriter w) {
    switch (this) {
      case Remark(Bytes remark) -> w.writeU8(0).writeU8(0).writeByteVec(remark);
      case SetHeapPages(long pages) -> w.writeU8(0).writeU8(1).writeU64(pages);
      case SetCode(Bytes code) -> w.writeU8(0).writeU8(2).writeByteVec(code);
      case SetCodeWithoutChecks(Bytes code) -> w.writeU8(0).writeU8(3).writeByteVec(code);
      case SetStorage(List<KeyValue> items) -> {
        w.writeU8(0).writeU8(4).writeCompact(items.size());
        for (KeyValue kv : items) {
          w.writeByteVec(kv.key()).writeByteVec(kv.value());
        }
      }
      case KillStorage(List<Bytes> keys) -> {
        w.writeU8(0).writeU8(5).writeCompact(keys.size());
        for (Bytes key : keys) {
          w.writeByteVec(key);
        }
      }
      case KillPrefix(Bytes prefix, long subkeys) ->
          w.writeU8(0).writeU8(6).writeByteVec(prefix).writeU32(subkeys);
      case RemarkWithEvent(Bytes remark) -> w.writeU8(0).writeU8(7).writeByteVec(remark);
      case TimestampSet(long now) -> {
        w.writeU8(1).writeU8(0);
        Weight.writeCompactU64(w, now);
      }
      case TransferAllowDeath(MultiAddress dest, BigInteger value) -> {
        w.writeU8(2).writeU8(0);
        dest.encode(w);
        w.writeCompact(value);
      }
      case ForceTransfer(MultiAddress source, MultiAddress dest, BigInteger value) -> {
        w.writeU8(2).writeU8(2);
        source.encode(w);
        dest.encode(w);
        w.writeCompact(value);
      }
      case TransferKeepAlive(MultiAddress dest, BigInteger value) -> {
        w.writeU8(2).writeU8(3);
        dest.encode(w);
        w.writeCompact(value);
      }
      case TransferAll(MultiAddress dest, boolean keepAlive) -> {
        w.writeU8(2).writeU8(4);
        dest.encode(w);
        w.writeBool(keepAlive);
      }
      case Sudo(RuntimeCall inner) -> {
        w.writeU8(4).writeU8(0);
        inner.encode(w);
      }
      case SudoUncheckedWeight(RuntimeCall inner, Weight weight) -> {
        w.writeU8(4).writeU8(1);
        inner.encode(w);
        weight.encode(w);
      }
      case SetKey(MultiAddress newKey) -> {
        w.writeU8(4).writeU8(2);
        newKey.encode(w);
      }
      case SudoAs(MultiAddress who, RuntimeCall inner) -> {
        w.writeU8(4).writeU8(3);
        who.encode(w);
        inner.encode(w);
      }
      case RemoveKey() -> w.writeU8(4).writeU8(4);
      case SetValue(long value) -> w.writeU8(5).writeU8(0).writeU32(value);
    }
  }

  /**
   * Decodes one call.
   *
   * @throws ScaleDecodingException for an unknown pallet or call index, a malformed argument, or
   *     nesting deeper than {@link #MAX_DEPTH}
   */
  static RuntimeCall decode(ScaleReader r) {
    return decode(r, 1);
  }

  private static RuntimeCall decode(ScaleReader r, int depth) {
    int at = r.position();
    if (depth > MAX_DEPTH) {
      throw new ScaleDecodingException(
          at, "RuntimeCall", "calls nested deeper than " + MAX_DEPTH + " levels");
    }
    int pallet = r.readU8();
    int call = r.readU8();
    return switch (pallet) {
      case 0 ->
          switch (call) {
            case 0 -> new Remark(r.readByteVec());
            case 1 -> new SetHeapPages(r.readI64());
            case 2 -> new SetCode(r.readByteVec());
            case 3 -> new SetCodeWithoutChecks(r.readByteVec());
            case 4 -> new SetStorage(readKeyValues(r));
            case 5 -> new KillStorage(readByteVecs(r));
            case 6 -> new KillPrefix(r.readByteVec(), r.readU32AsLong());
            case 7 -> new RemarkWithEvent(r.readByteVec());
            default -> throw unknownCall(at, "System", call);
          };
      case 1 ->
          switch (call) {
            case 0 -> new TimestampSet(r.readCompactLong());
            default -> throw unknownCall(at, "Timestamp", call);
          };
      case 2 ->
          switch (call) {
            case 0 -> new TransferAllowDeath(MultiAddress.decode(r), readCompactU128(r));
            case 2 ->
                new ForceTransfer(
                    MultiAddress.decode(r), MultiAddress.decode(r), readCompactU128(r));
            case 3 -> new TransferKeepAlive(MultiAddress.decode(r), readCompactU128(r));
            case 4 -> new TransferAll(MultiAddress.decode(r), r.readBool());
            default -> throw unknownCall(at, "Balances", call);
          };
      case 4 ->
          switch (call) {
            case 0 -> new Sudo(decode(r, depth + 1));
            case 1 -> new SudoUncheckedWeight(decode(r, depth + 1), Weight.decode(r));
            case 2 -> new SetKey(MultiAddress.decode(r));
            case 3 -> new SudoAs(MultiAddress.decode(r), decode(r, depth + 1));
            case 4 -> new RemoveKey();
            default -> throw unknownCall(at, "Sudo", call);
          };
      case 5 ->
          switch (call) {
            case 0 -> new SetValue(r.readU32AsLong());
            default -> throw unknownCall(at, "Template", call);
          };
      default -> throw new ScaleDecodingException(at, "RuntimeCall", "unknown pallet " + pallet);
    };
  }

  private static ScaleDecodingException unknownCall(int at, String pallet, int call) {
    return new ScaleDecodingException(at, "RuntimeCall", pallet + " has no call " + call);
  }

  private static BigInteger readCompactU128(ScaleReader r) {
    return r.readCompact();
  }

  private static List<KeyValue> readKeyValues(ScaleReader r) {
    int at = r.position();
    int n = r.readCompactInt();
    if (n > r.remaining()) {
      throw new ScaleDecodingException(at, "Vec<(Vec<u8>, Vec<u8>)>", "count " + n + " too large");
    }
    List<KeyValue> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(new KeyValue(r.readByteVec(), r.readByteVec()));
    }
    return items;
  }

  private static List<Bytes> readByteVecs(ScaleReader r) {
    int at = r.position();
    int n = r.readCompactInt();
    if (n > r.remaining()) {
      throw new ScaleDecodingException(at, "Vec<Vec<u8>>", "count " + n + " too large");
    }
    List<Bytes> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      keys.add(r.readByteVec());
    }
    return keys;
  }
}
