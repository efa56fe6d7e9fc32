/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.scale;

/** The SCALE unit type {@code ()}, encoded as no bytes. */
public enum Unit {
  INSTANCE
}
