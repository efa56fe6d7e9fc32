/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.runtime.metadata.MetadataVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MetadataBlobsTest {
  private static final String REFRESH =
      "./mvnw -B -ntp verify -pl runtime-native -am -Dtest=MetadataBlobsTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dbasalt.metadata.update=true";

  @Test
  void committedBlobsMatchTheDescription() throws IOException {
    if (Boolean.getBoolean("basalt.metadata.update")) {
      MetadataBlobs.writeAll(Path.of(MetadataBlobs.SOURCE_FOLDER));
    }
    for (int spec : DemoRuntimeDescription.SPEC_VERSIONS) {
      for (MetadataVersion v : MetadataVersion.values()) {
        Path committed = Path.of(MetadataBlobs.SOURCE_FOLDER, MetadataBlobs.fileName(spec, v));
        assertThat(committed)
            .as("committed blob %s exists; create it with: %s", committed, REFRESH)
            .isRegularFile();
        Bytes expected = MetadataBlobs.generate(spec, v);
        assertThat(Bytes.wrap(Files.readAllBytes(committed)))
            .as("%s is stale: the description changed. Refresh with: %s", committed, REFRESH)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void classpathBlobStartsWithMagicAndVersion() {
    Bytes v14 = MetadataBlobs.load(100, MetadataVersion.V14);
    Bytes v15 = MetadataBlobs.load(100, MetadataVersion.V15);
    assertThat(v14.slice(0, 5).toHex()).isEqualTo("0x6d6574610e");
    assertThat(v15.slice(0, 5).toHex()).isEqualTo("0x6d6574610f");
  }

  @Test
  void specVersionsHaveDifferentMetadata() {
    assertThat(MetadataBlobs.generate(100, MetadataVersion.V15))
        .isNotEqualTo(MetadataBlobs.generate(101, MetadataVersion.V15));
  }

  @Test
  void generationIsDeterministic() {
    assertThat(MetadataBlobs.generate(101, MetadataVersion.V14))
        .isEqualTo(MetadataBlobs.generate(101, MetadataVersion.V14));
  }
}
