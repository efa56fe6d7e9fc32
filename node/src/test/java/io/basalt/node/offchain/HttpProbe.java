/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.offchain;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.basalt.executor.vm.RuntimeBlob;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A runtime that makes one HTTP request the way an offchain worker does, in a single call of {@code
 * Test_http}: {@code http_request_start}, {@code add_header} for each header, {@code write_body}
 * with the body (if any) and the empty chunk that finalises it, {@code http_response_wait}, {@code
 * http_response_headers}, then {@code http_response_read_body} until it returns {@code Ok(0)} or an
 * error. Every host result, and every body chunk read, is returned as a record {@code [u32
 * length][bytes]}; the run stops after a failed start.
 *
 * <p>The request's strings and the SCALE {@code Option<u64>} deadline live in a data segment at
 * known addresses, so the module is generated per request.
 */
final class HttpProbe {
  private static final int DATA = 1024;
  private static final int IDS = 39_000;
  private static final int BUFFER = 40_000;
  private static final int BUFFER_SIZE = 4096;
  private static final int OUT = 65_536;
  private static final int HEAP_BASE = 3 * 65_536;

  private final String method;
  private final String uri;
  private final List<String[]> headers = new ArrayList<>();
  private byte[] body = new byte[0];
  private byte[] deadline = {0};

  private HttpProbe(String method, String uri) {
    this.method = method;
    this.uri = uri;
  }

  static HttpProbe request(String method, String uri) {
    return new HttpProbe(method, uri);
  }

  HttpProbe header(String name, String value) {
    headers.add(new String[] {name, value});
    return this;
  }

