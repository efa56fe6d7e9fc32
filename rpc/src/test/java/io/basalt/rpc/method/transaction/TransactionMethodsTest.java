/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.TransactionBlock;
import io.basalt.rpc.api.TransactionEvent;
import io.basalt.rpc.dispatch.RpcDispatcher;
import io.basalt.rpc.dispatch.RpcJson;
import io.basalt.rpc.golden.FakeBlocks;
import io.basalt.rpc.golden.FakeTransactionApi;
import io.basalt.rpc.golden.TestConnection;
import io.basalt.rpc.subscription.SubscriptionIds;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransactionMethodsTest {
  private final FakeTransactionApi pool = new FakeTransactionApi();
  private final RpcDispatcher dispatcher =
      RpcDispatcher.builder()
          .add(new TransactionMethods(pool, SubscriptionIds.sequential()))
          .build();
  private final TestConnection client = new TestConnection(dispatcher);

  @Test
  void watchesATransactionUntilItIsFinalized() {
    String watch = client.result("transactionWatch_v1_submitAndWatch", "0x0c040506").textValue();
    Hash256 block = FakeBlocks.hash("A2");
    pool.publish(new TransactionEvent.BestChainBlockIncluded(Optional.empty()));
    pool.publish(
        new TransactionEvent.BestChainBlockIncluded(Optional.of(new TransactionBlock(block, 1))));
    pool.publish(new TransactionEvent.Finalized(new TransactionBlock(block, 1)));
    assertThat(client.results())
        .containsExactly(
            json(Map.of("event", "validated")),
            RpcJson.MAPPER
                .createObjectNode()
                .put("event", "bestChainBlockIncluded")
                .putNull("block"),
            json(
                Map.of(
                    "event",
                    "bestChainBlockIncluded",
                    "block",
                    Map.of("hash", block.toHex(), "index", 1))),
            json(Map.of("event", "finalized", "block", Map.of("hash", block.toHex(), "index", 1))));
    assertThat(pool.closedWatches.get()).as("the final event ends the watch").isEqualTo(1);
    assertThat(client.result("transactionWatch_v1_unwatch", watch).booleanValue()).isFalse();
  }

  @Test
  void reportsARefusedTransactionAsOneInvalidEventAndABadFormatAsAnError() {
    client.result("transactionWatch_v1_submitAndWatch", "0xff00");
    assertThat(client.results())
        .containsExactly(
            json(
                Map.of(
                    "event", "invalid", "error", "Invalid transaction: Transaction is outdated")));
    assertThat(client.call("transactionWatch_v1_submitAndWatch", "0x").get("error"))
        .isEqualTo(
            json(
                Map.of("code", 1001, "message", "Extrinsic has invalid format: no length prefix")));
    assertThat(
            client
                .call("transactionWatch_v1_submitAndWatch", "0xzz")
                .get("error")
                .get("code")
                .asInt())
        .isEqualTo(-32602);
  }

  @Test
  void unwatchStopsTheEventsButNotTheTransaction() {
    String watch = client.result("transactionWatch_v1_submitAndWatch", "0x0c040506").textValue();
    assertThat(client.result("transactionWatch_v1_unwatch", watch).booleanValue()).isTrue();
    assertThat(pool.closedWatches.get()).isEqualTo(1);
  }

  @Test
  void broadcastsUpToSixteenTransactionsPerConnection() {
    for (int i = 0; i < TransactionMethods.MAX_BROADCASTS_PER_CONNECTION; i++) {
      assertThat(client.result("transaction_v1_broadcast", "0x0c040506").isTextual()).isTrue();
    }
    assertThat(client.result("transaction_v1_broadcast", "0x0c040506").isNull()).isTrue();
    TestConnection other = new TestConnection(dispatcher, () -> "other00000000001");
    assertThat(other.result("transaction_v1_broadcast", "0x0c040506").isTextual()).isTrue();
    pool.broadcastsDone.getFirst().run();
    assertThat(client.result("transaction_v1_broadcast", "0x0c040506").isTextual())
        .as("a finished broadcast frees its place")
        .isTrue();
  }

  @Test
  void stopsOnlyItsOwnBroadcasts() {
    String operation = client.result("transaction_v1_broadcast", "0x0c040506").textValue();
    TestConnection other = new TestConnection(dispatcher, () -> "other00000000001");
    assertThat(other.call("transaction_v1_stop", operation).get("error"))
        .isEqualTo(json(Map.of("code", -32602, "message", "Invalid operation id")));
    assertThat(client.result("transaction_v1_stop", operation).isNull()).isTrue();
    assertThat(pool.stoppedBroadcasts.get()).isEqualTo(1);
    assertThat(client.call("transaction_v1_stop", operation).has("error")).isTrue();
  }

  private static JsonNode json(Object value) {
    return RpcJson.MAPPER.valueToTree(value);
  }
}
