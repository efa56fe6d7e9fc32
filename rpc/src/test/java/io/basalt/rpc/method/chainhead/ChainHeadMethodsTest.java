/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.chainhead;

import static io.basalt.rpc.golden.FakeBlocks.hash;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.dispatch.RpcDispatcher;
import io.basalt.rpc.golden.FakeBlocks;
import io.basalt.rpc.golden.TestConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * chainHead_v1 over a connection without a socket, on the golden block tree: genesis, {@code A1}
 * finalized, {@code A2} best, {@code B2} a fork on {@code A1}. Tasks run on the calling thread, so
 * the events are checked in the order a client reads them.
 */
class ChainHeadMethodsTest {
  private static final ChainHeadLimits LIMITS = ChainHeadLimits.DEFAULT;

  private final FakeBlocks chain = FakeBlocks.golden();
  private final AtomicLong clock = new AtomicLong();

  private ChainHeadMethods methods = new ChainHeadMethods(chain, LIMITS, Runnable::run, clock::get);

  private TestConnection connect() {
    return new TestConnection(RpcDispatcher.builder().add(methods).build());
  }

  private static String hex(String block) {
    return hash(block).toHex();
  }

  private static String event(JsonNode result) {
    return result.get("event").textValue();
  }

  @Test
  void reportsTheHeadThenNewBlocksBestBlocksAndFinality() {
    TestConnection client = connect();
    String follow = client.result("chainHead_v1_follow", true).textValue();
    List<JsonNode> start = client.results();
    assertThat(start)
        .extracting(ChainHeadMethodsTest::event)
        .containsExactly("initialized", "newBlock", "newBlock", "bestBlockChanged");
    assertThat(start.get(0).get("finalizedBlockHashes").get(0).textValue()).isEqualTo(hex("A1"));
    assertThat(start.get(0).get("finalizedBlockRuntime").get("spec").get("specVersion").asLong())
        .isEqualTo(100);
    assertThat(start.get(1).get("blockHash").textValue()).isEqualTo(hex("A2"));
    assertThat(start.get(1).get("parentBlockHash").textValue()).isEqualTo(hex("A1"));
    assertThat(start.get(1).get("newRuntime").isNull()).isTrue();
    assertThat(start.get(2).get("blockHash").textValue()).isEqualTo(hex("B2"));
    assertThat(start.get(3).get("bestBlockHash").textValue()).isEqualTo(hex("A2"));

    chain.add("A3", "A2", true);
    chain.add("B3", "B2", false);
    chain.finalize(List.of("A2", "A3"), List.of("B2", "B3"), "A3");
    List<JsonNode> later = client.results();
    assertThat(later)
        .extracting(ChainHeadMethodsTest::event)
        .containsExactly("newBlock", "bestBlockChanged", "newBlock", "finalized");
    assertThat(later.get(3).get("finalizedBlockHashes"))
        .extracting(JsonNode::textValue)
        .containsExactly(hex("A2"), hex("A3"));
    assertThat(later.get(3).get("prunedBlockHashes"))
        .extracting(JsonNode::textValue)
        .containsExactly(hex("B2"), hex("B3"));
    assertThat(follow).hasSize(16);
  }

  @Test
  void reportsARuntimeChangeOnlyWhereItHappensAndNothingWithoutWithRuntime() {
    TestConnection client = connect();
    client.result("chainHead_v1_follow", true);
    TestConnection plain = connect();
    plain.result("chainHead_v1_follow", false);
    client.results();
    List<JsonNode> plainStart = plain.results();
    assertThat(plainStart.get(0).has("finalizedBlockRuntime")).isFalse();
    assertThat(plainStart.get(1).has("newRuntime")).isFalse();

    chain.add("A3", "A2", true, FakeBlocks.runtime(101));
    chain.add("A4", "A3", true);
    List<JsonNode> events = client.results();
    assertThat(events.get(0).get("newRuntime").get("type").textValue()).isEqualTo("valid");
    assertThat(events.get(0).get("newRuntime").get("spec").get("specVersion").asLong())
        .isEqualTo(101);
    assertThat(events.get(2).get("newRuntime").isNull()).isTrue();
    assertThat(plain.results()).allSatisfy(e -> assertThat(e.has("newRuntime")).isFalse());
  }

