/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.host.HostFunctionRegistry;
import io.basalt.executor.state.Externalities;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmSignature;
import io.basalt.executor.vm.WasmValueType;
import io.basalt.primitives.bytes.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A WAT probe that calls one host function, exactly as a runtime would: the arguments are laid out
 * in the call's input (so pointers are real Wasm addresses), the import's type is the registry's,
 * and the result comes back through Wasm memory.
 *
 * <pre>{@code
 * byte[] result = HostCallProbe.of("ext_storage_get_version_1").ps(key).returnedBytes(executor, ext);
 * }</pre>
 */
final class HostCallProbe {
  private sealed interface Arg {}

  /** Bytes in the input, passed as a pointer-size value (also used for output buffers). */
  private record InputPs(Bytes data) implements Arg {}

  /** Bytes in the input, passed as a bare pointer. */
  private record InputPtr(Bytes data) implements Arg {}

  /** A constant. */
  private record Constant(WasmValueType type, long value) implements Arg {}

  private final String function;
  private final WasmSignature signature;
  private final List<Arg> args = new ArrayList<>();

  private HostCallProbe(String function) {
    this.function = function;
    this.signature =
        HostFunctionRegistry.standard()
            .lookup(function)
            .orElseThrow(() -> new IllegalArgumentException("no host function " + function))
            .signature();
  }

  /** A probe of the host function with this exact import name. */
  static HostCallProbe of(String function) {
    return new HostCallProbe(function);
  }

  /** Passes {@code data} as a pointer-size value. */
  HostCallProbe ps(byte[] data) {
    args.add(new InputPs(Bytes.wrap(data.clone())));
    return this;
  }

  /** Passes UTF-8 text as a pointer-size value. */
  HostCallProbe ps(String text) {
    return ps(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Passes a zero-filled buffer of {@code length} bytes as a pointer-size value. */
  HostCallProbe buffer(int length) {
    return ps(new byte[length]);
  }

  /** Passes {@code data} as a bare pointer. */
  HostCallProbe ptr(byte[] data) {
    args.add(new InputPtr(Bytes.wrap(data.clone())));
    return this;
  }

  HostCallProbe i32(int value) {
    args.add(new Constant(WasmValueType.I32, value));
    return this;
  }

  HostCallProbe i64(long value) {
    args.add(new Constant(WasmValueType.I64, value));
    return this;
  }

  /** The input of the call: every input argument's bytes, in order. */
  byte[] input() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Arg a : args) {
      switch (a) {
        case InputPs(Bytes data) -> out.writeBytes(data.unsafeArray());
        case InputPtr(Bytes data) -> out.writeBytes(data.unsafeArray());
        case Constant c -> {}
      }
    }
    return out.toByteArray();
  }

