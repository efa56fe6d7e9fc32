/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A role in {@code system_nodeRoles}: {@code "Full"}, {@code "LightClient"} or {@code "Authority"}.
 */
public enum NodeRole {
  FULL("Full"),
  LIGHT_CLIENT("LightClient"),
  AUTHORITY("Authority");

  private final String json;

  NodeRole(String json) {
    this.json = json;
  }

  /** The name Substrate writes. */
  @JsonValue
  public String json() {
    return json;
  }
}
