/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.metadata.RuntimeMetadata;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.ApiVersion;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeInherentsTest {
  private static final Header PARENT =
      new Header(
          Hash256.fromHex("0x" + "11".repeat(32)),
          7,
          Hash256.fromHex("0x" + "22".repeat(32)),
          Hash256.fromHex("0x" + "33".repeat(32)),
          List.of(new DigestItem.PreRuntime(EngineId.BABE, Bytes.fromHex("0x02"))));

  private static RuntimeVersion runtime(String... apis) {
    return new RuntimeVersion(
        "test",
        "test",
        1,
        1,
        1,
        Arrays.stream(apis).map(a -> new ApiVersion(ApiVersion.idOf(a), 1)).toList(),
        1,
        0);
  }

  @Test
  void shouldGiveARelayChainRuntimeAnEmptyParachainsInherentOnTheParent() {
    InherentData data =
        RuntimeInherents.complete(
            runtime("Core", "BabeApi", "ParachainHost"),
            PARENT,
            InherentData.empty().withTimestamp(6000));
    // three empty vectors (bitfields, backed candidates, disputes), then the parent header
    Bytes expected = Bytes.fromHex("0x000000").concat(Bytes.wrap(Header.CODEC.encode(PARENT)));
    assertThat(data.values())
        .containsEntry(InherentData.identifier("parachn0"), expected)
        .containsKey(InherentData.TIMESTAMP)
        .hasSize(2);
  }

  @Test
  void shouldAddNothingForARuntimeWithoutParachainHost() {
    InherentData base = InherentData.empty().withTimestamp(6000);
    assertThat(RuntimeInherents.complete(runtime("Core", "AuraApi"), PARENT, base)).isEqualTo(base);
  }

  @Test
  void shouldKeepParachainsDataTheCallerGives() {
    InherentData base = InherentData.empty().with(RuntimeInherents.PARACHAINS, Bytes.of((byte) 9));
    assertThat(RuntimeInherents.complete(runtime("ParachainHost"), PARENT, base)).isEqualTo(base);
  }

  @Test
  void shouldNameTheFirstInherentTheRuntimeReportsAndBasaltLacks() {
    // okay = false, fatal_error = true, errors = [("parachn0", 0x0102)]
    Bytes encoded = Bytes.fromHex("0x000104" + "7061726163686e30" + "080102");
    InherentCheck check = InherentCheck.decode(encoded);
    assertThat(check.okay()).isFalse();
    assertThat(check.fatal()).isTrue();
    assertThat(check.explain(InherentData.empty().withTimestamp(1)))
        .contains("the runtime needs inherent data \"parachn0\" that Basalt does not provide");
    assertThat(
            check.explain(
                InherentData.empty().with(RuntimeInherents.PARACHAINS, Bytes.of((byte) 0))))
        .contains("the runtime refused the inherent data \"parachn0\" (error 0x0102)");
  }

  @Test
  void shouldExplainNothingWhenTheRuntimeReportsNoError() {
    InherentCheck check = InherentCheck.decode(Bytes.fromHex("0x010000"));
    assertThat(check.okay()).isTrue();
    assertThat(check.explain(InherentData.empty())).isEmpty();
  }

  @Test
  void shouldPrintAnIdentifierThatIsNotTextAsHex() {
    assertThat(InherentCheck.name(Bytes.fromHex("0x00ff000000000001")))
        .isEqualTo("0x00ff000000000001");
    assertThat(InherentCheck.name(InherentData.TIMESTAMP)).isEqualTo("timstap0");
  }

  @Test
  void shouldKnowTheInherentsOfWellKnownPalletsFromTheMetadata() {
    RuntimeMetadata metadata =
        new RuntimeMetadata(
            List.of(),
            List.of(
                new RuntimeMetadata.Pallet("System", 0, List.of()),
                new RuntimeMetadata.Pallet("Timestamp", 2, List.of()),
                new RuntimeMetadata.Pallet("ParaInherent", 54, List.of())));
    assertThat(KnownInherents.expectedBy(metadata))
        .containsExactly(InherentData.TIMESTAMP, RuntimeInherents.PARACHAINS);
    assertThat(KnownInherents.firstMissing(metadata, InherentData.empty().withTimestamp(1)))
        .contains(RuntimeInherents.PARACHAINS);
  }
}
