/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import io.basalt.primitives.types.ApiVersion;
import java.util.List;

/**
 * A runtime API trait: its version (listed in {@code RuntimeVersion.apis}) and its methods (listed
 * in V15 metadata). The exported Wasm function of a method is {@code <name>_<method>}.
 *
 * @param name the trait name, e.g. {@code Core}
 * @param version the trait version
 * @param methods its methods
 * @param docs documentation lines
 */
public record RuntimeApiSpec(String name, long version, List<Method> methods, List<String> docs) {
  public RuntimeApiSpec {
    methods = List.copyOf(methods);
    docs = List.copyOf(docs);
  }

  /** The API's id and version, as {@code RuntimeVersion.apis} lists it. */
  public ApiVersion apiVersion() {
    return new ApiVersion(ApiVersion.idOf(name), version);
  }

  /**
   * A method: its parameters (SCALE-encoded one after the other as the call's input) and output.
   *
   * @param name the method name
   * @param inputs the parameters
   * @param output the key of the SCALE type the call returns
   * @param docs documentation lines
   */
  public record Method(String name, List<Param> inputs, String output, List<String> docs) {
    public Method {
      inputs = List.copyOf(inputs);
      docs = List.copyOf(docs);
    }

    public static Method of(String name, String output, String doc, Param... inputs) {
      return new Method(name, List.of(inputs), output, doc.isEmpty() ? List.of() : List.of(doc));
    }
  }

  /**
   * A method parameter.
   *
   * @param name the parameter name
   * @param type the key of its type
   */
  public record Param(String name, String type) {
    public static Param of(String name, String type) {
      return new Param(name, type);
    }
  }
}
