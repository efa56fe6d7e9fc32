/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.event;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.dispatch.DispatchInfo;
import java.math.BigInteger;
import java.util.Optional;

/**
 * {@code basalt_demo_runtime::RuntimeEvent}: {@code pallet_index ‖ event_index ‖ fields}
 * (runtime-spec §4, §6). Sudo results are {@code Result<(), DispatchError>}, held here as the
 * optional error.
 */
public sealed interface RuntimeEvent {

  // ---- System (0) ----

  /** {@code System.ExtrinsicSuccess{dispatch_info}}. */
  record ExtrinsicSuccess(DispatchInfo info) implements RuntimeEvent {}

  /** {@code System.ExtrinsicFailed{dispatch_error, dispatch_info}}. */
  record ExtrinsicFailed(DispatchError error, DispatchInfo info) implements RuntimeEvent {}

  /** {@code System.CodeUpdated}. */
  record CodeUpdated() implements RuntimeEvent {}

  /** {@code System.NewAccount{account}}. */
  record NewAccount(AccountId account) implements RuntimeEvent {}

  /** {@code System.KilledAccount{account}}. */
  record KilledAccount(AccountId account) implements RuntimeEvent {}

  /** {@code System.Remarked{sender, hash}}. */
  record Remarked(AccountId sender, Hash256 hash) implements RuntimeEvent {}

  // ---- Balances (2) ----

  /** {@code Balances.Endowed{account, free_balance}}. */
  record Endowed(AccountId account, BigInteger freeBalance) implements RuntimeEvent {}

  /** {@code Balances.DustLost{account, amount}}. */
  record DustLost(AccountId account, BigInteger amount) implements RuntimeEvent {}

  /** {@code Balances.Transfer{from, to, amount}}. */
  record Transfer(AccountId from, AccountId to, BigInteger amount) implements RuntimeEvent {}

  /** {@code Balances.Withdraw{who, amount}}. */
  record Withdraw(AccountId who, BigInteger amount) implements RuntimeEvent {}

  // ---- TransactionPayment (3) ----

  /** {@code TransactionPayment.TransactionFeePaid{who, actual_fee, tip}}. */
  record TransactionFeePaid(AccountId who, BigInteger actualFee, BigInteger tip)
      implements RuntimeEvent {}

  // ---- Sudo (4) ----

  /** {@code Sudo.Sudid{sudo_result}}. */
  record Sudid(Optional<DispatchError> error) implements RuntimeEvent {}

  /** {@code Sudo.KeyChanged{old, new}}. */
  record KeyChanged(Optional<AccountId> old, AccountId newKey) implements RuntimeEvent {}

  /** {@code Sudo.KeyRemoved}. */
  record KeyRemoved() implements RuntimeEvent {}

  /** {@code Sudo.SudoAsDone{sudo_result}}. */
  record SudoAsDone(Optional<DispatchError> error) implements RuntimeEvent {}

  // ---- Template (5) ----

  /** {@code Template.ValueSet{value, who}}. */
  record ValueSet(long value, AccountId who) implements RuntimeEvent {}

  /** {@code Template.Migrated{from_version, to_version, translated}} (spec 101). */
  record Migrated(int fromVersion, int toVersion, long translated) implements RuntimeEvent {}

  /** The SCALE encoding. */
  default Bytes encode() {
    ScaleWriter w = new ScaleWriter(128);
    encode(w);
    return w.toBytes();
  }

