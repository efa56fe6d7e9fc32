/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.TestBackends;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.InMemoryKeystore;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.WellKnownKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Host-API probes written in WAT and compiled with Chicory's wabt: small runtimes that import host
 * functions and misbehave on purpose. Run in the interpreter (no compile time).
 */
class WatProbeTest {
  private static final RuntimeExecutor EXECUTOR =
      new RuntimeExecutor(
          ExecutorConfig.defaults().withMethod(WasmExecutionMethod.INTERPRETED),
          HostServices.standard());

  @AfterAll
  static void close() {
    EXECUTOR.close();
  }

  static RuntimeBlob module(String body) {
    return RuntimeBlob.parse(
        Wat2Wasm.parse(
            "(module\n" + body + "\n (global (export \"__heap_base\") i32 (i32.const 1024)))"));
  }

  static OverlayedExternalities ext() {
    return new OverlayedExternalities(new OverlayedChanges(), TestBackends.of(Map.of()));
  }

  @Test
  void panicHandlerMessageBecomesTheTrapMessage() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_panic_handler_abort_on_panic_version_1" (func $panic (param i64)))
            (memory (export "memory") 1)
            (data (i32.const 16) "boom: balance too low")
            (func (export "Test_panic") (param i32 i32) (result i64)
              (call $panic (i64.or (i64.shl (i64.const 21) (i64.const 32)) (i64.const 16)))
              (i64.const 0))
            """);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_panic", new byte[0], ext()))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("Test_panic panicked: boom: balance too low")
        .satisfies(
            e ->
                assertThat(((RuntimeTrapException) e).panicMessage())
                    .contains("boom: balance too low"));
  }

  @Test
  void olderRuntimesPanicByLoggingAnErrorThenTrapping() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_logging_log_version_1" (func $log (param i32 i64 i64)))
            (import "env" "memory" (memory 1))
            (data (i32.const 16) "runtimepanicked at 'overflow'")
            (func (export "Test_panic") (param i32 i32) (result i64)
              (call $log (i32.const 0)
                (i64.or (i64.shl (i64.const 7) (i64.const 32)) (i64.const 16))
                (i64.or (i64.shl (i64.const 22) (i64.const 32)) (i64.const 23)))
              unreachable)
            """);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_panic", new byte[0], ext()))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("panicked: panicked at 'overflow'")
        .hasMessageContaining("unreachable");
  }

  @Test
  void missingHostFunctionsAreAllListed() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_storage_get_version_1" (func (param i64) (result i64)))
            (import "env" "ext_made_up_version_1" (func (param i32)))
            (import "other" "thing" (func))
            (memory (export "memory") 1)
            (func (export "Core_version") (param i32 i32) (result i64) (i64.const 0))
            """);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Core_version", new byte[0], ext()))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("2 function(s) this node does not provide")
        .hasMessageContaining("env.ext_made_up_version_1")
        .hasMessageContaining("other.thing");
  }

  @Test
  void importWithTheWrongSignatureIsRefused() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_storage_get_version_1" (func (param i32) (result i64)))
            (memory (export "memory") 1)
            """);
    assertThatThrownBy(() -> EXECUTOR.prepare(blob))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining(
            "env.ext_storage_get_version_1 has type (i32)->(i64) but the host function has type"
                + " (i64)->(i64)");
  }

  @Test
  void corruptedWasmIsRefusedWithAClearMessage() {
    byte[] wasm = Wat2Wasm.parse("(module (func (export \"f\") (result i32) i32.const 1))");
    byte[] corrupted = java.util.Arrays.copyOf(wasm, wasm.length);
    corrupted[corrupted.length - 3] = (byte) 0xff;
    RuntimeBlob blob = RuntimeBlob.parse(corrupted);
    assertThatThrownBy(() -> EXECUTOR.prepare(blob))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("is not a valid Wasm module")
        .hasMessageContaining("illegal opcode")
        .hasMessageContaining(blob.codeHash().toString());
  }

  @Test
  void missingExportIsReported() {
    RuntimeBlob blob = module("(memory (export \"memory\") 1)");
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Core_version", new byte[0], ext()))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("does not export the function Core_version");
  }

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

  @Test
  void signatureVerificationIsRealAndSigningNeedsAKeystore() {
    // Test_verify(sig ‖ pub ‖ msg) -> [sr25519_verify_version_2(sig, msg, pub)]
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_crypto_sr25519_verify_version_2" (func $v (param i32 i64 i32) (result i32)))
            (import "env" "ext_crypto_sr25519_sign_version_1" (func $s (param i32 i32 i64) (result i64)))
            (memory (export "memory") 1)
            (func (export "Test_verify") (param $p i32) (param $l i32) (result i64)
              (local $r i32)
              (local.set $r
                (call $v
                  (local.get $p)
                  (i64.or
                    (i64.extend_i32_u (i32.add (local.get $p) (i32.const 96)))
                    (i64.shl (i64.extend_i32_u (i32.sub (local.get $l) (i32.const 96))) (i64.const 32)))
                  (i32.add (local.get $p) (i32.const 64))))
              (i32.store8 (local.get $p) (local.get $r))
              (i64.or (i64.extend_i32_u (local.get $p)) (i64.shl (i64.const 1) (i64.const 32))))
            (func (export "Test_sign") (param i32 i32) (result i64)
              (call $s (i32.const 0) (i32.const 4) (i64.const 0)))
            """);
    var alice = KeyScheme.SR25519.fromSuri("//Alice", java.util.Optional.empty()).pair();
    byte[] message = "basalt".getBytes(StandardCharsets.US_ASCII);
    byte[] signature = alice.sign(message);
    byte[] pub = alice.publicKey().toArray();
    assertThat(EXECUTOR.call(blob, "Test_verify", concat(signature, pub, message), ext()))
        .containsExactly(1);
    byte[] tampered = message.clone();
    tampered[0] ^= 1;
    assertThat(EXECUTOR.call(blob, "Test_verify", concat(signature, pub, tampered), ext()))
        .containsExactly(0);
    assertThat(EXECUTOR.call(blob, "Test_verify", concat(new byte[64], pub, message), ext()))
        .containsExactly(0);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_sign", new byte[0], ext()))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("no keystore is associated with this runtime call");
  }

  @Test
  void signingKeysComeFromTheKeystoreGrantedToTheCall() {
    // Test_keys(key type) -> sr25519_public_keys; Test_sign(type ‖ pub ‖ msg) -> sr25519_sign;
    // Test_generate(type ‖ Option<seed>) -> ed25519_generate (a 32-byte key).
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_crypto_sr25519_public_keys_version_1" (func $keys (param i32) (result i64)))
            (import "env" "ext_crypto_sr25519_sign_version_1" (func $sign (param i32 i32 i64) (result i64)))
            (import "env" "ext_crypto_ed25519_generate_version_1" (func $gen (param i32 i64) (result i32)))
            (memory (export "memory") 1)
            (func $ps (param $p i32) (param $l i32) (result i64)
              (i64.or (i64.extend_i32_u (local.get $p)) (i64.shl (i64.extend_i32_u (local.get $l)) (i64.const 32))))
            (func (export "Test_keys") (param $p i32) (param $l i32) (result i64)
              (call $keys (local.get $p)))
            (func (export "Test_sign") (param $p i32) (param $l i32) (result i64)
              (call $sign (local.get $p) (i32.add (local.get $p) (i32.const 4))
                (call $ps (i32.add (local.get $p) (i32.const 36)) (i32.sub (local.get $l) (i32.const 36)))))
            (func (export "Test_generate") (param $p i32) (param $l i32) (result i64)
              (call $ps
                (call $gen (local.get $p)
                  (call $ps (i32.add (local.get $p) (i32.const 4)) (i32.sub (local.get $l) (i32.const 4))))
                (i32.const 32)))
            """);
    InMemoryKeystore keystore = new InMemoryKeystore();
    var alice = KeyScheme.SR25519.fromSuri("//Alice", java.util.Optional.empty()).pair();
    keystore.insert(KeyTypeId.ACCOUNT, "//Alice", alice.publicKey());
    HostServices services = HostServices.standard().withKeystore(keystore);
    byte[] acco = KeyTypeId.ACCOUNT.id().toArray();

    byte[] keys = EXECUTOR.call(blob, "Test_keys", acco, ext(), services);
    assertThat(keys).isEqualTo(concat(new byte[] {4}, alice.publicKey().toArray()));

    byte[] message = "authored".getBytes(StandardCharsets.US_ASCII);
    byte[] signed =
        EXECUTOR.call(
            blob, "Test_sign", concat(acco, alice.publicKey().toArray(), message), ext(), services);
    assertThat(signed).hasSize(65).startsWith(1);
    byte[] signature = java.util.Arrays.copyOfRange(signed, 1, 65);
    assertThat(KeyScheme.SR25519.verify(signature, message, alice.publicKey().toArray())).isTrue();
    // A key the keystore does not hold signs nothing: None.
    byte[] unknown = new byte[32];
    assertThat(EXECUTOR.call(blob, "Test_sign", concat(acco, unknown, message), ext(), services))
        .containsExactly(0);

    byte[] seed =
        ScaleCodec.option(ScaleCodec.BYTES)
            .encode(java.util.Optional.of(Bytes.wrap("//Bob".getBytes(StandardCharsets.UTF_8))));
    byte[] generated = EXECUTOR.call(blob, "Test_generate", concat(acco, seed), ext(), services);
    assertThat(generated)
        .isEqualTo(
            KeyScheme.ED25519
                .fromSuri("//Bob", java.util.Optional.empty())
                .pair()
                .publicKey()
                .toArray());
    assertThat(keystore.publicKeys(KeyTypeId.ACCOUNT, KeyScheme.ED25519))
        .contains(Bytes.wrap(generated));
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void heapPagesBoundTheAllocator() {
    // Asks the host for 3 MiB; 16 extra pages (1 MiB) are not enough, the default 2048 are.
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_allocator_malloc_version_1" (func $malloc (param i32) (result i32)))
            (memory (export "memory") 1)
            (func (export "Test_alloc") (param i32 i32) (result i64)
              (drop (call $malloc (i32.const 3145728)))
              (i64.const 0))
            """);
    OverlayedExternalities small =
        new OverlayedExternalities(
            new OverlayedChanges(),
            TestBackends.of(Map.of(WellKnownKeys.HEAP_PAGES, Bytes.fromHex("0x1000000000000000"))));
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_alloc", new byte[0], small))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("allocator: out of space");
    assertThat(EXECUTOR.call(blob, "Test_alloc", new byte[0], ext())).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // One host function at a time, called from Wasm with real pointers (HostCallProbe).

  private static final HostServices SERVICES = HostServices.standard();

  private static Bytes b(String text) {
    return Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] optionU32(long value) {
    return ScaleCodec.option(ScaleCodec.U32).encode(java.util.Optional.of(value));
  }

  private static byte[] noLimit() {
    return ScaleCodec.option(ScaleCodec.U32).encode(java.util.Optional.empty());
  }

  private static byte[] cursor(java.util.Optional<Bytes> cursor) {
    return ScaleCodec.option(ScaleCodec.BYTES).encode(cursor);
  }

  /** A state with these top entries and one default child trie {@code c} with these entries. */
  private static OverlayedExternalities state(Map<String, String> top, Map<String, String> child) {
    Map<Bytes, Bytes> t = new java.util.TreeMap<>();
    top.forEach((k, v) -> t.put(b(k), b(v)));
    Map<Bytes, Bytes> c = new java.util.TreeMap<>();
    child.forEach((k, v) -> c.put(b(k), b(v)));
    return new OverlayedExternalities(
        new OverlayedChanges(),
        c.isEmpty() ? TestBackends.of(t) : TestBackends.of(t, Map.of(b("c"), c)));
  }

  /** {@code KillStorageResult}: 0 AllRemoved(u32), 1 SomeRemaining(u32). */
  private static byte[] killResult(boolean allRemoved, long loops) {
    return new ScaleWriter(5).writeU8(allRemoved ? 0 : 1).writeU32(loops).toByteArray();
  }

  /** {@code MultiRemovalResults}: (maybe_cursor, backend, unique, loops). */
  private static byte[] multiRemoval(
      java.util.Optional<String> cursor, long backend, long unique, long loops) {
    ScaleWriter w = new ScaleWriter();
    w.writeOption(cursor.map(WatProbeTest::b), ScaleCodec.BYTES);
    return w.writeU32(backend).writeU32(unique).writeU32(loops).toByteArray();
  }

  /** {@code ext_storage_*} and {@code ext_default_child_storage_*} results, byte for byte. */
  @org.junit.jupiter.api.Nested
  class StorageProbes {
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
      OverlayedExternalities ext =
          state(Map.of("p1", "1", "p2", "2", "p3", "3", "q", "4"), Map.of());
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
              .ps(cursor(java.util.Optional.empty()))
              .returnedBytes(EXECUTOR, ext, SERVICES);
      assertThat(first)
          .as("cursor p3; 2 from the backend; p4 from the overlay too")
          .isEqualTo(multiRemoval(java.util.Optional.of("p3"), 2, 3, 2));
      byte[] second =
          HostCallProbe.of("ext_storage_clear_prefix_version_3")
              .ps("p")
              .ps(optionU32(2))
              .ps(cursor(java.util.Optional.of(b("p3"))))
              .returnedBytes(EXECUTOR, ext, SERVICES);
      assertThat(second).isEqualTo(multiRemoval(java.util.Optional.empty(), 1, 1, 1));
      assertThat(ext.nextKey(Bytes.EMPTY)).contains(b("q"));
    }

    private OverlayedExternalities childState() {
      return state(Map.of(), Map.of("a", "1", "b", "2", "c", "3"));
    }

    private boolean childExists(OverlayedExternalities ext, String key) {
      return ext.childExists(b("c"), b(key));
    }

    @Test
    void storageKillV1ToV4RemoveTheChildTrieWithTheirResultEncodings() {
      OverlayedExternalities v1 = childState();
      HostCallProbe.of("ext_default_child_storage_storage_kill_version_1")
          .ps("c")
          .run(EXECUTOR, v1, SERVICES);
      assertThat(childExists(v1, "a") || childExists(v1, "b") || childExists(v1, "c")).isFalse();

      OverlayedExternalities v2 = childState();
      assertThat(
              HostCallProbe.of("ext_default_child_storage_storage_kill_version_2")
                  .ps("c")
                  .ps(optionU32(2))
                  .value(EXECUTOR, v2, SERVICES))
          .as("not all removed")
          .isZero();
      assertThat(childExists(v2, "c")).isTrue();
      assertThat(
              HostCallProbe.of("ext_default_child_storage_storage_kill_version_2")
                  .ps("c")
                  .ps(noLimit())
                  .value(EXECUTOR, v2, SERVICES))
          .isEqualTo(1);

      OverlayedExternalities v3 = childState();
      assertThat(
              HostCallProbe.of("ext_default_child_storage_storage_kill_version_3")
                  .ps("c")
                  .ps(optionU32(2))
                  .returnedBytes(EXECUTOR, v3, SERVICES))
          .isEqualTo(killResult(false, 2));
      assertThat(
              HostCallProbe.of("ext_default_child_storage_storage_kill_version_3")
                  .ps("c")
                  .ps(noLimit())
                  .returnedBytes(EXECUTOR, v3, SERVICES))
          .isEqualTo(killResult(true, 3));

      OverlayedExternalities v4 = childState();
      assertThat(
              HostCallProbe.of("ext_default_child_storage_storage_kill_version_4")
                  .ps("c")
                  .ps(optionU32(1))
                  .ps(cursor(java.util.Optional.empty()))
                  .returnedBytes(EXECUTOR, v4, SERVICES))
          .isEqualTo(multiRemoval(java.util.Optional.of("b"), 1, 1, 1));
      assertThat(
              HostCallProbe.of("ext_default_child_storage_storage_kill_version_4")
                  .ps("c")
                  .ps(noLimit())
                  .ps(cursor(java.util.Optional.of(b("b"))))
                  .returnedBytes(EXECUTOR, v4, SERVICES))
          .isEqualTo(multiRemoval(java.util.Optional.empty(), 2, 2, 2));
      assertThat(childExists(v4, "c")).isFalse();
    }

    @Test
    void childNextKeyAndClearPrefix() {
      OverlayedExternalities ext = state(Map.of(), Map.of("a1", "1", "a2", "2", "b1", "3"));
      ScaleCodec<java.util.Optional<Bytes>> optionBytes = ScaleCodec.option(ScaleCodec.BYTES);
      java.util.function.Function<String, java.util.Optional<Bytes>> next =
          key ->
              optionBytes.decode(
                  HostCallProbe.of("ext_default_child_storage_next_key_version_1")
                      .ps("c")
                      .ps(key)
                      .returnedBytes(EXECUTOR, ext, SERVICES));
      assertThat(next.apply("")).contains(b("a1"));
      assertThat(next.apply("a1")).contains(b("a2"));
      assertThat(next.apply("a11")).contains(b("a2"));
      assertThat(next.apply("b1")).isEmpty();

      assertThat(
              HostCallProbe.of("ext_default_child_storage_clear_prefix_version_2")
                  .ps("c")
                  .ps("a")
                  .ps(optionU32(1))
                  .returnedBytes(EXECUTOR, ext, SERVICES))
          .isEqualTo(killResult(false, 1));
      assertThat(next.apply("")).contains(b("a2"));
      HostCallProbe.of("ext_default_child_storage_clear_prefix_version_1")
          .ps("c")
          .ps("a")
          .run(EXECUTOR, ext, SERVICES);
      assertThat(next.apply("")).contains(b("b1"));
    }

    @Test
    void childRootV1AndV2FollowTheStateVersion() {
      // host-api.md §12 (= gossamer's layout test): a 39-byte value is hashed in V1 only.
      Hash256 v0 =
          Hash256.fromHex("0x71052d48704658a8435fb9cbc7ef69c75dad2f64001cb30bfa010f7d609e2657");
      Hash256 v1 =
          Hash256.fromHex("0x6a4a732757263bf2bc4e03a341e3f8ea635f78996ec06a6a965d5097a2911c29");
      OverlayedExternalities ext =
          new OverlayedExternalities(new OverlayedChanges(), TestBackends.of(Map.of()));
      ext.childSet(b("v"), b("key1"), b("value1"));
      ext.childSet(b("v"), b("key2"), b("value2"));
      ext.childSet(b("v"), b("key3"), b("verylargevaluewithmorethan32byteslength"));
      java.util.function.Function<HostCallProbe, Hash256> root =
          probe -> Hash256.wrap(probe.returnedBytes(EXECUTOR, ext, SERVICES));
      assertThat(root.apply(HostCallProbe.of("ext_default_child_storage_root_version_1").ps("v")))
          .isEqualTo(v0);
      assertThat(
              root.apply(
                  HostCallProbe.of("ext_default_child_storage_root_version_2").ps("v").i32(1)))
          .isEqualTo(v1);
      assertThat(
              root.apply(
                  HostCallProbe.of("ext_default_child_storage_root_version_2").ps("v").i32(0)))
          .isEqualTo(v0);
      // Unchanged child tries answer the root stored in the top trie, whatever the version
      // asked (Substrate's Ext::child_storage_root); this backend was built with V0.
      OverlayedExternalities stored =
          new OverlayedExternalities(
              new OverlayedChanges(),
              TestBackends.of(
                  Map.of(),
                  Map.of(
                      b("v"),
                      Map.of(
                          b("key1"),
                          b("value1"),
                          b("key2"),
                          b("value2"),
                          b("key3"),
                          b("verylargevaluewithmorethan32byteslength")))));
      assertThat(
              Hash256.wrap(
                  HostCallProbe.of("ext_default_child_storage_root_version_2")
                      .ps("v")
                      .i32(1)
                      .returnedBytes(EXECUTOR, stored, SERVICES)))
          .isEqualTo(v0);
      assertThatThrownBy(
              () ->
                  HostCallProbe.of("ext_default_child_storage_root_version_2")
                      .ps("v")
                      .i32(2)
                      .returnedBytes(EXECUTOR, ext, SERVICES))
          .isInstanceOf(RuntimeTrapException.class)
          .hasMessageContaining("invalid state version 2");
    }
  }

  private static byte[] pairs(String... keysAndValues) {
    java.util.List<io.basalt.primitives.scale.Tuple2<Bytes, Bytes>> list =
        new java.util.ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      list.add(
          new io.basalt.primitives.scale.Tuple2<>(b(keysAndValues[i]), b(keysAndValues[i + 1])));
    }
    return ScaleCodec.vec(ScaleCodec.tuple(ScaleCodec.BYTES, ScaleCodec.BYTES)).encode(list);
  }

  private static byte[] items(java.util.List<Bytes> values) {
    return ScaleCodec.vec(ScaleCodec.BYTES).encode(values);
  }

  /**
   * {@code ext_trie_*}: roots against known answers (host-api.md §12, Kusama #1's extrinsics root)
   * and single-leaf tries encoded by hand from host-api.md §8, and compact-proof checks against a
   * real state root (smoldot's prefix-proof fixture).
   */
  @org.junit.jupiter.api.Nested
  class TrieProbes {
    private static final String[] VECTOR = {
      "key1", "value1", "key2", "value2", "key3", "verylargevaluewithmorethan32byteslength"
    };
    private static final Hash256 VECTOR_V0 =
        Hash256.fromHex("0x71052d48704658a8435fb9cbc7ef69c75dad2f64001cb30bfa010f7d609e2657");
    private static final Hash256 VECTOR_V1 =
        Hash256.fromHex("0x6a4a732757263bf2bc4e03a341e3f8ea635f78996ec06a6a965d5097a2911c29");
    private static final Hash256 EMPTY_BLAKE2 =
        Hash256.fromHex("0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");

    private Hash256 root(HostCallProbe probe) {
      return Hash256.wrap(probe.pointedBytes(EXECUTOR, ext(), SERVICES, 32));
    }

    @Test
    void blake2RootV1AndV2MatchKnownRoots() {
      assertThat(root(HostCallProbe.of("ext_trie_blake2_256_root_version_1").ps(pairs(VECTOR))))
          .isEqualTo(VECTOR_V0);
      assertThat(
              root(HostCallProbe.of("ext_trie_blake2_256_root_version_2").ps(pairs(VECTOR)).i32(0)))
          .isEqualTo(VECTOR_V0);
      assertThat(
              root(HostCallProbe.of("ext_trie_blake2_256_root_version_2").ps(pairs(VECTOR)).i32(1)))
          .isEqualTo(VECTOR_V1);
      assertThat(root(HostCallProbe.of("ext_trie_blake2_256_root_version_1").ps(pairs())))
          .isEqualTo(EMPTY_BLAKE2);
    }

    @Test
    void blake2OrderedRootIsKusamaBlockOnesExtrinsicsRoot() throws java.io.IOException {
      com.fasterxml.jackson.databind.JsonNode block =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(io.basalt.testsupport.Fixtures.file("blocks/kusama-1.json").toFile())
              .get("blocks")
              .get(0);
      io.basalt.primitives.types.Header header =
          io.basalt.primitives.types.Header.CODEC.decode(
              io.basalt.primitives.bytes.Hex.decode(block.get("header").asText()));
      // The body is a Vec of opaque extrinsics; each item of the ordered trie is one extrinsic
      // with its own length prefix, as it appears in the body.
      io.basalt.primitives.scale.ScaleReader body =
          new io.basalt.primitives.scale.ScaleReader(
              io.basalt.primitives.bytes.Hex.decode(block.get("body").asText()));
      int count = body.readCompactInt();
      java.util.List<Bytes> extrinsics = new java.util.ArrayList<>();
      for (int i = 0; i < count; i++) {
        Bytes ext = body.readByteVec();
        extrinsics.add(
            Bytes.wrap(
                concat(new ScaleWriter().writeCompact(ext.length()).toByteArray(), ext.toArray())));
      }
      Hash256 expected = header.extrinsicsRoot();
      assertThat(
              root(
                  HostCallProbe.of("ext_trie_blake2_256_ordered_root_version_1")
                      .ps(items(extrinsics))))
          .isEqualTo(expected);
      // Both extrinsics are shorter than 33 bytes, so V1 hashes no value: the same root.
      assertThat(extrinsics).allSatisfy(e -> assertThat(e.length()).isLessThan(33));
      assertThat(
              root(
                  HostCallProbe.of("ext_trie_blake2_256_ordered_root_version_2")
                      .ps(items(extrinsics))
                      .i32(1)))
          .isEqualTo(expected);
    }

    /** A one-leaf trie by hand: header, partial key (whole key), value inline or hashed. */
    private Hash256 keccakLeafRoot(byte[] key, byte[] value, boolean hashedValue) {
      int nibbles = key.length * 2;
      byte[] node =
          hashedValue
              ? concat(new byte[] {(byte) (0x20 | nibbles)}, key, Hashing.keccak256(value))
              : concat(
                  new byte[] {(byte) (0x40 | nibbles)},
                  key,
                  new ScaleWriter().writeByteVec(value).toByteArray());
      return Hash256.wrap(Hashing.keccak256(node));
    }

    @Test
    void keccakRootsMatchHandEncodedTries() {
      byte[] large = ascii("a value of more than thirty-two bytes, hashed in V1");
      // The empty trie's root is the hash of the single byte 0x00.
      assertThat(root(HostCallProbe.of("ext_trie_keccak_256_root_version_1").ps(pairs())))
          .isEqualTo(Hash256.wrap(Hashing.keccak256(new byte[] {0})));
      assertThat(root(HostCallProbe.of("ext_trie_keccak_256_root_version_1").ps(pairs("k", "v"))))
          .isEqualTo(keccakLeafRoot(ascii("k"), ascii("v"), false));
      String largeText = new String(large, StandardCharsets.US_ASCII);
      assertThat(
              root(
                  HostCallProbe.of("ext_trie_keccak_256_root_version_2")
                      .ps(pairs("k", largeText))
                      .i32(0)))
          .isEqualTo(keccakLeafRoot(ascii("k"), large, false));
      assertThat(
              root(
                  HostCallProbe.of("ext_trie_keccak_256_root_version_2")
                      .ps(pairs("k", largeText))
                      .i32(1)))
          .isEqualTo(keccakLeafRoot(ascii("k"), large, true));
      // Ordered: the single item's key is compact(0) = 0x00.
      assertThat(
              root(
                  HostCallProbe.of("ext_trie_keccak_256_ordered_root_version_1")
                      .ps(items(java.util.List.of(Bytes.wrap(large))))))
          .isEqualTo(keccakLeafRoot(new byte[] {0}, large, false));
      assertThat(
              root(
                  HostCallProbe.of("ext_trie_keccak_256_ordered_root_version_2")
                      .ps(items(java.util.List.of(Bytes.wrap(large))))
                      .i32(1)))
          .isEqualTo(keccakLeafRoot(new byte[] {0}, large, true));
    }

    private long verify(
        int version, Hash256 root, java.util.List<Bytes> proof, Bytes key, Bytes value) {
      HostCallProbe probe =
          HostCallProbe.of(
                  version < 0
                      ? "ext_trie_blake2_256_verify_proof_version_1"
                      : "ext_trie_blake2_256_verify_proof_version_2")
              .ptr(root.toArray())
              .ps(items(proof))
              .ps(key.toArray())
              .ps(value.toArray());
      if (version >= 0) {
        probe.i32(version);
      }
      return probe.value(EXECUTOR, ext(), SERVICES);
    }

    @Test
    void verifyProofAcceptsACompactProofOfARealStateAndRejectsTampering()
        throws java.io.IOException {
      com.fasterxml.jackson.databind.JsonNode fixture =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(
                  io.basalt.testsupport.Fixtures.file("trie/smoldot-trie-prefix-proof-test.json")
                      .toFile());
      Hash256 root = Hash256.fromHex(fixture.get("trie_root_hash").asText());
      // The fixture's proofs are storage proofs (sets of full nodes) from a real chain. The host
      // function takes trie-db's compact proofs: make one for a key from those nodes. The value
      // is never in a compact proof; only the right value rebuilds the real root.
      java.util.Map<Hash256, Bytes> nodes = new java.util.HashMap<>();
      for (com.fasterxml.jackson.databind.JsonNode proof : fixture.get("proofs")) {
        for (Bytes node :
            ScaleCodec.vec(ScaleCodec.BYTES)
                .decode(io.basalt.primitives.bytes.Hex.decode(proof.asText()))) {
          nodes.put(Hashing.blake2b256Hash(node.unsafeArray()), node);
        }
      }
      io.basalt.storage.trie.TrieNodeSource source =
          io.basalt.storage.trie.TrieNodeSource.of(nodes);
      io.basalt.storage.trie.MerkleTrie trie = new io.basalt.storage.trie.MerkleTrie(source);
      java.util.Map<Bytes, Bytes> entries = new java.util.LinkedHashMap<>();
      for (com.fasterxml.jackson.databind.JsonNode entry : fixture.get("expected_entries")) {
        Bytes key = Bytes.fromHex(entry.asText());
        entries.put(key, trie.get(root, key).orElseThrow());
      }
      assertThat(entries).hasSize(fixture.get("expected_entries").size());
      java.util.Map.Entry<Bytes, Bytes> first = entries.entrySet().iterator().next();
      checkProofs(root, source, first.getKey(), first.getValue());
      // A value longer than 32 bytes goes back hashed under V1: not this (V0) trie's root.
      entries.entrySet().stream()
          .filter(e -> e.getValue().length() > 32)
          .findFirst()
          .ifPresent(
              e -> {
                java.util.List<Bytes> proof = compactProof(source, root, e.getKey());
                assertThat(verify(0, root, proof, e.getKey(), e.getValue())).isEqualTo(1);
                assertThat(verify(1, root, proof, e.getKey(), e.getValue())).as("V1").isZero();
              });
    }

    private java.util.List<Bytes> compactProof(
        io.basalt.storage.trie.TrieNodeSource source, Hash256 root, Bytes key) {
      return io.basalt.storage.trie.CompactTrieProof.generate(
          source, root, java.util.List.of(key), io.basalt.storage.trie.TrieHasher.BLAKE2B_256);
    }

    private void checkProofs(
        Hash256 root, io.basalt.storage.trie.TrieNodeSource source, Bytes key, Bytes value) {
      java.util.List<Bytes> compact = compactProof(source, root, key);
      assertThat(verify(-1, root, compact, key, value)).as("v1").isEqualTo(1);
      assertThat(verify(0, root, compact, key, value)).as("v2, V0").isEqualTo(1);
      if (value.length() <= 32) {
        assertThat(verify(1, root, compact, key, value)).as("v2, V1: inline too").isEqualTo(1);
      }
      byte[] wrong = value.toArray();
      wrong[wrong.length - 1] ^= 1;
      assertThat(verify(-1, root, compact, key, Bytes.wrap(wrong))).as("wrong value").isZero();
      java.util.List<Bytes> tampered = new java.util.ArrayList<>(compact);
      byte[] node = tampered.get(0).toArray();
      node[node.length - 1] ^= 1;
      tampered.set(0, Bytes.wrap(node));
      assertThat(verify(-1, root, tampered, key, value)).as("tampered proof").isZero();
      assertThat(verify(-1, root, compact.subList(0, compact.size() - 1), key, value))
          .as("truncated proof")
          .isZero();
      Hash256 otherRoot = Hash256.wrap(Hashing.blake2b256(root.toArray()));
      assertThat(verify(-1, otherRoot, compact, key, value)).as("other root").isZero();
      java.util.List<Bytes> plain =
          io.basalt.storage.trie.TrieProof.generate(source, root, java.util.List.of(key)).nodes();
      assertThat(verify(-1, root, plain, key, value))
          .as("a plain storage proof is not a compact proof")
          .isZero();
    }
  }

  /** {@code ext_misc_*} and {@code ext_logging_max_level}. */
  @org.junit.jupiter.api.Nested
  class MiscAndLoggingProbes {
    @Test
    void runtimeVersionIsNoneForBadCodeAndTheVersionOfARealRuntime() throws java.io.IOException {
      ScaleCodec<java.util.Optional<Bytes>> optionBytes = ScaleCodec.option(ScaleCodec.BYTES);
      for (byte[] bad : new byte[][] {ascii("not wasm"), new byte[0], Wat2Wasm.parse("(module)")}) {
        assertThat(
                HostCallProbe.of("ext_misc_runtime_version_version_1")
                    .ps(bad)
                    .returnedBytes(EXECUTOR, ext(), SERVICES))
            .containsExactly(0);
      }
      byte[] code =
          java.nio.file.Files.readAllBytes(
              io.basalt.testsupport.Fixtures.file("wasm/westend-runtime-v9300.wasm"));
      java.util.Optional<Bytes> encoded =
          optionBytes.decode(
              HostCallProbe.of("ext_misc_runtime_version_version_1")
                  .ps(code)
                  .returnedBytes(EXECUTOR, ext(), SERVICES));
      io.basalt.primitives.types.RuntimeVersion version =
          io.basalt.primitives.types.RuntimeVersion.decode(
              encoded.orElseThrow().toArray(), java.util.OptionalLong.empty());
      assertThat(version.specName()).isEqualTo("westend");
      assertThat(version.specVersion()).isEqualTo(9300);
      assertThat(version.apis()).isNotEmpty();
    }

    @Test
    void maxLevelFollowsTheRuntimeLogger() {
      HostCallProbe probe = HostCallProbe.of("ext_logging_max_level_version_1");
      Object[][] cases = {
        {ch.qos.logback.classic.Level.TRACE, 5L},
        {ch.qos.logback.classic.Level.DEBUG, 4L},
        {ch.qos.logback.classic.Level.INFO, 3L},
        {ch.qos.logback.classic.Level.WARN, 2L},
        {ch.qos.logback.classic.Level.ERROR, 1L},
        {ch.qos.logback.classic.Level.OFF, 0L}
      };
      for (Object[] c : cases) {
        try (CapturedLogs logs = CapturedLogs.of("runtime", (ch.qos.logback.classic.Level) c[0])) {
          assertThat(probe.value(EXECUTOR, ext(), SERVICES)).as(c[0].toString()).isEqualTo(c[1]);
          assertThat(logs.lines()).isEmpty();
        }
      }
    }

    @Test
    void printFunctionsLogAtDebugOnTheRuntimeTarget() {
      try (CapturedLogs logs = CapturedLogs.of("runtime", ch.qos.logback.classic.Level.DEBUG)) {
        HostCallProbe.of("ext_misc_print_num_version_1").i64(42).run(EXECUTOR, ext(), SERVICES);
        HostCallProbe.of("ext_misc_print_num_version_1").i64(-1).run(EXECUTOR, ext(), SERVICES);
        HostCallProbe.of("ext_misc_print_utf8_version_1")
            .ps("héllo wörld")
            .run(EXECUTOR, ext(), SERVICES);
        HostCallProbe.of("ext_misc_print_utf8_version_1")
            .ps(new byte[] {(byte) 0xff, 'x'})
            .run(EXECUTOR, ext(), SERVICES);
        HostCallProbe.of("ext_misc_print_hex_version_1")
            .ps(new byte[] {1, 2, (byte) 0xab})
            .run(EXECUTOR, ext(), SERVICES);
        assertThat(logs.lines())
            .as("u64 numbers; invalid UTF-8 prints nothing; hex as HexDisplay (no 0x)")
            .containsExactly(
                "DEBUG 42", "DEBUG 18446744073709551615", "DEBUG héllo wörld", "DEBUG 0102ab");
      }
    }

    @Test
    void printHexAbbreviatesLongDataAsHexDisplayDoes() {
      byte[] data = new byte[1027];
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) i;
      }
      try (CapturedLogs logs = CapturedLogs.of("runtime", ch.qos.logback.classic.Level.DEBUG)) {
        HostCallProbe.of("ext_misc_print_hex_version_1").ps(data).run(EXECUTOR, ext(), SERVICES);
        String expected =
            "DEBUG "
                + io.basalt.primitives.bytes.Hex.encodeBare(java.util.Arrays.copyOf(data, 512))
                + "..."
                + io.basalt.primitives.bytes.Hex.encodeBare(
                    java.util.Arrays.copyOfRange(data, data.length - 512, data.length));
        assertThat(logs.lines()).containsExactly(expected);
      }
    }
  }

  /**
   * An offchain context that records how each call was decoded and answers what the test set up.
   */
  static final class RecordingOffchainContext implements io.basalt.executor.api.OffchainContext {
    final java.util.List<String> calls = new java.util.ArrayList<>();
    boolean validator;
    boolean accept;
    java.util.Optional<OpaqueNetworkState> network = java.util.Optional.empty();
    long now;
    Hash256 seed = Hash256.wrap(new byte[32]);
    java.util.OptionalInt requestId = java.util.OptionalInt.empty();
    java.util.Optional<HttpError> writeError = java.util.Optional.empty();
    java.util.List<HttpRequestStatus> statuses = java.util.List.of();
    java.util.List<io.basalt.primitives.scale.Tuple2<Bytes, Bytes>> headers = java.util.List.of();
    io.basalt.primitives.scale.Result<Bytes, HttpError> body =
        io.basalt.primitives.scale.Result.ok(Bytes.EMPTY);

    private static String deadline(java.util.OptionalLong deadline) {
      return deadline.isPresent() ? Long.toString(deadline.getAsLong()) : "none";
    }

    @Override
    public boolean isValidator() {
      calls.add("is_validator");
      return validator;
    }

    @Override
    public boolean submitTransaction(Bytes extrinsic) {
      calls.add("submit_transaction " + extrinsic);
      return accept;
    }

    @Override
    public java.util.Optional<OpaqueNetworkState> networkState() {
      calls.add("network_state");
      return network;
    }

    @Override
    public long timestamp() {
      calls.add("timestamp");
      return now;
    }

    @Override
    public void sleepUntil(long deadlineMillis) {
      calls.add("sleep_until " + deadlineMillis);
    }

    @Override
    public Hash256 randomSeed() {
      calls.add("random_seed");
      return seed;
    }

    @Override
    public java.util.OptionalInt httpRequestStart(String method, String uri, Bytes meta) {
      calls.add("http_request_start " + method + " " + uri + " " + meta);
      return requestId;
    }

    @Override
    public boolean httpRequestAddHeader(int id, String name, String value) {
      calls.add("http_request_add_header " + id + " " + name + ": " + value);
      return accept;
    }

    @Override
    public java.util.Optional<HttpError> httpRequestWriteBody(
        int id, Bytes chunk, java.util.OptionalLong deadline) {
      calls.add("http_request_write_body " + id + " " + chunk + " " + deadline(deadline));
      return writeError;
    }

    @Override
    public java.util.List<HttpRequestStatus> httpResponseWait(
        java.util.List<Integer> ids, java.util.OptionalLong deadline) {
      calls.add("http_response_wait " + ids + " " + deadline(deadline));
      return statuses;
    }

    @Override
    public java.util.List<io.basalt.primitives.scale.Tuple2<Bytes, Bytes>> httpResponseHeaders(
        int id) {
      calls.add("http_response_headers " + id);
      return headers;
    }

    @Override
    public io.basalt.primitives.scale.Result<Bytes, HttpError> httpResponseReadBody(
        int id, int maxLength, java.util.OptionalLong deadline) {
      calls.add("http_response_read_body " + id + " " + maxLength + " " + deadline(deadline));
      return body;
    }

    @Override
    public void setAuthorizedNodes(java.util.List<Bytes> nodes, boolean authorizedOnly) {
      calls.add("set_authorized_nodes " + nodes + " " + authorizedOnly);
    }
  }

  /**
   * {@code ext_offchain_*} inside a granted offchain context: each function's arguments as the
   * context receives them and its result bytes (sp-core's offchain types, host-api.md §5), and the
   * trap of every one of them outside an offchain context.
   */
  @org.junit.jupiter.api.Nested
  class OffchainProbes {
    private final RecordingOffchainContext context = new RecordingOffchainContext();
    private final HostServices offchain =
        SERVICES.withOffchain(
            context,
            new io.basalt.executor.api.OffchainStorage() {
              @Override
              public void set(Kind kind, Bytes key, Bytes value) {}

              @Override
              public void clear(Kind kind, Bytes key) {}

              @Override
              public java.util.Optional<Bytes> get(Kind kind, Bytes key) {
                return java.util.Optional.empty();
              }

              @Override
              public boolean compareAndSet(
                  Kind kind, Bytes key, java.util.Optional<Bytes> expected, Bytes newValue) {
                return false;
              }
            });

    private byte[] bytes(HostCallProbe probe) {
      return probe.returnedBytes(EXECUTOR, ext(), offchain);
    }

    private long value(HostCallProbe probe) {
      return probe.value(EXECUTOR, ext(), offchain);
    }

    private byte[] deadline(java.util.Optional<Long> deadline) {
      return ScaleCodec.option(ScaleCodec.U64).encode(deadline);
    }

    @Test
    void isValidatorSubmitTransactionAndNetworkState() {
      HostCallProbe isValidator = HostCallProbe.of("ext_offchain_is_validator_version_1");
      assertThat(value(isValidator)).isZero();
      context.validator = true;
      assertThat(value(isValidator)).isEqualTo(1);

      byte[] extrinsic = {0x10, 4, 1, 2, 3};
      HostCallProbe submit =
          HostCallProbe.of("ext_offchain_submit_transaction_version_1").ps(extrinsic);
      context.accept = true;
      assertThat(bytes(submit)).as("Ok(())").containsExactly(0);
      context.accept = false;
      assertThat(bytes(submit)).as("Err(())").containsExactly(1);
      assertThat(context.calls).contains("submit_transaction 0x1004010203");

      HostCallProbe network = HostCallProbe.of("ext_offchain_network_state_version_1");
      assertThat(bytes(network)).as("Err(())").containsExactly(1);
      context.network =
          java.util.Optional.of(
              new io.basalt.executor.api.OffchainContext.OpaqueNetworkState(
                  Bytes.of((byte) 0xaa, (byte) 0xbb),
                  java.util.List.of(Bytes.of((byte) 1), Bytes.of((byte) 2, (byte) 3))));
      assertThat(bytes(network))
          .as("Ok(OpaqueNetworkState { peer_id, external_addresses })")
          .containsExactly(0, 8, 0xaa, 0xbb, 8, 4, 1, 8, 2, 3);
    }

    @Test
    void timestampSleepUntilAndRandomSeed() {
      context.now = 1_700_000_000_123L;
      assertThat(value(HostCallProbe.of("ext_offchain_timestamp_version_1")))
          .isEqualTo(1_700_000_000_123L);
      HostCallProbe.of("ext_offchain_sleep_until_version_1")
          .i64(1_700_000_000_500L)
          .run(EXECUTOR, ext(), offchain);
      assertThat(context.calls).contains("sleep_until 1700000000500");

      byte[] seed = new byte[32];
      for (int i = 0; i < seed.length; i++) {
        seed[i] = (byte) (i * 7);
      }
      context.seed = Hash256.wrap(seed);
      assertThat(
              HostCallProbe.of("ext_offchain_random_seed_version_1")
                  .pointedBytes(EXECUTOR, ext(), offchain, 32))
          .isEqualTo(seed);
    }

    @Test
    void httpRequestStartAddHeaderAndWriteBody() {
      HostCallProbe start =
          HostCallProbe.of("ext_offchain_http_request_start_version_1")
              .ps("POST")
              .ps("http://127.0.0.1:1/submit")
              .ps(new byte[] {9});
      context.requestId = java.util.OptionalInt.of(0x1234);
      assertThat(bytes(start)).as("Ok(HttpRequestId(0x1234))").containsExactly(0, 0x34, 0x12);
      context.requestId = java.util.OptionalInt.empty();
      assertThat(bytes(start)).as("Err(())").containsExactly(1);
      assertThat(context.calls).contains("http_request_start POST http://127.0.0.1:1/submit 0x09");

      // The id is a u16 passed as an i32: the high bits are ignored.
      HostCallProbe header =
          HostCallProbe.of("ext_offchain_http_request_add_header_version_1")
              .i32(0x10007)
              .ps("Content-Type")
              .ps("text/plain");
      context.accept = true;
      assertThat(bytes(header)).containsExactly(0);
      context.accept = false;
      assertThat(bytes(header)).containsExactly(1);
      assertThat(context.calls).contains("http_request_add_header 7 Content-Type: text/plain");

      HostCallProbe write =
          HostCallProbe.of("ext_offchain_http_request_write_body_version_1")
              .i32(7)
              .ps("chunk")
              .ps(deadline(java.util.Optional.of(1_000L)));
      assertThat(bytes(write)).as("Ok(())").containsExactly(0);
      // sp-core's HttpError has explicit discriminants: DeadlineReached = 1, IoError = 2,
      // Invalid = 3.
      int code = 1;
      for (io.basalt.executor.api.OffchainContext.HttpError error :
          io.basalt.executor.api.OffchainContext.HttpError.values()) {
        context.writeError = java.util.Optional.of(error);
        assertThat(bytes(write)).as(error.toString()).containsExactly(1, code++);
      }
      HostCallProbe.of("ext_offchain_http_request_write_body_version_1")
          .i32(7)
          .ps(new byte[0])
          .ps(deadline(java.util.Optional.empty()))
          .returnedBytes(EXECUTOR, ext(), offchain);
      assertThat(context.calls)
          .contains(
              "http_request_write_body 7 0x6368756e6b 1000", "http_request_write_body 7 0x none");
    }

    @Test
    void httpResponseWaitHeadersAndReadBody() {
      context.statuses =
          java.util.List.of(
              new io.basalt.executor.api.OffchainContext.HttpRequestStatus.Finished(404),
              new io.basalt.executor.api.OffchainContext.HttpRequestStatus.DeadlineReached(),
              new io.basalt.executor.api.OffchainContext.HttpRequestStatus.IoError(),
              new io.basalt.executor.api.OffchainContext.HttpRequestStatus.Invalid());
      byte[] ids = ScaleCodec.vec(ScaleCodec.U16).encode(java.util.List.of(1, 2, 3, 0xffff));
      assertThat(
              bytes(
                  HostCallProbe.of("ext_offchain_http_response_wait_version_1")
                      .ps(ids)
                      .ps(deadline(java.util.Optional.of(5L)))))
          .as("Vec<HttpRequestStatus>: Finished(404), DeadlineReached, IoError, Invalid")
          .containsExactly(16, 3, 0x94, 0x01, 0, 1, 2);
      assertThat(context.calls).contains("http_response_wait [1, 2, 3, 65535] 5");

      context.headers =
          java.util.List.of(
              new io.basalt.primitives.scale.Tuple2<>(b("content-type"), b("text/plain")));
      assertThat(bytes(HostCallProbe.of("ext_offchain_http_response_headers_version_1").i32(3)))
          .isEqualTo(
              concat(
                  new byte[] {4, 12 << 2},
                  ascii("content-type"),
                  new byte[] {10 << 2},
                  ascii("text/plain")));

      context.body = io.basalt.primitives.scale.Result.ok(b("hello"));
      HostCallProbe read =
          HostCallProbe.of("ext_offchain_http_response_read_body_version_1")
              .i32(3)
              .buffer(8)
              .ps(deadline(java.util.Optional.empty()));
      assertThat(bytes(read)).as("Ok(5u32)").containsExactly(0, 5, 0, 0, 0);
      assertThat(read.argument(read.inputAfterCall(EXECUTOR, ext(), offchain), 1))
          .isEqualTo(concat(ascii("hello"), new byte[3]));
      assertThat(context.calls).contains("http_response_read_body 3 8 none");
      context.body =
          io.basalt.primitives.scale.Result.err(
              io.basalt.executor.api.OffchainContext.HttpError.IO_ERROR);
      assertThat(bytes(read)).as("Err(IoError)").containsExactly(1, 2);
      context.body = io.basalt.primitives.scale.Result.ok(b("more than eight"));
      assertThatThrownBy(() -> bytes(read))
          .isInstanceOf(RuntimeTrapException.class)
          .hasMessageContaining("body bytes for a 8-byte buffer");
    }

    @Test
    void setAuthorizedNodesDecodesTheNodesAndTheFlag() {
      byte[] nodes =
          ScaleCodec.vec(ScaleCodec.BYTES)
              .encode(java.util.List.of(Bytes.of((byte) 1, (byte) 2), Bytes.of((byte) 3)));
      HostCallProbe.of("ext_offchain_set_authorized_nodes_version_1")
          .ps(nodes)
          .i32(1)
          .run(EXECUTOR, ext(), offchain);
      HostCallProbe.of("ext_offchain_set_authorized_nodes_version_1")
          .ps(ScaleCodec.vec(ScaleCodec.BYTES).encode(java.util.List.of()))
          .i32(0)
          .run(EXECUTOR, ext(), offchain);
      assertThat(context.calls)
          .containsExactly(
              "set_authorized_nodes [0x0102, 0x03] true", "set_authorized_nodes [] false");
    }

    @Test
    void everyOffchainFunctionTrapsOutsideAnOffchainContext() {
      java.util.List<io.basalt.executor.host.HostFunctionRegistry.HostFunction> functions =
          io.basalt.executor.host.HostFunctionRegistry.standard().functions().stream()
              .filter(f -> f.namespace().equals("offchain"))
              .toList();
      assertThat(functions).as("the 17 of host-api.md §5").hasSize(17);
      for (io.basalt.executor.host.HostFunctionRegistry.HostFunction f : functions) {
        HostCallProbe probe = HostCallProbe.of(f.name());
        for (io.basalt.executor.vm.WasmValueType type : f.signature().params()) {
          if (type == io.basalt.executor.vm.WasmValueType.I32) {
            probe.i32(1);
          } else {
            probe.ps(new byte[] {0});
          }
        }
        assertThatThrownBy(() -> probe.run(EXECUTOR, ext(), SERVICES))
            .as(f.name())
            .isInstanceOf(RuntimeTrapException.class)
            .hasMessageContaining(f.name() + " is only available in offchain context");
      }
      assertThat(context.calls).isEmpty();
    }
  }
}
