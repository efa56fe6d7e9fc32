/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code BlockBuilder_check_inherents} says of a block (sp-inherents' {@code
 * CheckInherentsResult}): whether its inherents are fine, and the errors by inherent identifier. A
 * runtime that requires an inherent the block lacks reports it under that inherent's identifier,
 * which is how a node learns the name of inherent data it does not provide.
 *
 * @param okay no error at all
 * @param fatal one of the errors is fatal
 * @param errors the runtime's encoded error by inherent identifier
 */
public record InherentCheck(boolean okay, boolean fatal, InherentData errors) {
  /** The runtime API call that checks a block's inherents. */
  public static final String CHECK_INHERENTS = "BlockBuilder_check_inherents";

  /**
   * Decodes the result of {@code BlockBuilder_check_inherents}: {@code okay: bool, fatal_error:
   * bool, errors: Vec<([u8; 8], Vec<u8>)>}.
   *
   * @throws ScaleDecodingException if {@code encoded} is not such a result
   */
  public static InherentCheck decode(Bytes encoded) {
    ScaleReader r = new ScaleReader(encoded.unsafeArray());
    boolean okay = r.readBool();
    boolean fatal = r.readBool();
    int n = r.readCompactInt();
    TreeMap<Bytes, Bytes> errors = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Bytes id = Bytes.wrap(r.readRaw(8, "InherentIdentifier"));
      errors.put(id, r.readByteVec());
    }
    r.expectEnd("CheckInherentsResult");
    return new InherentCheck(okay, fatal, new InherentData(errors));
  }

  /** The first identifier with an error that {@code provided} has no data for. */
  public Optional<Bytes> firstMissing(InherentData provided) {
    return errors.values().keySet().stream()
        .filter(id -> !provided.values().containsKey(id))
        .findFirst();
  }

  /**
   * The one line naming what the runtime wants: the first identifier Basalt gives no data for, else
   * the first one whose data it refused; empty if there is no error.
   */
  public Optional<String> explain(InherentData provided) {
    Optional<Bytes> missing = firstMissing(provided);
    if (missing.isPresent()) {
      return Optional.of(missing(missing.get()));
    }
    return errors.values().entrySet().stream()
        .findFirst()
        .map(
            (Map.Entry<Bytes, Bytes> e) ->
                "the runtime refused the inherent data \""
                    + name(e.getKey())
                    + "\" (error "
                    + e.getValue().toHex()
                    + ")");
  }

  /** The one line for inherent data the runtime needs and Basalt does not provide. */
  public static String missing(Bytes identifier) {
    return "the runtime needs inherent data \""
        + name(identifier)
        + "\" that Basalt does not provide";
  }

  /** An identifier as its 8 characters when they are printable ASCII, else as hex. */
  public static String name(Bytes identifier) {
    for (byte b : identifier.unsafeArray()) {
      if (b < 0x20 || b > 0x7e) {
        return identifier.toHex();
      }
    }
    return new String(identifier.unsafeArray(), StandardCharsets.US_ASCII);
  }
}
