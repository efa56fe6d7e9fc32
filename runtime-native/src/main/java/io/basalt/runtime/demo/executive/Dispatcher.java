/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.executive;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.CallDispatcher;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.dispatch.DispatchException;
import io.basalt.runtime.demo.dispatch.Origin;
import io.basalt.runtime.demo.dispatch.Weight;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Routes calls to their pallets, each in its own storage transaction (runtime-spec §5.4): an error
 * rolls back everything the call wrote, events included.
 */
final class Dispatcher implements CallDispatcher {
  private final Pallets pallets;

  Dispatcher(Pallets pallets) {
    this.pallets = pallets;
  }

  @Override
  public Optional<DispatchError> dispatch(RuntimeCall call, Origin origin) {
    try {
      pallets.storage().inTransaction(() -> route(call, origin));
      return Optional.empty();
    } catch (DispatchException e) {
      return Optional.of(e.error());
    }
  }

  private void route(RuntimeCall call, Origin origin) {
    switch (call) {
      case RuntimeCall.Remark r -> pallets.system().remark(origin);
      case RuntimeCall.SetHeapPages(long pages) -> pallets.system().setHeapPages(origin, pages);
      case RuntimeCall.SetCode(Bytes code) -> pallets.system().setCode(origin, code);
      case RuntimeCall.SetCodeWithoutChecks(Bytes code) ->
          pallets.system().setCodeWithoutChecks(origin, code);
      case RuntimeCall.SetStorage(List<RuntimeCall.KeyValue> items) ->
          pallets.system().setStorage(origin, items);
      case RuntimeCall.KillStorage(List<Bytes> keys) -> pallets.system().killStorage(origin, keys);
      case RuntimeCall.KillPrefix(Bytes prefix, long subkeys) ->
          pallets.system().killPrefix(origin, prefix, subkeys);
      case RuntimeCall.RemarkWithEvent(Bytes remark) ->
          pallets.system().remarkWithEvent(origin, remark);
      case RuntimeCall.TimestampSet(long now) -> pallets.timestamp().set(origin, now);
      case RuntimeCall.TransferAllowDeath(MultiAddress dest, BigInteger value) ->
          pallets.balances().transferAllowDeath(origin, dest, value);
      case RuntimeCall.ForceTransfer(MultiAddress source, MultiAddress dest, BigInteger value) ->
          pallets.balances().forceTransfer(origin, source, dest, value);
      case RuntimeCall.TransferKeepAlive(MultiAddress dest, BigInteger value) ->
          pallets.balances().transferKeepAlive(origin, dest, value);
      case RuntimeCall.TransferAll(MultiAddress dest, boolean keepAlive) ->
          pallets.balances().transferAll(origin, dest, keepAlive);
      case RuntimeCall.Sudo(RuntimeCall inner) -> pallets.sudo().sudo(origin, inner, this);
      case RuntimeCall.SudoUncheckedWeight(RuntimeCall inner, Weight weight) ->
          pallets.sudo().sudo(origin, inner, this);
      case RuntimeCall.SetKey(MultiAddress newKey) -> pallets.sudo().setKey(origin, newKey);
      case RuntimeCall.SudoAs(MultiAddress who, RuntimeCall inner) ->
          pallets.sudo().sudoAs(origin, who, inner, this);
      case RuntimeCall.RemoveKey() -> pallets.sudo().removeKey(origin);
      case RuntimeCall.SetValue(long value) -> pallets.template().setValue(origin, value);
    }
  }
}