  @Test
  void movesTheBestBlockBeforeFinalizingAnotherFork() {
    chain.add("B3", "B2", true);
    TestConnection client = connect();
    client.result("chainHead_v1_follow", false);
    client.results();
    chain.finalize(List.of("A2"), List.of("B2", "B3"), "A2");
    List<JsonNode> events = client.results();
    assertThat(events)
        .extracting(ChainHeadMethodsTest::event)
        .containsExactly("bestBlockChanged", "finalized");
    assertThat(events.get(0).get("bestBlockHash").textValue()).isEqualTo(hex("A2"));
  }

  @Test
  void reportsABlockFinalizedBeforeItWasAnnounced() {
    TestConnection client = connect();
    client.result("chainHead_v1_follow", false);
    client.results();
    chain.finalize(List.of("A2"), List.of("B2"), "A2");
    assertThat(client.results())
        .extracting(ChainHeadMethodsTest::event)
        .containsExactly("finalized");
    assertThat(chain.followers()).isEqualTo(1);
  }

  @Test
  void readsPinnedBlocksThroughOperations() {
    TestConnection client = connect();
    String follow = client.result("chainHead_v1_follow", true).textValue();
    client.results();

    assertThat(client.result("chainHead_v1_header", follow, hex("A2")).textValue())
        .isEqualTo(chain.header(hash("A2")).orElseThrow().toHex());
    JsonNode body = client.result("chainHead_v1_body", follow, hex("A2"));
    assertThat(body.get("result").textValue()).isEqualTo("started");
    JsonNode bodyDone = client.results().getFirst();
    assertThat(event(bodyDone)).isEqualTo("operationBodyDone");
    assertThat(bodyDone.get("operationId")).isEqualTo(body.get("operationId"));
    assertThat(bodyDone.get("value").get(0).textValue()).isEqualTo("0x0c044132");

    client.result("chainHead_v1_call", follow, hex("A1"), "Core_version", "0x");
    JsonNode done = client.results().getFirst();
    assertThat(event(done)).isEqualTo("operationCallDone");
    assertThat(done.get("output").textValue()).isEqualTo("0x64000000");
    client.result("chainHead_v1_call", follow, hex("A1"), "Nope_nope", "");
    JsonNode failed = client.results().getFirst();
    assertThat(event(failed)).isEqualTo("operationError");
    assertThat(failed.get("error").textValue()).contains("Nope_nope");
  }

  @Test
  void answersTheSpecErrorsForBadRequests() {
    TestConnection client = connect();
    String follow = client.result("chainHead_v1_follow", false).textValue();
    client.results();
    assertThat(
            client
                .call("chainHead_v1_header", follow, hex("nowhere"))
                .get("error")
                .get("code")
                .asInt())
        .isEqualTo(-32801);
    assertThat(
            client
                .call("chainHead_v1_body", follow, hex("genesis"))
                .get("error")
                .get("code")
                .asInt())
        .as("below the finalized block: never reported")
        .isEqualTo(-32801);
    assertThat(
            client.call("chainHead_v1_call", follow, hex("A2"), "Core_version", "0x").get("error"))
        .isEqualTo(
            json(
                Map.of(
                    "code",
                    -32802,
                    "message",
                    "The `chainHead_follow` subscription was started with `withRuntime` set to `false`")));
    assertThat(
            client
                .call("chainHead_v1_unpin", follow, List.of(hex("A2"), hex("A2")))
                .get("error")
                .get("code")
                .asInt())
        .isEqualTo(-32804);
    assertThat(
            client
                .call("chainHead_v1_unpin", follow, List.of(hex("A2"), hex("nowhere")))
                .get("error")
                .get("code")
                .asInt())
        .isEqualTo(-32801);
    assertThat(client.result("chainHead_v1_header", follow, hex("A2")).isNull())
        .as("a failed unpin unpins nothing")
        .isFalse();
    client.result("chainHead_v1_unpin", follow, hex("A2"));
    assertThat(
            client.call("chainHead_v1_header", follow, hex("A2")).get("error").get("code").asInt())
        .isEqualTo(-32801);
    assertThat(client.call("chainHead_v1_continue", follow, "7").get("result").isNull()).isTrue();
    assertThat(methods.pinnedBlocks()).isEqualTo(2);
  }

  @Test
  void ignoresAFollowSubscriptionOfAnotherConnection() {
    TestConnection owner = connect();
    String follow = owner.result("chainHead_v1_follow", false).textValue();
    TestConnection other =
        new TestConnection(RpcDispatcher.builder().add(methods).build(), () -> "other0000000001");
    assertThat(other.result("chainHead_v1_header", follow, hex("A2")).isNull()).isTrue();
    assertThat(other.result("chainHead_v1_body", follow, hex("A2")).get("result").textValue())
        .isEqualTo("limitReached");
    other.result("chainHead_v1_unpin", follow, hex("A2"));
    assertThat(owner.result("chainHead_v1_header", follow, hex("A2")).isNull()).isFalse();
  }

