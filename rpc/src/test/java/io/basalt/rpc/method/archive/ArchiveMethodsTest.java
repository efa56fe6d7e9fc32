/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.archive;

import static io.basalt.rpc.golden.FakeBlocks.hash;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.Hashing;
import io.basalt.rpc.dispatch.RpcDispatcher;
import io.basalt.rpc.golden.FakeBlocks;
import io.basalt.rpc.golden.TestConnection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** archive_v1_storage and archive_v1_storageDiff streamed over a connection without a socket. */
class ArchiveMethodsTest {
  private final FakeBlocks chain = FakeBlocks.golden();
  private final TestConnection client =
      new TestConnection(
          RpcDispatcher.builder().add(new ArchiveMethods(chain, Runnable::run)).build());

  private static String event(JsonNode result) {
    return result.get("event").textValue();
  }

  @Test
  void streamsEveryStorageItemThenDone() {
    client.result(
        "archive_v1_storage",
        hash("A1").toHex(),
        List.of(
            Map.of("key", "0x01", "type", "value"),
            Map.of("key", "0x01", "type", "hash"),
            Map.of("key", "0x0a", "type", "value"),
            Map.of("key", "0x02", "type", "descendantsValues", "paginationStartKey", "0x0203")),
        null);
    List<JsonNode> events = client.results();
    assertThat(events)
        .extracting(ArchiveMethodsTest::event)
        .containsExactly("storage", "storage", "storage", "storage", "storage", "storageDone");
    assertThat(events.get(0).get("value").textValue()).isEqualTo("0xaa");
    assertThat(events.get(1).get("hash").textValue())
        .isEqualTo(Bytes.wrap(Hashing.blake2b256(new byte[] {(byte) 0xaa})).toHex());
    assertThat(events.subList(2, 5))
        .extracting(e -> e.get("key").textValue())
        .as("after 0x0203; 0x0204 was removed in A1")
        .containsExactly("0x0205", "0x0206", "0x0207");
    assertThat(events.get(2).has("childTrieKey")).isFalse();
  }

  @Test
  void endsWithAStorageErrorForABadKeyOrAnUnknownBlock() {
    client.result(
        "archive_v1_storage",
        hash("A1").toHex(),
        List.of(Map.of("key", "0xzz", "type", "value")),
        null);
    assertThat(client.results().getFirst())
        .isEqualTo(json(Map.of("event", "storageError", "error", "Invalid parameter: 0xzz")));
    client.result(
        "archive_v1_storage",
        hash("A1").toHex(),
        List.of(Map.of("key", "0x01", "type", "value", "paginationStartKey", "0x01")),
        null);
    assertThat(client.results().getFirst().get("error").textValue())
        .isEqualTo(
            "Invalid parameter: Pagination start key is only supported for descendants"
                + " queries");
    client.result(
        "archive_v1_storage",
        hash("nowhere").toHex(),
        List.of(Map.of("key", "0x01", "type", "value")),
        null);
    assertThat(event(client.results().getFirst())).isEqualTo("storageError");
  }

  @Test
  void diffsABlockAgainstItsParentOrAnyAncestor() {
    client.result("archive_v1_storageDiff", hash("A1").toHex(), List.of(), null);
    List<JsonNode> events = client.results();
    assertThat(events)
        .extracting(ArchiveMethodsTest::event)
        .containsExactly("storageDiff", "storageDiff", "storageDiffDone");
    assertThat(events.get(0))
        .isEqualTo(
            json(
                Map.of(
                    "event", "storageDiff", "key", "0x0203", "value", "0x33", "type", "modified")));
    assertThat(events.get(1))
        .isEqualTo(
            json(
                Map.of(
                    "event", "storageDiff", "key", "0x0204", "value", "0x04", "type", "deleted")));

    chain.put("A2", Bytes.fromHex("0x0301"), Bytes.fromHex("0x01"));
    client.result(
        "archive_v1_storageDiff",
        hash("A2").toHex(),
        List.of(Map.of("key", "0x03", "returnType", "hash")),
        hash("genesis").toHex());
    events = client.results();
    assertThat(events)
        .extracting(ArchiveMethodsTest::event)
        .containsExactly("storageDiff", "storageDiffDone");
    assertThat(events.get(0).get("type").textValue()).isEqualTo("added");
    assertThat(events.get(0).get("hash").textValue()).hasSize(66);
  }

  @Test
  void reportsAMissingBlockAsADiffError() {
    client.result("archive_v1_storageDiff", hash("nowhere").toHex(), List.of(), null);
    assertThat(client.results())
        .extracting(ArchiveMethodsTest::event)
        .containsExactly("storageDiffError");
  }

  private static JsonNode json(Object value) {
    return io.basalt.rpc.dispatch.RpcJson.MAPPER.valueToTree(value);
  }
}
