/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.golden;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.BuildBlockMode;
import io.basalt.rpc.api.DevApi;
import io.basalt.rpc.api.StorageValues;
import java.util.List;
import java.util.Optional;

/**
 * A development chain as the golden files expect, whose hashes tell what was asked: the best block
 * is #5; block #n of the best chain is {@code 0x00…00<n as 4 bytes>}; a new block's hash carries
 * the number of given extrinsics in its first byte; a block written by {@code dev_setStorage} has
 * {@code 0x5e} first, then the number of raw entries or named pallets, then 1 for named values. The
 * pallet {@code Staking} does not exist; block {@code 0xff…ff} is unknown.
 */
public final class FakeDevApi implements DevApi {
  private long best = 5;

  static Hash256 block(long number, int first, int second, int third) {
    byte[] bytes = new byte[32];
    bytes[0] = (byte) first;
    bytes[1] = (byte) second;
    bytes[2] = (byte) third;
    for (int i = 0; i < 4; i++) {
      bytes[31 - i] = (byte) (number >>> (8 * i));
    }
    return Hash256.wrap(bytes);
  }

  @Override
  public long bestNumber() {
    return best;
  }

  @Override
  public Optional<Hash256> blockHash(long number) {
    return number <= best ? Optional.of(block(number, 0, 0, 0)) : Optional.empty();
  }

  @Override
  public Hash256 newBlock(Optional<List<Bytes>> extrinsics) {
    best++;
    return block(best, extrinsics.map(List::size).orElse(0), 0, 0);
  }

  @Override
  public Hash256 setStorage(StorageValues values, Optional<Hash256> at) {
    if (at.equals(Optional.of(FakeEngineApi.UNKNOWN))) {
      throw DevApi.error("Error: Cannot find block " + at.get());
    }
    return switch (values) {
      case StorageValues.Raw raw -> block(best + 1, 0x5e, raw.entries().size(), 0);
      case StorageValues.ByName named -> {
        if (named.pallets().has("Staking")) {
          throw DevApi.error("Error: Cannot find pallet Staking");
        }
        yield block(best + 1, 0x5e, named.pallets().size(), 1);
      }
    };
  }

  @Override
  public void timeTravel(long unixMillis) {}

  @Override
  public boolean setHead(Hash256 hash) {
    for (long n = 0; n <= best; n++) {
      if (block(n, 0, 0, 0).equals(hash)) {
        best = n;
        return true;
      }
    }
    return false;
  }

  @Override
  public void setBlockBuildMode(BuildBlockMode mode) {}
}