  @Test
  void pagesDescendantsFiveAtATimeUntilContinued() {
    TestConnection client = connect();
    String follow = client.result("chainHead_v1_follow", false).textValue();
    client.results();
    JsonNode started =
        client.result(
            "chainHead_v1_storage",
            follow,
            hex("A1"),
            List.of(
                Map.of("key", "0x01", "type", "value"),
                Map.of("key", "0x01", "type", "hash"),
                Map.of("key", "0x02", "type", "descendantsValues"),
                Map.of("key", "0x09", "type", "value")),
            null);
    assertThat(started.get("discardedItems").asInt()).isZero();
    String operation = started.get("operationId").textValue();
    List<JsonNode> first = client.results();
    assertThat(first)
        .extracting(ChainHeadMethodsTest::event)
        .containsExactly(
            "operationStorageItems", "operationStorageItems", "operationWaitingForContinue");
    assertThat(first.get(0).get("items").get(0).get("value").textValue()).isEqualTo("0xaa");
    assertThat(first.get(0).get("items").get(1).get("hash").textValue()).hasSize(66);
    assertThat(first.get(1).get("items")).hasSize(5);
    assertThat(first.get(1).get("items").get(2).get("value").textValue())
        .as("A1 set 0x0203 to 0x33")
        .isEqualTo("0x33");

    assertThat(client.result("chainHead_v1_continue", follow, operation).isNull()).isTrue();
    List<JsonNode> rest = client.results();
    assertThat(rest)
        .extracting(ChainHeadMethodsTest::event)
        .containsExactly("operationStorageItems", "operationStorageDone");
    assertThat(rest.get(0).get("items"))
        .extracting(i -> i.get("key").textValue())
        .containsExactly("0x0207");
    assertThat(client.call("chainHead_v1_continue", follow, "99").get("result").isNull()).isTrue();
  }

  @Test
  void stopsAWaitingOperationAndRefusesContinueBeforeItWaits() {
    TestConnection client = connect();
    String follow = client.result("chainHead_v1_follow", false).textValue();
    client.results();
    String operation =
        client
            .result(
                "chainHead_v1_storage",
                follow,
                hex("A1"),
                List.of(Map.of("key", "0x02", "type", "descendantsHashes")),
                null)
            .get("operationId")
            .textValue();
    assertThat(client.results())
        .extracting(ChainHeadMethodsTest::event)
        .last()
        .isEqualTo("operationWaitingForContinue");
    client.result("chainHead_v1_stopOperation", follow, operation);
    assertThat(client.result("chainHead_v1_continue", follow, operation).isNull()).isTrue();
    assertThat(client.results()).isEmpty();
  }

  @Test
  void holdsAtMostSixteenOperationSlotsAndDiscardsTheItemsBeyond() {
    TestConnection client = connect();
    String follow = client.result("chainHead_v1_follow", false).textValue();
    client.results();
    List<Map<String, String>> many =
        java.util.stream.IntStream.range(0, 15)
            .mapToObj(i -> Map.of("key", "0x02", "type", "descendantsValues"))
            .toList();
    JsonNode first = client.result("chainHead_v1_storage", follow, hex("A1"), many, null);
    assertThat(first.get("discardedItems").asInt()).isZero();
    JsonNode second =
        client.result(
            "chainHead_v1_storage",
            follow,
            hex("A1"),
            List.of(
                Map.of("key", "0x02", "type", "descendantsValues"),
                Map.of("key", "0x01", "type", "value")),
            null);
    assertThat(second.get("discardedItems").asInt()).isEqualTo(1);
    assertThat(client.result("chainHead_v1_body", follow, hex("A1")).get("result").textValue())
        .isEqualTo("limitReached");
    client.result("chainHead_v1_stopOperation", follow, first.get("operationId").textValue());
    assertThat(client.result("chainHead_v1_body", follow, hex("A1")).get("result").textValue())
        .isEqualTo("started");
  }