  /** Where each input argument starts in {@link #input()}; -1 for constants. */
  private int[] offsets() {
    int[] offsets = new int[args.size()];
    int at = 0;
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case InputPs(Bytes data) -> {
          offsets[i] = at;
          at += data.length();
        }
        case InputPtr(Bytes data) -> {
          offsets[i] = at;
          at += data.length();
        }
        case Constant c -> offsets[i] = -1;
      }
    }
    return offsets;
  }

  private String callExpression() {
    if (args.size() != signature.params().size()) {
      throw new IllegalArgumentException(
          function + " takes " + signature.params().size() + " arguments, got " + args.size());
    }
    StringBuilder call = new StringBuilder("(call $f");
    int[] offsets = offsets();
    for (int i = 0; i < args.size(); i++) {
      WasmValueType expected = signature.params().get(i);
      String expression =
          switch (args.get(i)) {
            case InputPs(Bytes data) -> {
              check(expected, WasmValueType.I64, i);
              yield "(i64.or (i64.extend_i32_u (i32.add (local.get $p) (i32.const "
                  + offsets[i]
                  + "))) (i64.const "
                  + ((long) data.length() << 32)
                  + "))";
            }
            case InputPtr p -> {
              check(expected, WasmValueType.I32, i);
              yield "(i32.add (local.get $p) (i32.const " + offsets[i] + "))";
            }
            case Constant(WasmValueType type, long value) -> {
              check(expected, type, i);
              yield "(" + type.wasmName() + ".const " + value + ")";
            }
          };
      call.append(' ').append(expression);
    }
    return call.append(')').toString();
  }

  private void check(WasmValueType expected, WasmValueType actual, int index) {
    if (expected != actual) {
      throw new IllegalArgumentException(
          function + " argument " + index + " is " + expected.wasmName() + ", not " + actual);
    }
  }

  private RuntimeBlob module(String resultHandling) {
    StringBuilder params = new StringBuilder();
    signature.params().forEach(t -> params.append(' ').append(t.wasmName()));
    String result =
        signature.results().isEmpty()
            ? ""
            : " (result " + signature.results().get(0).wasmName() + ")";
    String call = callExpression();
    String dropped = signature.results().isEmpty() ? call : "(drop " + call + ")";
    return WatProbes.module(
        "(import \"env\" \""
            + function
            + "\" (func $f (param"
            + params
            + ")"
            + result
            + "))\n"
            + "(memory (export \"memory\") 1)\n"
            + "(func (export \"Test_call\") (param $p i32) (param $l i32) (result i64)\n"
            + resultHandling.replace("CALL", call).replace("DROPPED", dropped)
            + ")\n"
            + "(func (export \"Test_input\") (param $p i32) (param $l i32) (result i64)\n"
            + dropped
            + "\n (i64.or (i64.extend_i32_u (local.get $p))"
            + " (i64.shl (i64.extend_i32_u (local.get $l)) (i64.const 32))))");
  }

  private byte[] call(
      RuntimeExecutor executor, Externalities ext, HostServices services, String handling) {
    return executor.call(module(handling), "Test_call", input(), ext, services);
  }

  /** Calls a function returning a pointer-size value; the bytes it designates. */
  byte[] returnedBytes(RuntimeExecutor executor, Externalities ext, HostServices services) {
    requireResult(WasmValueType.I64);
    return call(executor, ext, services, "CALL");
  }

  /** Calls a function returning a bare pointer to {@code length} bytes; those bytes. */
  byte[] pointedBytes(
      RuntimeExecutor executor, Externalities ext, HostServices services, int length) {
    requireResult(WasmValueType.I32);
    return call(
        executor,
        ext,
        services,
        "(i64.or (i64.extend_i32_u CALL) (i64.const " + ((long) length << 32) + "))");
  }

  /** Calls a function returning a number; that number (an i32 sign-extended). */
  long value(RuntimeExecutor executor, Externalities ext, HostServices services) {
    WasmValueType type = signature.results().isEmpty() ? null : signature.results().get(0);
    if (type == null) {
      throw new IllegalStateException(function + " returns nothing");
    }
    String store = type == WasmValueType.I32 ? "i32.store" : "i64.store";
    int width = type == WasmValueType.I32 ? 4 : 8;
    byte[] out =
        call(
            executor,
            ext,
            services,
            "(" + store + " (i32.const 0) CALL) (i64.const " + ((long) width << 32) + ")");
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    return width == 4 ? b.getInt() : b.getLong();
  }

  /** Calls a function for its effect; any result is dropped. */
  void run(RuntimeExecutor executor, Externalities ext, HostServices services) {
    call(executor, ext, services, "DROPPED (i64.const 0)");
  }

  /**
   * Calls the function, drops its result and returns the whole input as the call left it, so
   * buffers the function wrote into can be read with {@link #argument}.
   */
  byte[] inputAfterCall(RuntimeExecutor executor, Externalities ext, HostServices services) {
    return executor.call(module("(i64.const 0)"), "Test_input", input(), ext, services);
  }

  /**
   * The bytes of input argument {@code index} within {@code input} (see {@link #inputAfterCall}).
   */
  byte[] argument(byte[] input, int index) {
    int start = offsets()[index];
    int length =
        switch (args.get(index)) {
          case InputPs(Bytes data) -> data.length();
          case InputPtr(Bytes data) -> data.length();
          case Constant c ->
              throw new IllegalArgumentException("argument " + index + " is a constant");
        };
    return Arrays.copyOfRange(input, start, start + length);
  }

  private void requireResult(WasmValueType type) {
    if (!signature.results().equals(List.of(type))) {
      throw new IllegalStateException(function + " does not return " + type.wasmName());
    }
  }
}
