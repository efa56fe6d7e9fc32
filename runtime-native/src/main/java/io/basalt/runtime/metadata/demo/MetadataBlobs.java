/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.runtime.metadata.MetadataEncoder;
import io.basalt.runtime.metadata.MetadataVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed metadata blobs of {@code basalt-demo}: {@code v<spec>-v<metadata>.scale} under
 * {@code src/main/resources/io/basalt/runtime/metadata/}. The Java runtime loads them from the
 * classpath; the Rust runtime {@code include_bytes!}s the same files. {@code MetadataBlobsTest}
 * fails when a committed blob differs from what {@link DemoRuntimeDescription} generates.
 *
 * <p>After changing the description, regenerate the blobs by running that test in update mode:
 *
 * <pre>{@code
 * ./mvnw -B -ntp verify -pl runtime-native -am -Dtest=MetadataBlobsTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbasalt.metadata.update=true
 * }</pre>
 */
public final class MetadataBlobs {
  /** The source folder of the blobs, relative to the module root. */
  public static final String SOURCE_FOLDER = "src/main/resources/io/basalt/runtime/metadata";

  /** The folder of the blobs on the classpath. */
  private static final String RESOURCE_FOLDER = "/io/basalt/runtime/metadata/";

  private MetadataBlobs() {}

  /** The file name of a blob, e.g. {@code v100-v14.scale}. */
  public static String fileName(int specVersion, MetadataVersion version) {
    return "v" + specVersion + "-v" + version.number() + ".scale";
  }

  /** Generates a blob from the description. */
  public static Bytes generate(int specVersion, MetadataVersion version) {
    return MetadataEncoder.encode(DemoRuntimeDescription.description(specVersion), version);
  }

  /**
   * Loads a committed blob from the classpath.
   *
   * @throws IllegalStateException if the blob is not on the classpath
   */
  public static Bytes load(int specVersion, MetadataVersion version) {
    String name = fileName(specVersion, version);
    try (InputStream in = MetadataBlobs.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "metadata blob " + name + " is not on the classpath (module runtime-native)");
      }
      return Bytes.wrap(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read metadata blob " + name, e);
    }
  }

  /** Writes every blob into {@code folder}. */
  public static void writeAll(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (int spec : DemoRuntimeDescription.SPEC_VERSIONS) {
      for (MetadataVersion v : MetadataVersion.values()) {
        Files.write(folder.resolve(fileName(spec, v)), generate(spec, v).toArray());
      }
    }
  }
}