  HttpProbe body(String text) {
    body = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** The SCALE {@code Option<u64>} deadline used by every call that takes one. */
  HttpProbe deadline(byte[] encoded) {
    deadline = encoded.clone();
    return this;
  }

  /** Lays the data out and returns the pointer-size expression of each piece, in order. */
  private static final class Data {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    String add(byte[] data) {
      int at = DATA + bytes.size();
      bytes.writeBytes(data);
      if (DATA + bytes.size() > IDS) {
        throw new IllegalArgumentException("request too large for the probe");
      }
      return "(call $ps (i32.const " + at + ") (i32.const " + data.length + "))";
    }

    String add(String text) {
      return add(text.getBytes(StandardCharsets.UTF_8));
    }

    String segment() {
      StringBuilder sb = new StringBuilder("(data (i32.const " + DATA + ") \"");
      for (byte b : bytes.toByteArray()) {
        sb.append(String.format("\\%02x", b & 0xff));
      }
      return sb.append("\")").toString();
    }
  }

  RuntimeBlob module() {
    Data data = new Data();
    String methodPs = data.add(method);
    String uriPs = data.add(uri);
    String metaPs = data.add(new byte[0]);
    String deadlinePs = data.add(deadline);
    StringBuilder steps = new StringBuilder();
    for (String[] h : headers) {
      steps.append(
          "(call $record_ps (call $header (local.get $id) "
              + data.add(h[0])
              + " "
              + data.add(h[1])
              + "))\n");
    }
    if (body.length > 0) {
      steps.append(
          "(call $record_ps (call $write (local.get $id) "
              + data.add(body)
              + " "
              + deadlinePs
              + "))\n");
    }
    String wat =
        """
        (module
          (import "env" "ext_offchain_http_request_start_version_1"
            (func $start (param i64 i64 i64) (result i64)))
          (import "env" "ext_offchain_http_request_add_header_version_1"
            (func $header (param i32 i64 i64) (result i64)))
          (import "env" "ext_offchain_http_request_write_body_version_1"
            (func $write (param i32 i64 i64) (result i64)))
          (import "env" "ext_offchain_http_response_wait_version_1"
            (func $wait (param i64 i64) (result i64)))
          (import "env" "ext_offchain_http_response_headers_version_1"
            (func $headers (param i32) (result i64)))
          (import "env" "ext_offchain_http_response_read_body_version_1"
            (func $read (param i32 i64 i64) (result i64)))
          (memory (export "memory") 4)
          (global (export "__heap_base") i32 (i32.const HEAP_BASE))
          (global $out (mut i32) (i32.const OUT))
          DATA_SEGMENT
          (func $ps (param $p i32) (param $l i32) (result i64)
            (i64.or (i64.extend_i32_u (local.get $p))
                    (i64.shl (i64.extend_i32_u (local.get $l)) (i64.const 32))))
          (func $record (param $p i32) (param $l i32)
            (local $i i32)
            (i32.store (global.get $out) (local.get $l))
            (global.set $out (i32.add (global.get $out) (i32.const 4)))
            (block $done
              (loop $copy
                (br_if $done (i32.ge_u (local.get $i) (local.get $l)))
                (i32.store8 (i32.add (global.get $out) (local.get $i))
                            (i32.load8_u (i32.add (local.get $p) (local.get $i))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $copy)))
            (global.set $out (i32.add (global.get $out) (local.get $l))))
          (func $record_ps (param $r i64)
            (call $record (i32.wrap_i64 (local.get $r))
                          (i32.wrap_i64 (i64.shr_u (local.get $r) (i64.const 32)))))
          (func $output (result i64)
            (call $ps (i32.const OUT) (i32.sub (global.get $out) (i32.const OUT))))
          (func (export "Test_http") (param i32 i32) (result i64)
            (local $r i64) (local $id i32) (local $n i32) (local $reads i32)
            (local.set $r (call $start METHOD URI META))
            (call $record_ps (local.get $r))
            (if (i32.ne (i32.load8_u (i32.wrap_i64 (local.get $r))) (i32.const 0))
              (then (return (call $output))))
            (local.set $id (i32.load16_u (i32.add (i32.wrap_i64 (local.get $r)) (i32.const 1))))
            STEPS
            (call $record_ps (call $write (local.get $id) (call $ps (i32.const 0) (i32.const 0)) DEADLINE))
            (i32.store8 (i32.const IDS) (i32.const 4))
            (i32.store16 (i32.const IDS_PLUS_1) (local.get $id))
            (call $record_ps (call $wait (call $ps (i32.const IDS) (i32.const 3)) DEADLINE))
            (call $record_ps (call $headers (local.get $id)))
            (block $done
              (loop $next
                (local.set $r (call $read (local.get $id)
                  (call $ps (i32.const BUFFER) (i32.const BUFFER_SIZE)) DEADLINE))
                (call $record_ps (local.get $r))
                (br_if $done (i32.ne (i32.load8_u (i32.wrap_i64 (local.get $r))) (i32.const 0)))
                (local.set $n (i32.load (i32.add (i32.wrap_i64 (local.get $r)) (i32.const 1))))
                (br_if $done (i32.eqz (local.get $n)))
                (call $record (i32.const BUFFER) (local.get $n))
                (local.set $reads (i32.add (local.get $reads) (i32.const 1)))
                (br_if $done (i32.ge_u (local.get $reads) (i32.const 1000)))
                (br $next)))
            (call $output)))
        """
            .replace("HEAP_BASE", Integer.toString(HEAP_BASE))
            .replace("IDS_PLUS_1", Integer.toString(IDS + 1))
            .replace("IDS", Integer.toString(IDS))
            .replace("BUFFER_SIZE", Integer.toString(BUFFER_SIZE))
            .replace("BUFFER", Integer.toString(BUFFER))
            .replace("OUT", Integer.toString(OUT))
            .replace("METHOD", methodPs)
            .replace("URI", uriPs)
            .replace("META", metaPs)
            .replace("DEADLINE", deadlinePs)
            .replace("STEPS", steps.toString())
            .replace("DATA_SEGMENT", data.segment());
    return RuntimeBlob.parse(Wat2Wasm.parse(wat));
  }
}
