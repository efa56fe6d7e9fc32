/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.basalt.primitives.bytes.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tiny runtimes written in WAT for import tests: {@code Core_version} answers a fixed version (spec
 * "test", no APIs, so state V0) and {@code Core_execute_block} does what the test says.
 */
public final class TestRuntimes {
  private TestRuntimes() {}

  /**
   * A runtime module.
   *
   * @param imports extra imports (WAT)
   * @param executeBlock the body of {@code Core_execute_block(ptr i32, len i32) -> i64}
   */
  public static Bytes runtime(String imports, String executeBlock) {
    String wat =
        "(module\n"
            + imports
            + "\n"
            + """
              (memory (export "memory") 2)
              (global (export "__heap_base") i32 (i32.const 4096))
              ;; RuntimeVersion { "test", "test", 1, 1, 1, apis: [] } (Core v1 layout)
              (data (i32.const 16) "\\10test\\10test\\01\\00\\00\\00\\01\\00\\00\\00\\01\\00\\00\\00\\00")
              (data (i32.const 64) "key0value0")
              (data (i32.const 128) "the runtime refuses this block")
              (func (export "Core_version") (param i32 i32) (result i64)
                (i64.or (i64.shl (i64.const 23) (i64.const 32)) (i64.const 16)))
              (func (export "Core_execute_block") (param i32 i32) (result i64)
              """
            + executeBlock
            + "))";
    return Bytes.wrap(Wat2Wasm.parse(wat));
  }

  /** Executes every block without touching the state. */
  public static Bytes acceptsEverything() {
    return runtime("", "(i64.const 0)");
  }

  /** Traps ({@code unreachable}) in {@code Core_execute_block}. */
  public static Bytes traps() {
    return runtime("", "unreachable");
  }

  /** Panics with "the runtime refuses this block". */
  public static Bytes panics() {
    return runtime(
        "(import \"env\" \"ext_panic_handler_abort_on_panic_version_1\" (func $panic (param i64)))",
        "(call $panic (i64.or (i64.shl (i64.const 30) (i64.const 32)) (i64.const 128)))"
            + " (i64.const 0)");
  }

  /** Imports a host function no node provides. */
  public static Bytes missingHostFunction() {
    return runtime(
        "(import \"env\" \"ext_teleport_version_1\" (func (param i64)))", "(i64.const 0)");
  }

  /** Writes offchain index {@code key0 = value0} and nothing else. */
  public static Bytes indexesOffchain() {
    return runtime(
        "(import \"env\" \"ext_offchain_index_set_version_1\" (func $index (param i64 i64)))",
        """
        (call $index
          (i64.or (i64.shl (i64.const 4) (i64.const 32)) (i64.const 64))
          (i64.or (i64.shl (i64.const 6) (i64.const 32)) (i64.const 68)))
        (i64.const 0)""");
  }

  /** Writes a raw chain spec whose genesis holds only {@code :code}. */
  public static Path rawSpec(Path dir, String id, Bytes code) throws IOException {
    String json =
        "{\"name\":\""
            + id
            + "\",\"id\":\""
            + id
            + "\",\"chainType\":\"Development\",\"bootNodes\":[],\"genesis\":{\"raw\":{\"top\":{"
            + "\"0x3a636f6465\":\""
            + code.toHex()
            + "\"},\"childrenDefault\":{}}}}";
    return Files.writeString(dir.resolve(id + ".json"), json);
  }
}
