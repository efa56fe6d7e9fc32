/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks.network;

import io.basalt.network.host.NettyHost;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.network.transport.Connection;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Heap held per connected peer: 50 {@link NettyHost}s dial one host; the heap after a full GC is
 * compared before and after (hosts, connections, Noise and Yamux state of both sides included, as
 * all live in this JVM). The score is KiB per peer (single shot); the figure is also printed.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class PeersMemoryBenchmark {
  private static final int PEERS = 50;

  private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      memory.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Returns the heap held per peer in KiB (the single-shot time is the cost of connecting). */
  @Benchmark
  public double fiftyPeers() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    NettyHost hub = HostThroughputBenchmark.host(1);
    List<NettyHost> peers = new ArrayList<>();
    try {
      Multiaddr address = hub.listenAddresses().getFirst().withPeer(hub.localPeer());
      long before = usedHeapAfterGc(memory);
      for (int i = 0; i < PEERS; i++) {
        NettyHost peer = HostThroughputBenchmark.host(10 + i);
        peers.add(peer);
        Connection connection = peer.dial(address).get(30, TimeUnit.SECONDS);
        if (!connection.isOpen()) {
          throw new IllegalStateException("connection " + i + " closed");
        }
      }
      long after = usedHeapAfterGc(memory);
      double kibPerPeer = (after - before) / 1024.0 / PEERS;
      System.out.printf(
          "%n%d peers: heap %.1f MiB -> %.1f MiB, %.1f KiB per peer (both ends, host included)%n",
          PEERS, before / 1048576.0, after / 1048576.0, kibPerPeer);
      return kibPerPeer;
    } finally {
      peers.forEach(NettyHost::close);
      hub.close();
    }
  }
}
