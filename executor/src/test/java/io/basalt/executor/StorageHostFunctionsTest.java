/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static io.basalt.executor.WatProbes.EXECUTOR;
import static io.basalt.executor.WatProbes.SERVICES;
import static io.basalt.executor.WatProbes.ascii;
import static io.basalt.executor.WatProbes.b;
import static io.basalt.executor.WatProbes.concat;
import static io.basalt.executor.WatProbes.cursor;
import static io.basalt.executor.WatProbes.ext;
import static io.basalt.executor.WatProbes.killResult;
import static io.basalt.executor.WatProbes.module;
import static io.basalt.executor.WatProbes.multiRemoval;
import static io.basalt.executor.WatProbes.noLimit;
import static io.basalt.executor.WatProbes.optionU32;
import static io.basalt.executor.WatProbes.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.TestBackends;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.primitives.bytes.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code ext_storage_*} called from Wasm: reads, transactions, prefix removal with their result
 * encodings byte for byte, and traps on bad pointers (also for the child-storage read).
 */
class StorageHostFunctionsTest {
  @Test
  void outOfBoundsPointerFromTheRuntimeTraps() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_storage_set_version_1" (func $set (param i64 i64)))
            (memory (export "memory") 1)
            (func (export "Test_oob") (param i32 i32) (result i64)
              (call $set (i64.const 0x000000047ffffff0) (i64.const 0))
              (i64.const 0))
            """);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_oob", new byte[0], ext()))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("ext_storage_set_version_1: out-of-bounds memory access");
  }

  @Test
  void commitWithoutTransactionTraps() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_storage_commit_transaction_version_1" (func $commit))
            (memory (export "memory") 1)
            (func (export "Test_commit") (param i32 i32) (result i64) (call $commit) (i64.const 0))
            """);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_commit", new byte[0], ext()))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("no transaction open");
  }

  @Test
  void storageRoundTripThroughHostFunctionsAndDanglingTransactionsRollBack() {
    // Test_store: set(input, "v"), start a transaction, set("k2", "x"), return get(input).
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_storage_set_version_1" (func $set (param i64 i64)))
            (import "env" "ext_storage_get_version_1" (func $get (param i64) (result i64)))
            (import "env" "ext_storage_start_transaction_version_1" (func $start))
            (memory (export "memory") 1)
            (data (i32.const 8) "vk2x")
            (func (export "Test_store") (param $ptr i32) (param $len i32) (result i64)
              (local $key i64)
              (local.set $key (i64.or (i64.shl (i64.extend_i32_u (local.get $len)) (i64.const 32))
                                      (i64.extend_i32_u (local.get $ptr))))
              (call $set (local.get $key) (i64.const 0x0000000100000008))
              (call $start)
              (call $set (i64.const 0x0000000200000009) (i64.const 0x000000010000000b))
              (call $get (local.get $key)))
            """);
    OverlayedChanges changes = new OverlayedChanges();
    OverlayedExternalities ext = new OverlayedExternalities(changes, TestBackends.of(Map.of()));
    byte[] out = EXECUTOR.call(blob, "Test_store", "key".getBytes(StandardCharsets.US_ASCII), ext);

    // Option<Vec<u8>>: Some, length 1, "v"
    assertThat(out).containsExactly(1, 4, 'v');
    assertThat(ext.get(Bytes.wrap("key".getBytes(StandardCharsets.US_ASCII))))
        .contains(Bytes.wrap("v".getBytes(StandardCharsets.US_ASCII)));
    assertThat(ext.get(Bytes.wrap("k2".getBytes(StandardCharsets.US_ASCII)))).isEmpty();
    assertThat(changes.transactionDepth()).isZero();
  }

  private byte[] read(OverlayedExternalities ext, String key, int bufferLength, int offset) {
    HostCallProbe probe =
        HostCallProbe.of("ext_storage_read_version_1").ps(key).buffer(bufferLength).i32(offset);
    byte[] result = probe.returnedBytes(EXECUTOR, ext, SERVICES);
    byte[] buffer = probe.argument(probe.inputAfterCall(EXECUTOR, ext, SERVICES), 1);
    return concat(result, new byte[] {'|'}, buffer);
  }

  @Test
  void storageReadCopiesFromTheOffsetAndReportsWhatRemains() {
    OverlayedExternalities ext = state(Map.of("k", "hello world"), Map.of());
    // Option<u32> remaining after the offset, then '|', then the buffer.
    assertThat(read(ext, "k", 5, 6)).isEqualTo(concat(optionU32(5), ascii("|world")));
    assertThat(read(ext, "k", 3, 6)).isEqualTo(concat(optionU32(5), ascii("|wor")));
    assertThat(read(ext, "k", 16, 0))
        .isEqualTo(concat(optionU32(11), ascii("|hello world"), new byte[5]));
    assertThat(read(ext, "k", 4, 11)).isEqualTo(concat(optionU32(0), ascii("|"), new byte[4]));
    assertThat(read(ext, "k", 4, 20)).isEqualTo(concat(optionU32(0), ascii("|"), new byte[4]));
    assertThat(read(ext, "k", 4, -1))
        .as("offset u32::MAX")
        .isEqualTo(concat(optionU32(0), ascii("|"), new byte[4]));
    assertThat(read(ext, "missing", 4, 0)).isEqualTo(concat(new byte[] {0, '|'}, new byte[4]));
  }

  @Test
  void aReadBufferPartlyOutOfMemoryTrapsEvenIfTheValueWouldFit() {
    OverlayedExternalities ext = state(Map.of("k", "ab"), Map.of("k", "ab"));
    long memoryBytes = (1 + RuntimeExecutor.DEFAULT_HEAP_PAGES) * 65536L;
    long straddling = (10L << 32) | (memoryBytes - 4); // 4 bytes in memory, 6 beyond
    for (String key : new String[] {"k", "missing"}) {
      assertThatThrownBy(
              () ->
                  HostCallProbe.of("ext_storage_read_version_1")
                      .ps(key)
                      .i64(straddling)
                      .i32(0)
                      .returnedBytes(EXECUTOR, ext, SERVICES))
          .isInstanceOf(RuntimeTrapException.class)
          .hasMessageContaining("ext_storage_read_version_1: out-of-bounds memory access");
      assertThatThrownBy(
              () ->
                  HostCallProbe.of("ext_default_child_storage_read_version_1")
                      .ps("c")
                      .ps(key)
                      .i64(straddling)
                      .i32(0)
                      .returnedBytes(EXECUTOR, ext, SERVICES))
          .isInstanceOf(RuntimeTrapException.class)
          .hasMessageContaining(
              "ext_default_child_storage_read_version_1: out-of-bounds memory access");
    }
  }

  /** p1..p3 and q in the backend, p4 only in the overlay. */
  private OverlayedExternalities prefixState() {
    OverlayedExternalities ext = state(Map.of("p1", "1", "p2", "2", "p3", "3", "q", "4"), Map.of());
    ext.set(b("p4"), b("5"));
    return ext;
  }

  @Test
  void clearPrefixV1AndV2RemoveWithinTheLimitAndCountBackendLoops() {
    OverlayedExternalities ext = prefixState();
    byte[] limited =
        HostCallProbe.of("ext_storage_clear_prefix_version_2")
            .ps("p")
            .ps(optionU32(2))
            .returnedBytes(EXECUTOR, ext, SERVICES);
    assertThat(limited).as("p1, p2 visited; p3 remains").isEqualTo(killResult(false, 2));
    assertThat(ext.exists(b("p3"))).isTrue();
    assertThat(ext.exists(b("p4"))).isFalse();
    byte[] rest =
        HostCallProbe.of("ext_storage_clear_prefix_version_2")
            .ps("p")
            .ps(noLimit())
            .returnedBytes(EXECUTOR, ext, SERVICES);
    assertThat(rest).as("visits p1..p3 again").isEqualTo(killResult(true, 3));
    assertThat(ext.exists(b("p3"))).isFalse();

    HostCallProbe.of("ext_storage_clear_prefix_version_1").ps("q").run(EXECUTOR, ext, SERVICES);
    assertThat(ext.exists(b("q"))).isFalse();
  }

  @Test
  void clearPrefixV3ReturnsMultiRemovalResultsAndResumesFromTheCursor() {
    OverlayedExternalities ext = prefixState();
    byte[] first =
        HostCallProbe.of("ext_storage_clear_prefix_version_3")
            .ps("p")
            .ps(optionU32(2))
            .ps(cursor(Optional.empty()))
            .returnedBytes(EXECUTOR, ext, SERVICES);
    assertThat(first)
        .as("cursor p3; 2 from the backend; p4 from the overlay too")
        .isEqualTo(multiRemoval(Optional.of("p3"), 2, 3, 2));
    byte[] second =
        HostCallProbe.of("ext_storage_clear_prefix_version_3")
            .ps("p")
            .ps(optionU32(2))
            .ps(cursor(Optional.of(b("p3"))))
            .returnedBytes(EXECUTOR, ext, SERVICES);
    assertThat(second).isEqualTo(multiRemoval(Optional.empty(), 1, 1, 1));
    assertThat(ext.nextKey(Bytes.EMPTY)).contains(b("q"));
  }
}
