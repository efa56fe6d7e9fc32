/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.testsupport.Fixtures;
import io.basalt.testsupport.ProjectFiles;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The rewritten section says the new name and version, every other field and the rest of the module
 * stay as they were, and compressed code stays compressed.
 */
class RuntimeVersionSectionTest {
  @Test
  void rewritesTheDemoRuntimesNameAndVersionAndNothingElse() throws Exception {
    byte[] code = Files.readAllBytes(ProjectFiles.file("runtime-wasm/blobs/basalt_demo_v101.wasm"));
    RuntimeVersion before = RuntimeBlob.parse(code).embeddedVersion().orElseThrow();
    assertThat(before.specVersion()).isEqualTo(101);

    byte[] rewritten = RuntimeVersionSection.rewrite(code, "other-name", 99);
    RuntimeBlob blob = RuntimeBlob.parse(rewritten);
    RuntimeVersion after = blob.embeddedVersion().orElseThrow();
    assertThat(after.specName()).isEqualTo("other-name");
    assertThat(after.specVersion()).isEqualTo(99);
    assertThat(after.implName()).isEqualTo(before.implName());
    assertThat(after.implVersion()).isEqualTo(before.implVersion());
    assertThat(after.apis()).isEqualTo(before.apis());
    assertThat(after.transactionVersion()).isEqualTo(before.transactionVersion());
    assertThat(after.systemVersion()).isEqualTo(before.systemVersion());
    assertThat(blob.isCompressed()).isFalse();
    assertThat(blob.customSection("runtime_apis"))
        .isEqualTo(RuntimeBlob.parse(code).customSection("runtime_apis"));
    assertThat(rewritten.length - code.length)
        .as("only the name grew: 'other-name' vs 'basalt-demo'")
        .isEqualTo("other-name".length() - before.specName().length());
  }

  @Test
  void compressedCodeStaysCompressed() throws Exception {
    byte[] code = Files.readAllBytes(Fixtures.file("wasm/westend-runtime-v9300.wasm"));
    byte[] rewritten = RuntimeVersionSection.rewrite(code, "westend", 9301);
    RuntimeBlob blob = RuntimeBlob.parse(rewritten);
    assertThat(blob.isCompressed()).isTrue();
    assertThat(blob.embeddedVersion().orElseThrow().specVersion()).isEqualTo(9301);
    assertThat(blob.wasmSize()).isEqualTo(RuntimeBlob.parse(code).wasmSize());
  }

  @Test
  void codeWithoutTheSectionIsRefused() throws Exception {
    byte[] code = Files.readAllBytes(Fixtures.file("wasm/sub2dev.wasm"));
    assertThatThrownBy(() -> RuntimeVersionSection.rewrite(code, "x", 1))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("no `runtime_version` custom section");
  }
}
