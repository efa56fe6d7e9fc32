/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

/** The metadata versions the runtime serves through {@code Metadata_metadata_at_version}. */
public enum MetadataVersion {
  V14(14),
  V15(15);

  private final int number;

  MetadataVersion(int number) {
    this.number = number;
  }

  /** The version number, also the variant index of {@code RuntimeMetadata}. */
  public int number() {
    return number;
  }

  /** The version with this number. */
  public static java.util.Optional<MetadataVersion> of(long number) {
    for (MetadataVersion v : values()) {
      if (v.number == number) {
        return java.util.Optional.of(v);
      }
    }
    return java.util.Optional.empty();
  }
}
