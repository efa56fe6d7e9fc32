/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.rpc.dispatch.CallContext;
import io.basalt.rpc.dispatch.RpcDispatcher;
import io.basalt.rpc.dispatch.RpcJson;
import io.basalt.rpc.method.archive.ArchiveMethods;
import io.basalt.rpc.method.chainhead.ChainHeadLimits;
import io.basalt.rpc.method.chainhead.ChainHeadMethods;
import io.basalt.rpc.method.chainspec.ChainSpecMethods;
import io.basalt.rpc.method.system.SystemMethods;
import io.basalt.rpc.method.transaction.TransactionMethods;
import io.basalt.rpc.subscription.SubscriptionIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every {@code src/test/resources/rpc/<namespace>/*.json} case against the dispatcher with
 * fake facades (Besu's spec tests). A case is {@code {"request": …, "response": …}}, with {@code
 * "rawRequest": "…"} instead of {@code request} for text that is not JSON, and {@code "denyUnsafe":
 * true} for an external interface; {@code "response": null} means no answer. Run with {@code
 * -Drpc.update.specs=true} to rewrite the responses from the current behaviour (then review the
 * diff).
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
    FakeBlocks blocks = FakeBlocks.golden();
    RpcDispatcher dispatcher =
        RpcDispatcher.builder()
            .add(new SystemMethods(new FakeSystemApi()))
            .add(new ChainSpecMethods(new FakeChainSpecApi()))
            .add(new ChainHeadMethods(blocks, ChainHeadLimits.DEFAULT, Runnable::run, () -> 0L))
            .add(new ArchiveMethods(blocks, Runnable::run))
            .add(new TransactionMethods(new FakeTransactionApi(), SubscriptionIds.sequential()))
            .build();
    JsonNode actual =
        dispatcher
            .dispatch(request, CallContext.http(denyUnsafe))
            .response()
            .map(GoldenSpecTest::parse)
            .orElse(NullNode.getInstance());
    if (UPDATE) {
      spec.set("response", actual);
      Files.writeString(
          path,
          RpcJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(spec)
              + "\n");
      return;
    }
    assertThat(actual).as("response to %s", path).isEqualTo(spec.get("response"));
  }

  private static JsonNode parse(String text) {
    try {
      return RpcJson.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("the dispatcher answered invalid JSON: " + text, e);
    }
  }
}
