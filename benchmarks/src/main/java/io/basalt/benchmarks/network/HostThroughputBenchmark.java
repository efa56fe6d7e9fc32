/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks.network;

import io.basalt.network.host.HostConfig;
import io.basalt.network.host.NettyHost;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.network.transport.Connection;
import io.basalt.network.transport.StreamListener;
import io.basalt.network.transport.Substream;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two {@link NettyHost}s on loopback with the whole libp2p stack (multistream-select, Noise XX with
 * ChaCha20-Poly1305, Yamux) and one negotiated substream: each operation is one MiB written by the
 * dialer and taken by the listener's handler, so the score in ops/s is MiB/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HostThroughputBenchmark {
  private static final int MIB = 1024 * 1024;
  private static final int MIB_PER_INVOCATION = 16;
  private static final String SINK = "/basalt/bench/sink/1";

  static Ed25519KeyPair key(int seed) {
    byte[] bytes = new byte[32];
    bytes[0] = (byte) seed;
    return Ed25519KeyPair.fromSeed(bytes);
  }

  static NettyHost host(int seed) {
    return NettyHost.start(
        HostConfig.of(
            key(seed),
            List.of(Multiaddr.ofTcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))),
            "bench/1"));
  }

  /** Two hosts and one open substream. */
  @State(Scope.Benchmark)
  public static class Pair {
    final Semaphore mebibytesReceived = new Semaphore(0);
    final byte[] chunk = new byte[MIB];
    NettyHost listener;
    NettyHost dialer;
    Substream stream;

    @Setup(Level.Trial)
    public void open() throws Exception {
      listener = host(1);
      dialer = host(2);
      AtomicLong received = new AtomicLong();
      listener.handle(
          SINK,
          substream ->
              substream.setListener(
                  new StreamListener() {
                    @Override
                    public void onData(byte[] bytes) {
                      long before = received.getAndAdd(bytes.length);
                      long whole = (before + bytes.length) / MIB - before / MIB;
                      if (whole > 0) {
                        mebibytesReceived.release((int) whole);
                      }
                    }

                    @Override
                    public void onRemoteClosed() {}

                    @Override
                    public void onReset() {}
                  }));
      Connection connection =
          dialer
              .dial(listener.listenAddresses().getFirst().withPeer(listener.localPeer()))
              .get(10, TimeUnit.SECONDS);
      stream = connection.openSubstream(List.of(SINK)).get(10, TimeUnit.SECONDS);
    }

    @TearDown(Level.Trial)
    public void close() {
      dialer.close();
      listener.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(MIB_PER_INVOCATION)
  public void noiseYamuxMebibytes(Pair pair) throws Exception {
    for (int i = 0; i < MIB_PER_INVOCATION; i++) {
      var unused = pair.stream.write(pair.chunk);
    }
    if (!pair.mebibytesReceived.tryAcquire(MIB_PER_INVOCATION, 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the listener did not receive 16 MiB within 60 s");
    }
  }
}
