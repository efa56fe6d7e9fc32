/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.rpc.dispatch.CallContext;
import io.basalt.rpc.dispatch.RpcDispatcher;
import io.basalt.rpc.dispatch.RpcJson;
import io.basalt.rpc.method.archive.ArchiveMethods;
import io.basalt.rpc.method.author.AuthorMethods;
import io.basalt.rpc.method.chain.ChainMethods;
import io.basalt.rpc.method.chainhead.ChainHeadLimits;
import io.basalt.rpc.method.chainhead.ChainHeadMethods;
import io.basalt.rpc.method.chainspec.ChainSpecMethods;
import io.basalt.rpc.method.dev.DevMethods;
import io.basalt.rpc.method.engine.EngineMethods;
import io.basalt.rpc.method.offchain.OffchainMethods;
import io.basalt.rpc.method.payment.PaymentMethods;
import io.basalt.rpc.method.state.ChildStateMethods;
import io.basalt.rpc.method.state.StateMethods;
import io.basalt.rpc.method.system.SystemMethods;
import io.basalt.rpc.method.transaction.TransactionMethods;
import io.basalt.rpc.subscription.Outbox;
import io.basalt.rpc.subscription.SubscriptionIds;
import io.basalt.rpc.subscription.SubscriptionManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every {@code src/test/resources/rpc/<namespace>/*.json} case against the dispatcher with
 * fake facades (Besu's spec tests). A case is {@code {"request": …, "response": …}}, with {@code
 * "rawRequest": "…"} instead of {@code request} for text that is not JSON, and {@code "denyUnsafe":
 * true} for an external interface; {@code "response": null} means no answer. A case with {@code
 * "webSocket": true} runs on a connection with subscriptions (ids {@code sub0000000000001}…) and
 * records the notifications sent once the response is out under {@code "notifications"}. Run with
 * {@code -Drpc.update.specs=true} to rewrite the responses from the current behaviour (then review
 * the diff).
 */
class GoldenSpecTest {
  private static final Path SPECS = Path.of("src/test/resources/rpc");
  private static final boolean UPDATE = Boolean.getBoolean("rpc.update.specs");

  @TestFactory
  Stream<DynamicTest> everyCaseAnswersAsRecorded() throws IOException {
    List<Path> cases;
    try (Stream<Path> files = Files.walk(SPECS)) {
      cases = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(cases).hasSizeGreaterThan(20);
    return cases.stream()
        .map(
            path -> DynamicTest.dynamicTest(SPECS.relativize(path).toString(), () -> replay(path)));
  }

  private static void replay(Path path) throws IOException {
    ObjectNode spec = (ObjectNode) RpcJson.MAPPER.readTree(path.toFile());
    String request =
        spec.has("rawRequest")
            ? spec.get("rawRequest").textValue()
            : RpcJson.MAPPER.writeValueAsString(spec.get("request"));
    boolean denyUnsafe = spec.path("denyUnsafe").asBoolean(false);
    boolean webSocket = spec.path("webSocket").asBoolean(false);
    FakeChain chain = new FakeChain();
    FakeBlocks blocks = FakeBlocks.golden();
    RpcDispatcher dispatcher =
        RpcDispatcher.builder()
            .add(new SystemMethods(new FakeSystemApi()))
            .add(new ChainMethods(chain))
            .add(new StateMethods(chain, chain))
            .add(new ChildStateMethods(chain))
            .add(new AuthorMethods(new FakeAuthor(chain)))
            .add(new OffchainMethods(new FakeOffchain()))
            .add(new PaymentMethods(chain))
            .add(new EngineMethods(new FakeEngineApi()))
            .add(new DevMethods(new FakeDevApi(), ZoneOffset.UTC))
            .add(new ChainSpecMethods(new FakeChainSpecApi()))
            .add(new ChainHeadMethods(blocks, ChainHeadLimits.DEFAULT, Runnable::run, () -> 0L))
            .add(new ArchiveMethods(blocks, Runnable::run))
            .add(new TransactionMethods(new FakeTransactionApi(), SubscriptionIds.sequential()))
            .build();
    RecordingOutbox outbox = new RecordingOutbox();
    SubscriptionManager subscriptions =
        new SubscriptionManager(
            outbox, RpcJson.MAPPER, SubscriptionIds.sequential(), 1024, "golden");
    CallContext context =
        webSocket ? CallContext.webSocket(denyUnsafe, subscriptions) : CallContext.http(denyUnsafe);
    RpcDispatcher.Outcome outcome = dispatcher.dispatch(request, context);
    subscriptions.activate(outcome.subscriptions());
    JsonNode actual = outcome.response().map(GoldenSpecTest::parse).orElse(NullNode.getInstance());
    ArrayNode notifications = RpcJson.MAPPER.createArrayNode();
    outbox.written.forEach(text -> notifications.add(parse(text)));
    if (UPDATE) {
      spec.set("response", actual);
      if (webSocket) {
        spec.set("notifications", notifications);
      }
      Files.writeString(
          path,
          RpcJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(spec)
              + "\n");
      return;
    }
    assertThat(actual).as("response to %s", path).isEqualTo(spec.get("response"));
    if (webSocket) {
      assertThat((JsonNode) notifications)
          .as("notifications after %s", path)
          .isEqualTo(spec.get("notifications"));
    }
  }

  /** An outbox with room for everything, running its tasks at once. */
  private static final class RecordingOutbox implements Outbox {
    final List<String> written = new ArrayList<>();

    @Override
    public boolean hasRoom() {
      return true;
    }

    @Override
    public void write(String message) {
      written.add(message);
    }

    @Override
    public void execute(Runnable task) {
      task.run();
    }
  }

  private static JsonNode parse(String text) {
    try {
      return RpcJson.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("the dispatcher answered invalid JSON: " + text, e);
    }
  }
}
