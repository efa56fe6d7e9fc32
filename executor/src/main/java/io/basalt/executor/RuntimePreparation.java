/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import io.basalt.primitives.bytes.Hash256;
import java.time.Duration;

/**
 * A runtime became ready to run in some form.
 *
 * @param codeHash the runtime's code hash
 * @param stage which form is ready
 * @param duration how long preparing that form took (for {@link Stage#COMPILED} in the background:
 *     the compilation alone)
 */
public record RuntimePreparation(Hash256 codeHash, Stage stage, Duration duration) {
  /** The forms a runtime runs in. */
  public enum Stage {
    /** Parsed and validated for the interpreter (interpreted mode, or a tiered start's first). */
    INTERPRETER("interpreter"),
    /** Compiled to JVM bytecode (and stored in the disk cache, if there is one). */
    COMPILED("compiled"),
    /** Compiled code loaded from the disk cache. */
    DISK_CACHE("disk_cache");

    private final String label;

    Stage(String label) {
      this.label = label;
    }

    /** The name in metrics and logs. */
    public String label() {
      return label;
    }
  }
}
