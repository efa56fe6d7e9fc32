/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures its exit code and output, for tests. */
public record NodeCli(int exitCode, String out, String err) {

  public static NodeCli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new NodeCli(code, out.toString(), err.toString());
  }
}
