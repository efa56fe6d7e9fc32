/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.metadata.MetadataVersion;
import io.basalt.runtime.metadata.demo.MetadataBlobs;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code Metadata} version 2 (runtime-spec §9): the committed V14/V15 blobs of the running spec,
 * byte for byte.
 */
final class MetadataApi {
  private static final Map<String, Bytes> BLOBS = new ConcurrentHashMap<>();

  private MetadataApi() {}

  private static Bytes blob(int spec, MetadataVersion version) {
    return BLOBS.computeIfAbsent(
        spec + "-" + version.number(), k -> MetadataBlobs.load(spec, version));
  }

  static byte[] metadata(ApiScope scope, byte[] input) {
    ApiInput.none("metadata", input);
    return new ScaleWriter()
        .writeByteVec(blob(scope.specVersion(), MetadataVersion.V14))
        .toByteArray();
  }

  static byte[] metadataAtVersion(ApiScope scope, byte[] input) {
    long requested = ApiInput.decode("metadata_at_version", input, ScaleReader::readU32AsLong);
    Optional<MetadataVersion> version = MetadataVersion.of(requested);
    ScaleWriter w = new ScaleWriter();
    if (version.isEmpty()) {
      return w.writeU8(0).toByteArray();
    }
    return w.writeU8(1).writeByteVec(blob(scope.specVersion(), version.get())).toByteArray();
  }

  static byte[] metadataVersions(ApiScope scope, byte[] input) {
    ApiInput.none("metadata_versions", input);
    ScaleWriter w = new ScaleWriter().writeCompact(MetadataVersion.values().length);
    for (MetadataVersion v : MetadataVersion.values()) {
      w.writeU32(v.number());
    }
    return w.toByteArray();
  }
}
