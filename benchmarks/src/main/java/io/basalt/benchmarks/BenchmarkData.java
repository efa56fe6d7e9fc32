/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

/**
 * Inputs shared by the benchmarks: real chain specs from the fixtures, random entries and signed
 * basalt-demo transfers.
 */
final class BenchmarkData {
  private BenchmarkData() {}

  /**
   * The shared fixtures folder: {@code -Dbasalt.fixtures}, {@code BASALT_FIXTURES}, or {@code
   * ../shared/fixtures} from the working directory.
   */
  static Path fixtures() {
    String configured = System.getProperty("basalt.fixtures", System.getenv("BASALT_FIXTURES"));
    Path root = configured == null ? Path.of("../shared/fixtures") : Path.of(configured);
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(
          "shared fixtures not found at "
              + root.toAbsolutePath().normalize()
              + "; set BASALT_FIXTURES (bin/bench does)");
    }
    return root;
  }

  /** {@code genesis.raw.top} of a chain spec under {@code chainspecs/}. */
  static NavigableMap<Bytes, Bytes> genesisTop(String specFile) {
    Path file = fixtures().resolve("chainspecs").resolve(specFile);
    try {
      JsonNode top =
          new ObjectMapper().readTree(file.toFile()).path("genesis").path("raw").path("top");
      NavigableMap<Bytes, Bytes> map = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : top.properties()) {
        map.put(Bytes.fromHex(e.getKey()), Bytes.fromHex(e.getValue().asText()));
      }
      if (map.isEmpty()) {
        throw new IllegalStateException(file + " has no genesis.raw.top entries");
      }
      return map;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code size} entries with random 32-byte keys and 8..72-byte values. */
  static NavigableMap<Bytes, Bytes> randomEntries(int size, long seed) {
    Random random = new Random(seed);
    NavigableMap<Bytes, Bytes> map = new TreeMap<>();
    while (map.size() < size) {
      map.put(randomKey(random), randomValue(random));
    }
    return map;
  }

  static Bytes randomKey(Random random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return Bytes.wrap(key);
  }

  static Bytes randomValue(Random random) {
    byte[] value = new byte[8 + random.nextInt(65)];
    random.nextBytes(value);
    return Bytes.wrap(value);
  }

  /**
   * {@code count} sr25519-signed basalt-demo (spec 100) {@code transfer_keep_alive}s of one unit
   * (10^12) each, the dev accounts sending in turn to the next one, nonces from 0: all of them fit
   * one block on a chain with genesis {@code genesisHash}.
   */
  static List<Bytes> demoTransfers(int count, Hash256 genesisHash) {
    ExtrinsicFactory xts = new ExtrinsicFactory(100, genesisHash);
    List<KeyPair> senders = DevAccounts.NAMES.stream().map(DevAccounts::sr25519).toList();
    List<Bytes> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      KeyPair from = senders.get(i % senders.size());
      KeyPair to = senders.get((i + 1) % senders.size());
      RuntimeCall call =
          new RuntimeCall.TransferKeepAlive(
              MultiAddress.id(DevAccounts.account(to)), BigInteger.TEN.pow(12));
      out.add(xts.signed(from, call, i / senders.size()).encoded());
    }
    return out;
  }
}