  @Test
  void refusesAFifthFollowOnOneConnection() {
    TestConnection client = connect();
    for (int i = 0; i < 4; i++) {
      client.result("chainHead_v1_follow", false);
    }
    assertThat(client.call("chainHead_v1_follow", false).get("error"))
        .isEqualTo(
            json(
                Map.of(
                    "code",
                    -32800,
                    "message",
                    "Maximum number of chainHead_follow has been reached")));
    assertThat(connect().call("chainHead_v1_follow", false).has("result")).isTrue();
  }

  @Test
  void unfollowReleasesPinsAndStopsEvents() {
    TestConnection client = connect();
    String follow = client.result("chainHead_v1_follow", false).textValue();
    assertThat(methods.pinnedBlocks()).isEqualTo(3);
    assertThat(client.result("chainHead_v1_unfollow", follow).booleanValue()).isTrue();
    assertThat(methods.pinnedBlocks()).isZero();
    assertThat(chain.followers()).isZero();
    client.results();
    chain.add("A3", "A2", true);
    assertThat(client.results()).isEmpty();
    assertThat(client.result("chainHead_v1_header", follow, hex("A2")).isNull()).isTrue();
  }

  @Test
  void stopsASubscriptionWhoseClientDoesNotRead() {
    methods =
        new ChainHeadMethods(
            chain,
            new ChainHeadLimits(512, Duration.ofSeconds(60), 16, 128, 4, 3, 5),
            Runnable::run,
            clock::get);
    TestConnection client = connect();
    client.reading(false);
    client.result("chainHead_v1_follow", false);
    client.reading(true);
    assertThat(client.results())
        .extracting(ChainHeadMethodsTest::event)
        .containsExactly("initialized", "newBlock", "newBlock", "stop");
    assertThat(methods.pinnedBlocks()).isZero();
    assertThat(chain.followers()).isZero();
  }

  @Test
  void stopsEveryFollowWhenALeafIsTooFarAboveTheFinalizedBlock() {
    methods =
        new ChainHeadMethods(
            chain,
            new ChainHeadLimits(512, Duration.ofSeconds(60), 16, 1, 4, 512, 5),
            Runnable::run,
            clock::get);
    TestConnection client = connect();
    client.result("chainHead_v1_follow", false);
    client.results();
    chain.add("A3", "A2", true);
    TestConnection late = connect();
    late.result("chainHead_v1_follow", false);
    assertThat(late.results()).extracting(ChainHeadMethodsTest::event).containsExactly("stop");
    assertThat(client.results()).extracting(ChainHeadMethodsTest::event).last().isEqualTo("stop");
  }

  @Test
  void makesRoomForPinsByStoppingSubscriptionsThatPinnedTooLong() {
    methods =
        new ChainHeadMethods(
            chain,
            new ChainHeadLimits(4, Duration.ofSeconds(60), 16, 128, 4, 512, 5),
            Runnable::run,
            clock::get);
    TestConnection old = connect();
    old.result("chainHead_v1_follow", false);
    clock.set(Duration.ofSeconds(61).toNanos());
    TestConnection fresh = connect();
    String follow = fresh.result("chainHead_v1_follow", false).textValue();
    fresh.result("chainHead_v1_unpin", follow, hex("B2"));
    old.results();
    fresh.results();

    chain.add("A3", "A2", true);
    assertThat(methods.pinnedBlocks()).isEqualTo(4);
    chain.add("A4", "A3", true);
    assertThat(old.results())
        .extracting(ChainHeadMethodsTest::event)
        .containsExactly("newBlock", "bestBlockChanged", "stop");
    assertThat(fresh.results())
        .extracting(ChainHeadMethodsTest::event)
        .containsExactly("newBlock", "bestBlockChanged", "newBlock", "bestBlockChanged");
    assertThat(methods.pinnedBlocks()).isEqualTo(4);
  }

  @Test
  void stopsEverySubscriptionWhenNoneHasPinnedTooLong() {
    methods =
        new ChainHeadMethods(
            chain,
            new ChainHeadLimits(3, Duration.ofSeconds(60), 16, 128, 4, 512, 5),
            Runnable::run,
            clock::get);
    TestConnection client = connect();
    client.result("chainHead_v1_follow", false);
    client.results();
    chain.add("A3", "A2", true);
    assertThat(client.results()).extracting(ChainHeadMethodsTest::event).containsExactly("stop");
    assertThat(methods.pinnedBlocks()).isZero();
  }

  private static JsonNode json(Object value) {
    return io.basalt.rpc.dispatch.RpcJson.MAPPER.valueToTree(value);
  }

  @SuppressWarnings("unused")
  private static Hash256 unused() {
    return hash("x");
  }
}
