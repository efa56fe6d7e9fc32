/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.node.NodeCli;
import io.basalt.node.NodeProcess;
import io.basalt.node.importer.FixtureBlocks;
import io.basalt.node.importer.TestCaches;
import io.basalt.node.rpc.HttpRpcClient;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.ss58.Ss58;
import io.basalt.primitives.crypto.ss58.Ss58AddressFormat;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.primitives.types.StateVersion;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.storage.StorageKeys;
import io.basalt.storage.trie.TrieRoot;
import io.basalt.testsupport.Fixtures;
import io.basalt.testsupport.RandomCases;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments, then a recovery check. Of {@code import-blocks} and of genesis
 * creation: the database opens, the import resumes to the same best hash and a byte-identical
 * export, genesis is the spec's (20 trials). Of a dev node producing blocks while a feeder keeps
 * its pool busy with signed transfers over RPC: every restart opens, the best block last seen over
 * RPC is there with a state whose trie root recomputes to its header's, and blocks follow (30
 * trials). {@code -Dbasalt.killTrials=100} is the long run ({@code node/README.md}). The moments
 * come from {@link RandomCases#seed()}.
 */
class KillNineIT {
  private static final int TRIALS = Integer.getInteger("basalt.killTrials", 20);
  private static final int PRODUCTION_TRIALS = Integer.getInteger("basalt.killTrials", 30);
  private static final int BLOCKS = 64;
  private static final String KUSAMA_GENESIS =
      "0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe";
  private static final String GENESIS_DONE = "🔨 Initializing Genesis block/state";
  private static final Duration START = Duration.ofSeconds(60);
  private static final long DEV_SPEC_VERSION = 100;
  // The dev node's lives are seconds long: C1 alone halves their start on a busy machine.
  private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1");
  private static final BigInteger TRANSFER = BigInteger.TEN.pow(9);
  private static final Bytes ALICE_ACCOUNT =
      StorageKeys.mapEntry("System", "Account", DevAccounts.aliceId().bytes());

  @Test
  void killNineAtRandomMomentsOfImportAndGenesisAlwaysRecovers(@TempDir Path dir) throws Exception {
    String westend = Fixtures.file("chainspecs/westend.json").toString();
    String kusama = Fixtures.file("chainspecs/kusama.json").toString();
    List<SignedBlock> blocks = FixtureBlocks.westend().subList(0, BLOCKS);
    byte[] exported = FixtureBlocks.binaryExport(blocks);
    Path file = Files.write(dir.resolve("blocks.bin"), exported);
    String lastHash = blocks.getLast().block().hash().toHex();

    SplittableRandom random = new SplittableRandom(RandomCases.seed());
    int genesisTrials = 0;
    int killedBeforeGenesisDone = 0;
    int importTrials = 0;
    int killedMidImport = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      Path base = dir.resolve("base-" + trial);
      Path log = dir.resolve("log-" + trial);
      boolean genesis = random.nextInt(3) == 0;
      String what = (genesis ? "genesis" : "import") + " trial " + trial;
      Process node;
      if (genesis) {
        genesisTrials++;
        node = NodeProcess.start(log, "--chain", kusama, "-d", base.toString());
        // Kusama's genesis is built and committed within about half a second of this line.
        NodeProcess.awaitLine(node, log, "👤 Role: FULL", START);
        Thread.sleep(random.nextInt(400));
      } else {
        importTrials++;
        node =
            NodeProcess.start(
                log,
                "import-blocks",
                "--chain",
                westend,
                "-d",
                base.toString(),
                "--wasm-execution",
                "interpreted-i-know-what-i-do",
                "--binary",
                file.toString());
        if (random.nextBoolean()) {
          NodeProcess.awaitLine(node, log, "✨ Imported #1 ", START);
          Thread.sleep(random.nextInt(1200));
        } else {
          Thread.sleep(random.nextInt(2500));
        }
      }
      node.destroyForcibly(); // SIGKILL: no hook, no cleanup
      assertThat(node.waitFor(30, TimeUnit.SECONDS)).as(what).isTrue();
      String output = NodeProcess.read(log);

      if (genesis) {
        if (!output.contains(GENESIS_DONE)) {
          killedBeforeGenesisDone++;
        }
        JsonNode info = chainInfo(kusama, base, what);
        assertThat(info.get("genesis_hash").asText()).as(what).isEqualTo(KUSAMA_GENESIS);
        continue;
      }
      if (Files.exists(base.resolve("chains"))) {
        long best = chainInfo(westend, base, what).get("best_number").asLong();
        if (best > 0 && best < BLOCKS) {
          killedMidImport++;
        }
      }
      NodeCli resumed =
          NodeCli.run(
              "import-blocks",
              "--chain",
              westend,
              "-d",
              base.toString(),
              "--wasm-cache-dir",
              TestCaches.wasmCache().toString(),
              "--binary",
              file.toString());
      assertThat(resumed.exitCode()).as("%s: %s\n%s", what, resumed.err(), output).isZero();
      assertThat(chainInfo(westend, base, what).get("best_hash").asText())
          .as(what)
          .isEqualTo(lastHash);
      Path export = dir.resolve("export-" + trial);
      NodeCli exportRun =
          NodeCli.run(
              "export-blocks",
              "--chain",
              westend,
              "-d",
              base.toString(),
              "--binary",
              export.toString());
      assertThat(exportRun.exitCode()).as(exportRun.err()).isZero();
      assertThat(Files.readAllBytes(export)).as(what).isEqualTo(exported);
    }
    System.out.printf(
        "kill -9: %d trials, all recovered: %d during genesis (%d before it was committed), %d"
            + " during import-blocks (%d in the middle of the blocks)%n",
        TRIALS, genesisTrials, killedBeforeGenesisDone, importTrials, killedMidImport);
    if (TRIALS >= 10) {
      assertThat(killedMidImport)
          .as("kills that landed between blocks #1 and #%d", BLOCKS)
          .isPositive();
      assertThat(killedBeforeGenesisDone).as("kills before genesis was committed").isPositive();
    }
  }

  @Test
  void killNineAtRandomMomentsOfBlockProductionWithABusyPoolAlwaysRecovers(@TempDir Path dir)
      throws Exception {
    long seed = RandomCases.seed();
    SplittableRandom random = new SplittableRandom(seed);
    Path base = dir.resolve("base");
    Optional<BlockSeen> seen = Optional.empty();
    Optional<Hash256> genesis = Optional.empty();
    int killedStarting = 0;
    int killedProducing = 0;
    int killedWithPendingTransactions = 0;
    long accepted = 0;
    // One base path, one life per trial: each start checks what the previous kill left.
    for (int life = 0; life <= PRODUCTION_TRIALS; life++) {
      String what = "life " + life + " (seed " + seed + ")";
      String consensus =
          random.nextBoolean() ? "instant-seal" : "manual-seal-" + (20 + random.nextInt(200));
      Path log = dir.resolve("dev-log-" + life);
      Process node =
          NodeProcess.start(
              List.of(),
              QUICK_START,
              log,
              "--dev",
              "-d",
              base.toString(),
              "--consensus",
              consensus,
              "--rpc-port",
              "0",
              "--no-prometheus");
      try {
        if (life > 0 && life < PRODUCTION_TRIALS && random.nextInt(5) == 0) {
          // While it starts: opening the database and the runtime, starting RPC and the sealer.
          Thread.sleep(random.nextInt(4000));
          killNine(node, what);
          killedStarting++;
          continue;
        }
        HttpRpcClient rpc = new HttpRpcClient(NodeProcess.awaitRpcPort(node, log, START));
        Hash256 first = Hash256.fromHex(rpc.result("chain_getBlockHash", 0).asText());
        assertThat(genesis.orElse(first)).as(what).isEqualTo(first);
        genesis = Optional.of(first);
        BlockSeen restarted = assertRecovered(rpc, seen, what);
        if (life == PRODUCTION_TRIALS) {
          node.destroy(); // SIGTERM
          assertThat(node.waitFor(30, TimeUnit.SECONDS)).as(what).isTrue();
          assertThat(node.exitValue()).as("%s\n%s", what, NodeProcess.read(log)).isZero();
          break;
        }
        Feeder feeder = new Feeder(rpc, new ExtrinsicFactory(DEV_SPEC_VERSION, first));
        Thread feeding = Thread.ofPlatform().daemon(true).start(feeder);
        seen = Optional.of(awaitBlockAfter(rpc, restarted, what)); // the chain goes on
        Instant killAt = Instant.now().plusMillis(random.nextInt(2000));
        int pending = 0;
        while (Instant.now().isBefore(killAt)) {
          pending = rpc.result("author_pendingExtrinsics").size();
          seen = Optional.of(best(rpc));
          Thread.sleep(5);
        }
        killNine(node, what);
        feeder.stop();
        feeding.join(Duration.ofSeconds(30));
        killedProducing++;
        if (pending > 0) {
          killedWithPendingTransactions++;
        }
        accepted += feeder.accepted();
        assertThat(NodeProcess.read(log)).as(what).doesNotContain(" ERROR ");
      } finally {
        node.destroyForcibly(); // a no-op unless an assertion failed while it ran
      }
    }
    System.out.printf(
        "kill -9 while producing blocks (seed %d): %d trials, all recovered: %d while starting, %d"
            + " while producing (%d with transactions pending); %d transfers accepted; best"
            + " #%d%n",
        seed,
        PRODUCTION_TRIALS,
        killedStarting,
        killedProducing,
        killedWithPendingTransactions,
        accepted,
        seen.map(BlockSeen::number).orElse(0L));
    assertThat(accepted).as("transfers the pool accepted").isPositive();
    if (PRODUCTION_TRIALS >= 10) {
      assertThat(killedWithPendingTransactions).as("kills with a busy pool").isPositive();
      assertThat(killedStarting).as("kills while the node was starting").isPositive();
    }
  }

  /** A block as seen over RPC. */
  private record BlockSeen(long number, Hash256 hash) {}

  private static void killNine(Process node, String what) throws InterruptedException {
    node.destroyForcibly(); // SIGKILL: no hook, no cleanup
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).as(what).isTrue();
    assertThat(node.exitValue()).as(what).isEqualTo(137);
  }

  private static BlockSeen best(HttpRpcClient rpc) throws Exception {
    Hash256 hash = Hash256.fromHex(rpc.result("chain_getBlockHash").asText());
    return new BlockSeen(number(rpc.result("chain_getHeader", hash)), hash);
  }

  private static long number(JsonNode header) {
    return Long.decode(header.get("number").asText());
  }

  private static BlockSeen awaitBlockAfter(HttpRpcClient rpc, BlockSeen after, String what)
      throws Exception {
    Instant deadline = Instant.now().plus(START);
    while (Instant.now().isBefore(deadline)) {
      BlockSeen best = best(rpc);
      if (best.number() > after.number()) {
        return best;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(what + ": no block after #" + after.number() + " within " + START);
  }

  /**
   * The node's best block after a restart, having checked that the block seen before the kill is on
   * the chain, the headers between it and the best link up, and both states are whole.
   */
  private static BlockSeen assertRecovered(HttpRpcClient rpc, Optional<BlockSeen> seen, String what)
      throws Exception {
    BlockSeen best = best(rpc);
    if (seen.isPresent()) {
      BlockSeen before = seen.get();
      assertThat(rpc.result("chain_getBlockHash", before.number()).asText())
          .as("%s: the best block seen before the kill, #%d", what, before.number())
          .isEqualTo(before.hash().toHex());
      assertThat(best.number()).as(what).isGreaterThanOrEqualTo(before.number());
      for (long n = before.number() + 1; n <= best.number(); n++) {
        JsonNode header = rpc.result("chain_getHeader", rpc.result("chain_getBlockHash", n));
        assertThat(number(header)).as(what).isEqualTo(n);
        assertThat(header.get("parentHash").asText())
            .as("%s: the parent of #%d", what, n)
            .isEqualTo(rpc.result("chain_getBlockHash", n - 1).asText());
      }
      assertStateIntact(rpc, before.hash(), what);
    }
    assertStateIntact(rpc, best.hash(), what);
    return best;
  }

  /** The whole state at a block, read over RPC, has the trie root its header names. */
  private static void assertStateIntact(HttpRpcClient rpc, Hash256 block, String what)
      throws Exception {
    Hash256 stateRoot =
        Hash256.fromHex(rpc.result("chain_getHeader", block).get("stateRoot").asText());
    StateVersion version =
        StateVersion.fromNumber(
            rpc.result("state_getRuntimeVersion", block).get("stateVersion").asInt());
    NavigableMap<Bytes, Bytes> state = new TreeMap<>();
    for (JsonNode pair : rpc.result("state_getPairs", "0x", block)) {
      state.put(Bytes.fromHex(pair.get(0).asText()), Bytes.fromHex(pair.get(1).asText()));
    }
    assertThat(TrieRoot.of(state, version))
        .as("%s: the state root of %s recomputed from its %d pairs", what, block, state.size())
        .isEqualTo(stateRoot);
    assertThat(rpc.result("state_getStorage", ALICE_ACCOUNT, block).asText())
        .as(what)
        .isEqualTo(state.get(ALICE_ACCOUNT).toHex());
  }

  /**
   * Submits signed transfers around the dev accounts over RPC as fast as the node answers, each
   * account's nonces in sequence (asking the node again after a refusal), until stopped or the node
   * is gone.
   */
  private static final class Feeder implements Runnable {
    private final HttpRpcClient rpc;
    private final ExtrinsicFactory xts;
    private final AtomicLong accepted = new AtomicLong();
    private volatile boolean stopped;

    Feeder(HttpRpcClient rpc, ExtrinsicFactory xts) {
      this.rpc = rpc;
      this.xts = xts;
    }

    @Override
    public void run() {
      List<String> names = DevAccounts.NAMES;
      long[] next = new long[names.size()];
      try {
        for (int i = 0; i < names.size(); i++) {
          next[i] = nextIndex(names.get(i));
        }
        for (int k = 0; !stopped; k++) {
          int from = k % names.size();
          KeyPair signer = DevAccounts.sr25519(names.get(from));
          AccountId to =
              DevAccounts.account(DevAccounts.sr25519(names.get((k + 1) % names.size())));
          Bytes transfer =
              xts.signed(
                      signer,
                      new RuntimeCall.TransferKeepAlive(MultiAddress.id(to), TRANSFER),
                      next[from])
                  .encoded();
          if (rpc.call("author_submitExtrinsic", transfer).has("error")) {
            next[from] = nextIndex(names.get(from));
          } else {
            accepted.incrementAndGet();
            next[from]++;
          }
        }
      } catch (IOException e) {
        // The node was killed: this life is over.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private long nextIndex(String name) throws IOException, InterruptedException {
      String address =
          Ss58.encode(
              DevAccounts.account(DevAccounts.sr25519(name)).bytes(), Ss58AddressFormat.SUBSTRATE);
      return rpc.result("system_accountNextIndex", address).asLong();
    }

    void stop() {
      stopped = true;
    }

    long accepted() {
      return accepted.get();
    }
  }

  private static JsonNode chainInfo(String spec, Path base, String what) throws Exception {
    NodeCli info = NodeCli.run("chain-info", "--chain", spec, "-d", base.toString());
    assertThat(info.exitCode()).as("%s: %s", what, info.err()).isZero();
    return new ObjectMapper().readTree(info.out());
  }
}
