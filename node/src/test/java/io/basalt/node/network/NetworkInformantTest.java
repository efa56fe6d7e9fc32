/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Hash256;
import io.basalt.storage.block.BlockRef;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NetworkInformantTest {
  private final AtomicLong in = new AtomicLong();
  private final AtomicLong out = new AtomicLong();
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicBoolean syncing = new AtomicBoolean();
  private final NetworkInformant informant =
      new NetworkInformant(
          in::get, out::get, () -> 3, syncing::get, () -> OptionalLong.of(5000), nanos::get);

  private static BlockRef block(long number, int fill) {
    byte[] hash = new byte[32];
    java.util.Arrays.fill(hash, (byte) fill);
    return new BlockRef(Hash256.of(hash), number);
  }

  @Test
  void idleLineShowsPeersBlocksAndTransferRates() {
    assertThat(informant.status(block(10, 0xab), block(8, 0xcd), ""))
        .isEqualTo(
            "💤 Idle (3 peers), best: #10 (0xabab…abab), finalized #8 (0xcdcd…cdcd), ⬇ 0 ⬆ 0");
    nanos.addAndGet(5_000_000_000L);
    in.addAndGet(5 * 2048);
    out.addAndGet(5 * 50);
    assertThat(informant.status(block(11, 0xab), block(9, 0xcd), ", finality: waiting"))
        .isEqualTo(
            "💤 Idle (3 peers), best: #11 (0xabab…abab), finalized #9 (0xcdcd…cdcd),"
                + " ⬇ 2.0kiB/s ⬆ 50 B/s, finality: waiting");
  }

  @Test
  void syncingLineShowsBlocksPerSecondAndTarget() {
    syncing.set(true);
    var unused = informant.status(block(100, 1), block(0, 2), "");
    nanos.addAndGet(5_000_000_000L);
    in.addAndGet(5L * 3 * 1024 * 1024);
    assertThat(informant.status(block(306, 1), block(0, 2), ""))
        .isEqualTo(
            "⚙️  Syncing 41.2 bps, target=#5000 (3 peers), best: #306 (0x0101…0101),"
                + " finalized #0 (0x0202…0202), ⬇ 3.0MiB/s ⬆ 0");
  }
}