  default void encode(ScaleWriter w) {
    switch (this) {
      case ExtrinsicSuccess(DispatchInfo info) -> {
        w.writeU8(0).writeU8(0);
        info.encode(w);
      }
      case ExtrinsicFailed(DispatchError error, DispatchInfo info) -> {
        w.writeU8(0).writeU8(1);
        error.encode(w);
        info.encode(w);
      }
      case CodeUpdated() -> w.writeU8(0).writeU8(2);
      case NewAccount(AccountId account) -> {
        w.writeU8(0).writeU8(3);
        account.encode(w);
      }
      case KilledAccount(AccountId account) -> {
        w.writeU8(0).writeU8(4);
        account.encode(w);
      }
      case Remarked(AccountId sender, Hash256 hash) -> {
        w.writeU8(0).writeU8(5);
        sender.encode(w);
        w.writeHash(hash);
      }
      case Endowed(AccountId account, BigInteger free) -> {
        w.writeU8(2).writeU8(0);
        account.encode(w);
        w.writeU128(free);
      }
      case DustLost(AccountId account, BigInteger amount) -> {
        w.writeU8(2).writeU8(1);
        account.encode(w);
        w.writeU128(amount);
      }
      case Transfer(AccountId from, AccountId to, BigInteger amount) -> {
        w.writeU8(2).writeU8(2);
        from.encode(w);
        to.encode(w);
        w.writeU128(amount);
      }
      case Withdraw(AccountId who, BigInteger amount) -> {
        w.writeU8(2).writeU8(8);
        who.encode(w);
        w.writeU128(amount);
      }
      case TransactionFeePaid(AccountId who, BigInteger fee, BigInteger tip) -> {
        w.writeU8(3).writeU8(0);
        who.encode(w);
        w.writeU128(fee).writeU128(tip);
      }
      case Sudid(Optional<DispatchError> error) -> {
        w.writeU8(4).writeU8(0);
        writeResult(w, error);
      }
      case KeyChanged(Optional<AccountId> old, AccountId newKey) -> {
        w.writeU8(4).writeU8(1);
        if (old.isPresent()) {
          w.writeU8(1);
          old.get().encode(w);
        } else {
          w.writeU8(0);
        }
        newKey.encode(w);
      }
      case KeyRemoved() -> w.writeU8(4).writeU8(2);
      case SudoAsDone(Optional<DispatchError> error) -> {
        w.writeU8(4).writeU8(3);
        writeResult(w, error);
      }
      case ValueSet(long value, AccountId who) -> {
        w.writeU8(5).writeU8(0).writeU32(value);
        who.encode(w);
      }
      case Migrated(int from, int to, long translated) ->
          w.writeU8(5).writeU8(1).writeU16(from).writeU16(to).writeU32(translated);
    }
  }

  private static void writeResult(ScaleWriter w, Optional<DispatchError> error) {
    if (error.isPresent()) {
      w.writeU8(1);
      error.get().encode(w);
    } else {
      w.writeU8(0);
    }
  }

  /**
   * Decodes one event.
   *
   * @throws ScaleDecodingException for unknown indices or malformed fields
   */
  static RuntimeEvent decode(ScaleReader r) {
    int at = r.position();
    int pallet = r.readU8();
    int event = r.readU8();
    RuntimeEvent decoded =
        switch (pallet * 256 + event) {
          case 0 -> new ExtrinsicSuccess(DispatchInfo.decode(r));
          case 1 -> new ExtrinsicFailed(DispatchError.decode(r), DispatchInfo.decode(r));
          case 2 -> new CodeUpdated();
          case 3 -> new NewAccount(AccountId.decode(r));
          case 4 -> new KilledAccount(AccountId.decode(r));
          case 5 -> new Remarked(AccountId.decode(r), r.readHash256());
          case 2 * 256 -> new Endowed(AccountId.decode(r), r.readU128());
          case 2 * 256 + 1 -> new DustLost(AccountId.decode(r), r.readU128());
          case 2 * 256 + 2 -> new Transfer(AccountId.decode(r), AccountId.decode(r), r.readU128());
          case 2 * 256 + 8 -> new Withdraw(AccountId.decode(r), r.readU128());
          case 3 * 256 -> new TransactionFeePaid(AccountId.decode(r), r.readU128(), r.readU128());
          case 4 * 256 -> new Sudid(readResult(r));
          case 4 * 256 + 1 -> {
            Optional<AccountId> old =
                r.readVariant("Option", 2) == 1
                    ? Optional.of(AccountId.decode(r))
                    : Optional.empty();
            yield new KeyChanged(old, AccountId.decode(r));
          }
          case 4 * 256 + 2 -> new KeyRemoved();
          case 4 * 256 + 3 -> new SudoAsDone(readResult(r));
          case 5 * 256 -> new ValueSet(r.readU32AsLong(), AccountId.decode(r));
          case 5 * 256 + 1 -> new Migrated(r.readU16(), r.readU16(), r.readU32AsLong());
          default ->
              throw new ScaleDecodingException(
                  at, "RuntimeEvent", "unknown event " + pallet + "/" + event);
        };
    return decoded;
  }

  private static Optional<DispatchError> readResult(ScaleReader r) {
    return r.readVariant("Result", 2) == 0
        ? Optional.empty()
        : Optional.of(DispatchError.decode(r));
  }
}
