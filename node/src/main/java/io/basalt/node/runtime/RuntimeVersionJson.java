/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.runtime;

import io.basalt.primitives.json.JsonString;
import io.basalt.primitives.types.ApiVersion;
import io.basalt.primitives.types.RuntimeVersion;

/**
 * A runtime version as JSON in the shape of the {@code state_getRuntimeVersion} RPC: {@code
 * specName, implName, authoringVersion, specVersion, implVersion, apis: [["0x<id>", version]…],
 * transactionVersion, systemVersion, stateVersion} (the last two carry the same number: newer
 * clients read {@code systemVersion}, older ones {@code stateVersion}).
 */
public final class RuntimeVersionJson {
  private RuntimeVersionJson() {}

  /** The fields of the RPC object, without the enclosing braces. */
  public static String fields(RuntimeVersion v) {
    StringBuilder out = new StringBuilder(512);
    out.append("\"specName\":")
        .append(JsonString.encode(v.specName()))
        .append(",\"implName\":")
        .append(JsonString.encode(v.implName()))
        .append(",\"authoringVersion\":")
        .append(v.authoringVersion())
        .append(",\"specVersion\":")
        .append(v.specVersion())
        .append(",\"implVersion\":")
        .append(v.implVersion())
        .append(",\"apis\":[");
    for (int i = 0; i < v.apis().size(); i++) {
      ApiVersion api = v.apis().get(i);
      out.append(i == 0 ? "[" : ",[")
          .append('"')
          .append(api.id().toHex())
          .append("\",")
          .append(api.version())
          .append(']');
    }
    out.append("],\"transactionVersion\":")
        .append(v.transactionVersion())
        .append(",\"systemVersion\":")
        .append(v.systemVersion())
        .append(",\"stateVersion\":")
        .append(v.systemVersion());
    return out.toString();
  }

  /** The RPC object. */
  public static String toJson(RuntimeVersion v) {
    return "{" + fields(v) + "}";
  }
}
