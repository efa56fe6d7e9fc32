/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.storage.StorageKeys;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded random blocks of transfers, remarks, template and sudo calls: every block re-executes to
 * the same state, and {@code TotalIssuance = Σ free} with every account at or above the ED.
 */
class WasmRandomBlocksTest {
  private static final BigInteger ED = BigInteger.TEN.pow(9);
  private static final long[] SEEDS = {1, 2, 3};

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void randomBlocksReExecuteAndKeepTheBalanceInvariants(WasmExecutionMethod m) {
    List<KeyPair> keys = new ArrayList<>();
    for (String name :
        List.of("Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie", "X1", "X2", "X3")) {
      keys.add(WasmBlockTest.sr25519("//" + name));
    }
    int succeeded = 0;
    int failed = 0;
    for (long seed : SEEDS) {
      SplittableRandom random = new SplittableRandom(seed);
      SteppedChain chain =
          SteppedChain.genesis(
              WasmCode.executor(m),
              WasmCode.compressed(100).toArray(),
              Genesis.development("null"));
      SteppedChain replay = chain.fork();
      long time = 1_700_000_000_000L;
      for (int b = 0; b < 4; b++) {
        Map<Bytes, Long> nonces = new HashMap<>();
        List<byte[]> txs = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
          KeyPair signer = keys.get(random.nextInt(keys.size()));
          long nonce =
              nonces.computeIfAbsent(
                  signer.accountId(),
                  who ->
                      new ScaleReader(chain.query("AccountNonceApi_account_nonce", who.toArray()))
                          .readU32AsLong());
          nonces.put(signer.accountId(), nonce + 1);
          txs.add(
              Tx.signed(
                  signer,
                  randomCall(random, keys),
                  Tx.Signing.immortal(nonce, 100, chain.genesisHash())));
        }
        time += 1 + random.nextInt(10_000);
        SteppedChain.BuiltBlock block = chain.build(time, txs);
        for (byte[] result : block.results().subList(1, block.results().size())) {
          if (result[0] == 0 && result[1] == 0) {
            succeeded++;
          } else if (result[0] == 0) {
            failed++;
          }
        }
        replay.execute(block);
        assertThat(replay.state())
            .as("seed %d block %d re-executes", seed, b + 1)
            .isEqualTo(chain.state());
        assertBalanceInvariants(chain, "seed " + seed + " block " + (b + 1));
      }
    }
    assertThat(succeeded).as("successful dispatches").isGreaterThan(20);
    assertThat(failed).as("failed dispatches").isGreaterThan(5);
  }

  private static byte[] randomCall(SplittableRandom random, List<KeyPair> keys) {
    Bytes dest = keys.get(random.nextInt(keys.size())).accountId();
    BigInteger amount =
        switch (random.nextInt(4)) {
          case 0 -> BigInteger.valueOf(random.nextLong(2 * ED.longValueExact()));
          case 1 -> Tx.UNIT.multiply(BigInteger.valueOf(random.nextInt(1000)));
          case 2 -> BigInteger.ONE.shiftLeft(59 + random.nextInt(3));
          default -> BigInteger.ZERO;
        };
    return switch (random.nextInt(7)) {
      case 0 -> Tx.transferAllowDeath(dest, amount);
      case 1 -> Tx.transferKeepAlive(dest, amount);
      case 2 -> Tx.transferAll(dest, random.nextBoolean());
      case 3 -> Tx.remarkWithEvent(new byte[random.nextInt(40)]);
      case 4 -> Tx.setValue(random.nextInt());
      case 5 -> Tx.sudo(Tx.setValue(random.nextInt()));
      default ->
          Tx.sudo(
              new ScaleWriter()
                  .writeU8(2)
                  .writeU8(2)
                  .writeRaw(Tx.id(keys.get(random.nextInt(keys.size())).accountId()))
                  .writeRaw(Tx.id(dest))
                  .writeCompact(amount)
                  .toByteArray());
    };
  }

  private static void assertBalanceInvariants(SteppedChain chain, String where) {
    Bytes prefix = StorageKeys.plain("System", "Account");
    BigInteger total = BigInteger.ZERO;
    for (Map.Entry<Bytes, Bytes> e : chain.state().tailMap(prefix).entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        break;
      }
      BigInteger free = new ScaleReader(e.getValue().slice(16, 32)).readU128();
      assertThat(free).as("%s: free of %s", where, e.getKey()).isGreaterThanOrEqualTo(ED);
      total = total.add(free);
    }
    assertThat(
            new ScaleReader(chain.state().get(StorageKeys.plain("Balances", "TotalIssuance")))
                .readU128())
        .as("%s: total issuance", where)
        .isEqualTo(total);
  }
}
