/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.genesis;

import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.executive.Pallets;
import io.basalt.runtime.demo.pallet.system.LastRuntimeUpgrade;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import java.util.Arrays;

/**
 * {@code GenesisBuilder_build_state} (runtime-spec §10): writes exactly the genesis storage of a
 * validated {@link GenesisConfig}. It does not write {@code :code}; the node adds it.
 */
public final class GenesisBuilder {
  /** FRAME's placeholder genesis hash {@code hash69}: 32 × {@code 0x45}. */
  public static final Hash256 HASH69;

  static {
    byte[] h = new byte[32];
    Arrays.fill(h, (byte) 0x45);
    HASH69 = Hash256.wrap(h);
  }

  private GenesisBuilder() {}

  /** Writes the genesis storage of {@code config} through {@code pallets}. */
  public static void build(Pallets pallets, GenesisConfig config) {
    SystemPallet system = pallets.system();
    system.setBlockHash(0, HASH69);
    pallets.storage().writeHash(SystemPallet.PARENT_HASH, HASH69);
    pallets
        .storage()
        .set(
            SystemPallet.LAST_RUNTIME_UPGRADE,
            new LastRuntimeUpgrade(system.version().specVersion(), system.version().specName())
                .encode());
    pallets.storage().writeBool(SystemPallet.UPGRADED_TO_U32_REF_COUNT, true);
    pallets.storage().writeBool(SystemPallet.UPGRADED_TO_TRIPLE_REF_COUNT, true);
    pallets.storage().writeU32(WellKnownKeys.EXTRINSIC_INDEX, 0);
    for (GenesisConfig.Endowment e : config.balances()) {
      system.putAccount(e.account(), AccountInfo.created(e.amount()));
    }
    pallets.balances().setTotalIssuance(config.totalIssuance());
    config.sudoKey().ifPresent(pallets.sudo()::setKey);
    pallets.template().buildGenesis(config.templateValue());
  }
}
