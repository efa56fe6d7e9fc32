/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.runtime.demo.chain.PolkadotJs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code src/test/js/check-metadata.mjs}: polkadot.js decodes every committed metadata blob,
 * offline, and checks pallets, call encoding, storage keys, AccountInfo and event decoding, signed
 * extensions, runtime APIs and a signed extrinsic against the spec.
 *
 * <p>Needs {@code node} and the npm packages: {@code npm ci --prefix runtime-native/src/test/js}.
 * Without them the test fails when {@code CI=true} and is skipped otherwise.
 */
class PolkadotJsMetadataTest {
  @Test
  void polkadotJsDecodesTheCommittedMetadata() {
    Path blobs = Path.of(MetadataBlobs.SOURCE_FOLDER).toAbsolutePath();
    List<String> output = PolkadotJs.run("check-metadata.mjs", List.of(blobs.toString()));
    assertThat(String.join("\n", output)).contains("passed, 0 failed");
  }
}
