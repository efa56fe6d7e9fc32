/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every method the server answers, by name and alias. Built once from the method groups; a name
 * registered twice (by one group or two) is a programming error and fails the build.
 */
public final class MethodCatalogue {
  private final Map<String, RpcMethod> byName;
  private final List<String> names;

  MethodCatalogue(List<RpcMethod> methods) {
    Map<String, RpcMethod> map = new HashMap<>();
    for (RpcMethod method : methods) {
      put(map, method.name(), method);
      for (String alias : method.aliases()) {
        put(map, alias, method);
      }
    }
    List<String> sorted = new ArrayList<>(map.keySet());
    Collections.sort(sorted);
    this.byName = Map.copyOf(map);
    this.names = List.copyOf(sorted);
  }

  private static void put(Map<String, RpcMethod> map, String name, RpcMethod method) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an RPC method name cannot be empty");
    }
    RpcMethod previous = map.putIfAbsent(name, method);
    if (previous != null) {
      throw new IllegalStateException(
          "RPC method name " + name + " is registered twice (" + previous.name() + ")");
    }
  }

  /** The method answering {@code name} (a name or an alias). */
  public Optional<RpcMethod> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every name and alias, sorted as {@code rpc_methods} lists them. */
  public List<String> names() {
    return names;
  }
}
