/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * The size limits of a chain spec, chosen rather than inherited from the JSON library. Substrate
 * has none; these are far above any real spec (Kusama's raw spec is 1.5 MB, a runtime a few MB) and
 * keep a hostile file from exhausting the heap unannounced.
 *
 * <ul>
 *   <li>{@link #MAX_STORAGE_VALUE_BYTES}: 128 MiB per storage value ({@code :code} included), so
 *       256 MiB of hex text;
 *   <li>{@link #MAX_STORAGE_KEY_BYTES}: 64 KiB per storage key (a JSON field name);
 *   <li>{@link #MAX_SPEC_BYTES}: 1 GiB per spec file;
 *   <li>{@link #MAX_NESTING_DEPTH}: 128 levels of JSON nesting, serde_json's recursion limit.
 * </ul>
 *
 * A spec over a limit is refused with a line naming the limit.
 */
public final class ChainSpecLimits {
  /** The largest storage value: 128 MiB. */
  public static final int MAX_STORAGE_VALUE_BYTES = 128 * 1024 * 1024;

  /** The largest storage key: 64 KiB. */
  public static final int MAX_STORAGE_KEY_BYTES = 64 * 1024;

  /** The largest chain spec: 1 GiB. */
  public static final long MAX_SPEC_BYTES = 1024L * 1024 * 1024;

  /** The deepest JSON nesting: 128, as serde_json. */
  public static final int MAX_NESTING_DEPTH = 128;

  /** The longest hex text of a value: two characters a byte plus {@code 0x}. */
  static final int MAX_VALUE_CHARS = 2 + 2 * MAX_STORAGE_VALUE_BYTES;

  /**
   * Jackson's constraints for these limits. Jackson checks string lengths as its buffer grows, so a
   * huge string is refused without being held; the parser checks each value exactly.
   */
  static final StreamReadConstraints JSON =
      StreamReadConstraints.builder()
          .maxStringLength(MAX_VALUE_CHARS)
          .maxNameLength(2 + 2 * MAX_STORAGE_KEY_BYTES)
          .maxDocumentLength(MAX_SPEC_BYTES)
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .build();

  private ChainSpecLimits() {}

  /** The message for a spec over a limit, from the parser's report of it. */
  static String exceeded(StreamConstraintsException e, String where) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.startsWith("String value length")) {
      return valueTooLong(where);
    }
    if (m.startsWith("Name length")) {
      return "a key"
          + where
          + " is longer than the limit for a storage key, "
          + describe(MAX_STORAGE_KEY_BYTES)
          + " ("
          + (2 + 2 * MAX_STORAGE_KEY_BYTES)
          + " hex characters)";
    }
    if (m.startsWith("Document length")) {
      return "the chain spec is larger than the limit of "
          + describe(MAX_SPEC_BYTES)
          + " per chain spec";
    }
    if (m.startsWith("Document nesting depth")) {
      return "the JSON"
          + where
          + " is nested deeper than the limit of "
          + MAX_NESTING_DEPTH
          + " levels";
    }
    return "the chain spec" + where + " exceeds a size limit: " + m;
  }

  /** The message for a string longer than a storage value's hex text may be. */
  static String valueTooLong(String where) {
    return "a string"
        + where
        + " is longer than the limit for a storage value, "
        + describe(MAX_STORAGE_VALUE_BYTES)
        + " ("
        + MAX_VALUE_CHARS
        + " hex characters)";
  }

  /** A size in bytes as people read it: {@code 128 MiB}. */
  static String describe(long bytes) {
    if (bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GiB";
    }
    if (bytes % (1L << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes % (1L << 10) == 0) {
      return (bytes >> 10) + " KiB";
    }
    return bytes + " bytes";
  }
}
