/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import io.basalt.node.log.StatusLog;
import io.basalt.storage.block.BlockRef;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The informant's status line with the network in it, as Substrate prints it every 5 s: {@code 💤
 * Idle (3 peers), best: #B (0x…), finalized #F (0x…), ⬇ 1.2kiB/s ⬆ 0.4kiB/s}, or while far behind
 * {@code ⚙️ Syncing 41.2 bps, target=#T (3 peers), best: …}. Rates are over the time since the
 * previous line: blocks from the best number, bytes from the host's socket counters.
 */
public final class NetworkInformant {
  private final LongSupplier bytesIn;
  private final LongSupplier bytesOut;
  private final LongSupplier peers;
  private final java.util.function.BooleanSupplier majorSyncing;
  private final java.util.function.Supplier<OptionalLong> target;
  private final LongSupplier nanoTime;
  private Sample previous;

  private record Sample(long nanos, long best, long bytesIn, long bytesOut) {}

  NetworkInformant(
      LongSupplier bytesIn,
      LongSupplier bytesOut,
      LongSupplier peers,
      java.util.function.BooleanSupplier majorSyncing,
      java.util.function.Supplier<OptionalLong> target,
      LongSupplier nanoTime) {
    this.bytesIn = bytesIn;
    this.bytesOut = bytesOut;
    this.peers = peers;
    this.majorSyncing = majorSyncing;
    this.target = target;
    this.nanoTime = nanoTime;
  }

  /** The line for this moment; {@code suffix} is appended (finality notes). */
  public synchronized String status(BlockRef best, BlockRef finalized, String suffix) {
    Sample now =
        new Sample(nanoTime.getAsLong(), best.number(), bytesIn.getAsLong(), bytesOut.getAsLong());
    boolean first = previous == null;
    Sample before = first ? now : previous;
    previous = now;
    double seconds = Math.max(1e-9, (now.nanos() - before.nanos()) / 1e9);
    long inRate = first ? 0 : Math.round((now.bytesIn() - before.bytesIn()) / seconds);
    long outRate = first ? 0 : Math.round((now.bytesOut() - before.bytesOut()) / seconds);
    String chain =
        String.format(
            Locale.ROOT,
            "best: #%d (%s), finalized #%d (%s), ⬇ %s ⬆ %s%s",
            best.number(),
            StatusLog.shortHash(best.hash()),
            finalized.number(),
            StatusLog.shortHash(finalized.hash()),
            rate(inRate),
            rate(outRate),
            suffix);
    long peerCount = peers.getAsLong();
    OptionalLong syncTarget = target.get();
    if (majorSyncing.getAsBoolean() && syncTarget.isPresent()) {
      double bps = first ? 0 : Math.max(0, now.best() - before.best()) / seconds;
      return String.format(
          Locale.ROOT,
          "⚙️  Syncing %4.1f bps, target=#%d (%d peers), %s",
          bps,
          syncTarget.getAsLong(),
          peerCount,
          chain);
    }
    return String.format(Locale.ROOT, "💤 Idle (%d peers), %s", peerCount, chain);
  }

  /** Substrate's transfer rate: {@code 0}, plain bytes under 100, then kiB/s, then MiB/s. */
  static String rate(long bytesPerSecond) {
    if (bytesPerSecond == 0) {
      return "0";
    }
    if (bytesPerSecond < 100) {
      return bytesPerSecond + " B/s";
    }
    if (bytesPerSecond < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1fkiB/s", bytesPerSecond / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1fMiB/s", bytesPerSecond / (1024.0 * 1024.0));
  }
}
