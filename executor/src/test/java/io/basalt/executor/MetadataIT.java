/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.TestBackends;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code Metadata_metadata} of the node-template genesis runtime equals smoldot's recording, in
 * compiled and interpreted mode.
 */
class MetadataIT {
  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void nodeTemplateMetadataMatchesTheRecordedStateGetMetadata(WasmExecutionMethod method)
      throws IOException {
    ChainSpecFixture spec = ChainSpecFixture.load("chainspecs/node-template-local.json");
    Bytes expected =
        Bytes.fromHex(
            Files.readString(Fixtures.file("chainspecs/node-template-local.metadata.hex")).trim());
    OverlayedChanges changes = new OverlayedChanges();
    try (RuntimeExecutor executor =
        new RuntimeExecutor(
            ExecutorConfig.defaults().withMethod(method).withTieredStart(false),
            HostServices.standard())) {
      byte[] out =
          executor.call(
              RuntimeBlob.parse(spec.code()),
              "Metadata_metadata",
              new byte[0],
              new OverlayedExternalities(changes, TestBackends.of(spec.top(), spec.children())));
      ScaleReader r = new ScaleReader(out);
      Bytes opaque = r.readByteVec();
      r.expectEnd("OpaqueMetadata");
      assertThat(opaque).isEqualTo(expected);
    }
    assertThat(changes.isEmpty()).isTrue();
  }
}
